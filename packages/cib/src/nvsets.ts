// Name/value sets: instance_attributes, meta_attributes, utilization, cluster_property_set and
// the like. A set may carry a rule and a score, and may be an id-ref to a set defined elsewhere;
// so may each nvpair.

import { dereference, readRule } from './rules/read.js';
import { evaluateRule, type RuleContext } from './rules/evaluate.js';
import type { Rule } from './rules/model.js';
import { parseScore, type Score, ZERO } from './score.js';
import type { IdIndex } from './ids.js';
import type { XmlElement } from './xml/tree.js';

export interface NvPair {
  id: string | undefined;
  name: string;
  value: string | undefined;
}

export interface NvSet {
  /** The element name: instance_attributes, meta_attributes, utilization, … */
  kind: string;
  /** The id of the set as written (for an id-ref, the referenced id is in `idRef`). */
  id: string | undefined;
  idRef: string | undefined;
  score: Score;
  rule: Rule | undefined;
  pairs: NvPair[];
}

/** Reads the sets named `kind` directly below `parent`, following id-refs. */
export function readNvSets(parent: XmlElement, kind: string, ids?: IdIndex): NvSet[] {
  const sets: NvSet[] = [];
  for (const c of parent.children) {
    if (c.kind !== 'element' || c.name !== kind) continue;
    sets.push(readNvSet(c, ids));
  }
  return sets;
}

export function readNvSet(setEl: XmlElement, ids?: IdIndex): NvSet {
  const el = dereference(setEl, ids);
  const pairs: NvPair[] = [];
  let rule: Rule | undefined;
  for (const c of el.children) {
    if (c.kind !== 'element') continue;
    if (c.name === 'nvpair') {
      const p = dereference(c, ids);
      const name = p.get('name');
      if (name !== undefined) pairs.push({ id: c.get('id') ?? p.get('id'), name, value: p.get('value') });
    } else if (c.name === 'rule' && rule === undefined) {
      rule = readRule(c, ids);
    }
  }
  return {
    kind: setEl.name,
    id: setEl.get('id'),
    idRef: setEl.get('id-ref'),
    score: parseScore(el.get('score')) ?? ZERO,
    rule,
    pairs,
  };
}

export interface UnpackOptions {
  /** A set with this id is considered first whatever its score (cib-bootstrap-options). */
  firstId?: string;
  /**
   * Later sets overwrite earlier values (Pacemaker's "overwrite" mode, used for op_defaults):
   * sets are applied from the lowest precedence to the highest, so among sets of equal score
   * the one written last wins. Without it the first value given for a name wins.
   */
  overwrite?: boolean;
}

/**
 * Sets in the order Pacemaker applies them. By default: the `firstId` set, then by descending
 * score, keeping document order between equal scores. With `overwrite`: the other way round
 * (ascending score, the `firstId` set last), still keeping document order between equals.
 */
export function sortNvSets(sets: readonly NvSet[], options: UnpackOptions = {}): NvSet[] {
  const higherFirst = options.overwrite ? 1 : -1;
  const rank = (s: NvSet) => (options.firstId !== undefined && s.id === options.firstId ? 1 : 0);
  return sets
    .map((s, i) => ({ s, i }))
    .sort((a, b) => {
      const byFirst = rank(b.s) - rank(a.s);
      if (byFirst !== 0) return byFirst * -higherFirst;
      if (a.s.score !== b.s.score) return (b.s.score - a.s.score) * -higherFirst;
      return a.i - b.i;
    })
    .map((x) => x.s);
}

/**
 * The values in force: sets whose rule passes are applied in precedence order (see sortNvSets),
 * the first value given for a name winning (or, with `overwrite`, the last). The value
 * `#default` takes back a value set before it. `into` may hold values already: they are treated
 * as given before any set.
 */
export function unpackNvSets(
  sets: readonly NvSet[],
  ctx: RuleContext,
  options: UnpackOptions = {},
  into: Map<string, string> = new Map(),
): Map<string, string> {
  for (const set of sortNvSets(sets, options)) {
    if (set.rule && !evaluateRule(set.rule, ctx)) continue;
    for (const p of set.pairs) {
      if (p.value === undefined) continue;
      if (p.value.toLowerCase() === '#default') into.delete(p.name);
      else if (options.overwrite || !into.has(p.name)) into.set(p.name, p.value);
    }
  }
  return into;
}
