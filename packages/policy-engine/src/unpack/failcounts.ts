// Fail counts (Pacemaker's lib/pengine/failcounts.c). They are node attributes named
// fail-count-<rsc>#<op>_<interval> (last-failure-… for the time of the last failure); a
// resource's count on a node is their sum. Each node's attributes are indexed once by resource
// name instead of matching a regular expression per resource and node.

import { addScores, type Score, type XmlElement } from '@hacluster/cib';
import type { Node, Resource } from '../model/types.js';
import { char2score } from '../util/score.js';
import { eqCase } from '../util/strings.js';
import { parseIntervalSpec } from '../util/interval.js';
import { historyEntry } from './history-index.js';

interface FailEntry {
  /** The resource part of the name, with any ":<instance>" suffix removed. */
  base: string;
  /** Whether the name had an instance suffix. */
  instance: boolean;
  /** The resource part as written. */
  name: string;
  value: string;
}

interface FailIndex {
  counts: Map<string, FailEntry[]>;
  lastFailures: Map<string, FailEntry[]>;
}

const indexes = new WeakMap<Node, { attrs: Map<string, string>; size: number; index: FailIndex }>();

const OP_SUFFIX = /^.+_[0-9]+$/;

function parseName(rest: string, value: string): FailEntry | undefined {
  const hash = rest.indexOf('#');
  if (hash <= 0) return undefined;
  if (!OP_SUFFIX.test(rest.slice(hash + 1))) return undefined;
  const name = rest.slice(0, hash);
  const m = /^(.*):[0-9]+$/.exec(name);
  return { base: m ? m[1]! : name, instance: m !== null, name, value };
}

function add(map: Map<string, FailEntry[]>, e: FailEntry): void {
  const list = map.get(e.base);
  if (list) list.push(e);
  else map.set(e.base, [e]);
}

function failIndex(node: Node): FailIndex {
  const cached = indexes.get(node);
  if (cached && cached.attrs === node.attrs && cached.size === node.attrs.size) return cached.index;
  const index: FailIndex = { counts: new Map(), lastFailures: new Map() };
  for (const [k, v] of node.attrs) {
    if (k.startsWith('fail-count-')) {
      const e = parseName(k.slice(11), v);
      if (e) add(index.counts, e);
    } else if (k.startsWith('last-failure-')) {
      const e = parseName(k.slice(13), v);
      if (e) add(index.lastFailures, e);
    }
  }
  indexes.set(node, { attrs: node.attrs, size: node.attrs.size, index });
  return index;
}

/** Whether a node records any fail count (most nodes of a healthy cluster do not). */
export function hasFailCounts(node: Node): boolean {
  return failIndex(node).counts.size > 0;
}

/** The name fail counts are recorded under: the history name, instance number stripped when anonymous. */
function failName(rsc: Resource): { name: string; unique: boolean } {
  const name = rsc.cloneName ?? rsc.id;
  if (rsc.unique) return { name, unique: true };
  return { name: cloneStrip(name), unique: false };
}

/** Pacemaker's clone_strip: "rsc:3" → "rsc" (only a trailing ":<digits>" is removed). */
export function cloneStrip(id: string): string {
  let i = id.length - 1;
  while (i > 0 && id.charCodeAt(i) >= 48 && id.charCodeAt(i) <= 57) i--;
  if (i > 0 && id[i] === ':' && i !== id.length - 1) return id.slice(0, i);
  return id;
}

function matching(map: Map<string, FailEntry[]>, name: string, unique: boolean): FailEntry[] {
  if (unique) {
    const m = /^(.*):[0-9]+$/.exec(name);
    return (map.get(m ? m[1]! : name) ?? []).filter((e) => e.name === name);
  }
  return map.get(name) ?? [];
}

export interface FailcountOptions {
  /** Only count failures that have not expired (failure-timeout). */
  effective?: boolean;
  /** Add the fail counts of the resources inside a container. */
  fillers?: boolean;
  /** The history entry being looked at (for on-fail=block checks). */
  xmlOp?: XmlElement;
}

