// Name/value sets (meta_attributes, instance_attributes, cluster_property_set, utilization) as
// Pacemaker unpacks them (pe_eval_nvpairs): sets are sorted by descending score, with later sets
// first among equal scores (they are prepended before a stable sort) and an "always first" set
// ahead of all; a set applies when one of its rules passes (or it has none); "#default" removes
// a value; the first value wins unless overwriting.

import type { RuleContext, XmlElement } from '@hacluster/cib';
import { char2score } from './score.js';
import { rulesPass } from './rules.js';
import { expandIdref } from './xml.js';

interface SortedSet {
  name: string | undefined;
  score: number;
  el: XmlElement;
}

const NO_SETS: readonly XmlElement[] = [];

export function sortedSets(
  parent: XmlElement | undefined,
  setName: string,
  ids: ReadonlyMap<string, XmlElement>,
  alwaysFirst?: string,
): readonly XmlElement[] {
  if (parent === undefined) return NO_SETS;
  // (most elements have no set or one: no sorting records for them)
  let only: XmlElement | undefined;
  let count = 0;
  for (const c of parent.children) {
    if (c.kind !== 'element' || c.name !== setName) continue;
    count++;
    only = c;
  }
  if (count === 0) return NO_SETS;
  if (count === 1) {
    const el = expandIdref(only!, ids);
    return el === undefined ? NO_SETS : [el];
  }
  const sets: SortedSet[] = [];
  for (const c of parent.children) {
    if (c.kind !== 'element' || c.name !== setName) continue;
    const el = expandIdref(c, ids);
    if (el === undefined) continue;
    sets.push({ name: el.get('id'), score: char2score(el.get('score')), el });
  }
  if (sets.length <= 1) return sets.map((s) => s.el);
  sets.reverse();
  const special = alwaysFirst?.toLowerCase();
  sets.sort((a, b) => {
    if (special !== undefined && a.name?.toLowerCase() === special) return -1;
    if (special !== undefined && b.name?.toLowerCase() === special) return 1;
    return b.score - a.score;
  });
  return sets.map((s) => s.el);
}

/** Adds the pairs of one set to `into` (Pacemaker's populate_hash). */
export function populateFromSet(
  set: XmlElement,
  into: Map<string, string>,
  overwrite: boolean,
  ids: ReadonlyMap<string, XmlElement>,
): void {
  let list = set;
  const first = set.first();
  if (first !== undefined && first.name === 'attributes') list = first;
  for (const c of list.children) {
    if (c.kind !== 'element' || c.name !== 'nvpair') continue;
    let name = c.get('name');
    let value = c.get('value');
    if (name === undefined || value === undefined) {
      const ref = c.get('id-ref') !== undefined ? expandIdref(c, ids) : undefined;
      if (name === undefined) name = ref?.get('name');
      if (value === undefined) value = ref?.get('value');
    }
    if (name === undefined || value === undefined) continue;
    // (lower-cased only when it can be "#default": values are many and mostly short)
    if (value.length === 8 && value.charCodeAt(0) === 35 && value.toLowerCase() === '#default') {
      into.delete(name);
    } else if (!into.has(name) || overwrite) {
      into.set(name, value);
    }
  }
}

export interface UnpackSetsOptions {
  alwaysFirst?: string;
  overwrite?: boolean;
}

/** Unpacks every set named `setName` below `parent` into `into`. */
export function unpackNvpairs(
  parent: XmlElement | undefined,
  setName: string,
  ctx: RuleContext,
  into: Map<string, string>,
  ids: ReadonlyMap<string, XmlElement>,
  options: UnpackSetsOptions = {},
): Map<string, string> {
  for (const set of sortedSets(parent, setName, ids, options.alwaysFirst)) {
    if (!rulesPass(set, ctx, ids)) continue;
    populateFromSet(set, into, options.overwrite ?? false, ids);
  }
  return into;
}