function isMatchedFailure(rscId: string, confOp: XmlElement, lrmOp: XmlElement): boolean {
  const confInterval = parseIntervalSpec(confOp.get('interval'));
  const lrmInterval = Number.parseInt(lrmOp.get('interval') ?? '0', 10) || 0;
  if (confInterval !== lrmInterval || !eqCase(confOp.get('name'), lrmOp.get('operation'))) return false;
  const id = lrmOp.get('id');
  if (eqCase(`${rscId}_last_failure_0`, id)) return true;
  if (eqCase(`${rscId}_${confOp.get('name')}_${confInterval}`, id)) {
    const rc = Number.parseInt(lrmOp.get('rc-code') ?? '0', 10) || 0;
    return rc !== targetRcOf(lrmOp);
  }
  return false;
}

/** The expected result recorded in a history entry's transition key, or -1. */
export function targetRcOf(xmlOp: XmlElement): number {
  const key = xmlOp.get('transition-key');
  if (key === undefined) return -1;
  const parts = key.split(':');
  if (parts.length < 4) return -1;
  return Number.parseInt(parts[2]!, 10);
}

/** Whether a failure is on an operation configured with on-fail=block (then it never expires). */
function blockFailure(node: Node, rsc: Resource, xmlOp: XmlElement | undefined): boolean {
  const name = cloneStrip(rsc.id);
  const primitive = rsc.cluster.idIndex.get(name);
  if (primitive === undefined || primitive.name !== 'primitive') return false;
  const blockOps: XmlElement[] = [];
  for (const d of primitive.descendants()) {
    if (d.name === 'op' && d.get('on-fail') === 'block') blockOps.push(d);
  }
  for (const pref of blockOps) {
    if (xmlOp) {
      if (isMatchedFailure(name, pref, xmlOp)) return true;
    } else {
      const entry = historyEntry(rsc.cluster, node.uname, name);
      if (!entry) continue;
      const interval = parseIntervalSpec(pref.get('interval'));
      for (const op of entry.elements('lrm_rsc_op')) {
        if (op.get('operation') !== pref.get('name')) continue;
        if ((Number.parseInt(op.get('interval') ?? '0', 10) || 0) !== interval) continue;
        if (isMatchedFailure(name, pref, op)) return true;
      }
    }
  }
  return false;
}

/** Pacemaker's pe_get_failcount; also returns the time of the last failure (0 if none). */
export function getFailcount(node: Node, rsc: Resource, options: FailcountOptions = {}): { count: Score; lastFailure: number } {
  const index = failIndex(node);
  // most nodes have no failures recorded: nothing to count, for this resource or its fillers
  if (index.counts.size === 0 && index.lastFailures.size === 0) return { count: 0 as Score, lastFailure: 0 };
  const { name, unique } = failName(rsc);
  let count = 0 as Score;
  for (const e of matching(index.counts, name, unique)) count = addScores(count, char2score(e.value));
  let last = 0;
  for (const e of matching(index.lastFailures, name, unique)) {
    const m = /^\s*([+-]?\d+)/.exec(e.value);
    if (m) last = Math.max(last, Number(m[1]));
  }
  let lastFailure = count > 0 && last > 0 ? last : 0;
  if (count > 0 && rsc.failureTimeout && blockFailure(node, rsc, options.xmlOp)) rsc.failureTimeout = 0;
  if (options.effective && count > 0 && last > 0 && rsc.failureTimeout) {
    if (rsc.cluster.now > last + rsc.failureTimeout) count = 0 as Score;
  }
  if (options.fillers && rsc.fillers.length && !(rsc.parent?.variant === 'bundle')) {
    for (const filler of rsc.fillers) {
      const r = getFailcount(node, filler, options);
      count = (count + r.count) as Score;
      if (r.lastFailure > lastFailure) lastFailure = r.lastFailure;
    }
  }
  return { count, lastFailure };
}
