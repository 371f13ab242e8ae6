// The difference between two CIBs as a patch (see model.ts). Children are paired by element
// name and id (elements without an id by name and order, comments by content and order); what
// is only in the original is deleted, what is only in the modified CIB is created whole, paired
// elements are compared attribute by attribute, and the fewest moves that restore the modified
// order are recorded (the pairs outside a longest run that kept its relative order).

import type { Cib } from '../cib.js';
import { VERSION_FIELDS } from '../version.js';
import { serializeXml } from '../xml/serialize.js';
import type { XmlComment, XmlElement } from '../xml/tree.js';
import type { AttributeChange, CibPatch, PatchChange } from './model.js';
import { childPath } from './path.js';

export interface DiffOptions {
  /**
   * Also record changes of admin_epoch, epoch and num_updates as changes of the root (crm_diff
   * without --no-version). By default they are left out: the store moves the counters when it
   * applies a patch.
   */
  withVersion?: boolean;
}

type Child = XmlElement | XmlComment;

interface DiffState {
  deletes: PatchChange[];
  others: PatchChange[];
  ignoreAtRoot: ReadonlySet<string>;
}

/** The patch that turns `original` into `modified`. */
export function diffCibs(original: Cib, modified: Cib, options: DiffOptions = {}): CibPatch {
  const state: DiffState = {
    deletes: [],
    others: [],
    ignoreAtRoot: new Set(options.withVersion ? [] : VERSION_FIELDS),
  };
  diffElement(original.root, modified.root, '/' + original.root.name, state, true);
  return { format: 2, source: original.version, target: modified.version, changes: [...state.deletes, ...state.others] };
}

function diffElement(o: XmlElement, n: XmlElement, path: string, state: DiffState, isRoot: boolean): void {
  const ignore = isRoot ? state.ignoreAtRoot : undefined;
  const attributes = attributeChanges(o, n, ignore);
  if (attributes.length > 0) {
    const result = n.attributes();
    if (ignore) for (const name of ignore) delete result[name];
    state.others.push({ operation: 'modify', path, attributes, result });
  }
  diffChildren(o, n, path, state);
}

function attributeChanges(o: XmlElement, n: XmlElement, ignore: ReadonlySet<string> | undefined): AttributeChange[] {
  if (!ignore && o.rawStart !== undefined && o.rawStart === n.rawStart) return [];
  const changes: AttributeChange[] = [];
  const after = n.attrs;
  for (let i = 0; i < after.length; i += 2) {
    const name = after[i]!;
    if (ignore?.has(name)) continue;
    const before = o.get(name);
    if (before !== after[i + 1]) changes.push({ name, operation: 'set', value: after[i + 1]!, original: before ?? null });
  }
  const was = o.attrs;
  for (let i = 0; i < was.length; i += 2) {
    const name = was[i]!;
    if (ignore?.has(name) || n.has(name)) continue;
    changes.push({ name, operation: 'unset', original: was[i + 1]! });
  }
  return changes;
}

function contentChildren(el: XmlElement): Child[] {
  const out: Child[] = [];
  for (const c of el.children) if (c.kind === 'element' || c.kind === 'comment') out.push(c);
  return out;
}

/** Pairing keys: name and id, else name and rank among id-less namesakes; comments by content. */
function keysOf(children: readonly Child[]): string[] {
  const seen = new Map<string, number>();
  return children.map((c) => {
    let base: string;
    if (c.kind === 'comment') base = '\u0002' + c.content;
    else {
      const id = c.get('id');
      if (id !== undefined) return c.name + '\u0000' + id;
      base = '\u0001' + c.name;
    }
    const k = (seen.get(base) ?? 0) + 1;
    seen.set(base, k);
    return base + '\u0000' + k;
  });
}

/** Do both lists pair up one to one, in order (same names and ids, same comments, same text)? */
function samePairing(a: readonly Child[], b: readonly Child[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x.kind === 'comment') {
      if (y.kind !== 'comment' || x.content !== y.content) return false;
      continue;
    }
    if (y.kind === 'comment' || x.name !== y.name || x.get('id') !== y.get('id') || directText(x) !== directText(y)) return false;
  }
  return true;
}

/** Text and CDATA directly inside an element (CIBs have none, but it must not be lost). */
function directText(el: XmlElement): string {
  let s = '';
  for (const c of el.children) {
    if (c.kind === 'text' && !c.isWhitespace) s += c.raw;
    else if (c.kind === 'cdata') s += '<![CDATA[' + c.content + ']]>';
  }
  return s;
}

function diffChildren(o: XmlElement, n: XmlElement, path: string, state: DiffState): void {
  const oKids = contentChildren(o);
  const nKids = contentChildren(n);
  if (oKids.length === 0 && nKids.length === 0) return;
  if (samePairing(oKids, nKids)) {
    // The usual case: the same children in the same order; only their insides can differ.
    for (let i = 0; i < oKids.length; i++) {
      const a = oKids[i]!;
      if (a.kind === 'element') diffElement(a, nKids[i] as XmlElement, childPath(path, a), state, false);
    }
    return;
  }
  const oKeys = keysOf(oKids);
  const nKeys = keysOf(nKids);
  const oIndexOf = new Map<string, number>();
  oKeys.forEach((k, i) => {
    if (!oIndexOf.has(k)) oIndexOf.set(k, i);
  });

  // pairOf[j]: index in oKids of the original paired with nKids[j], or -1 when it is new.
  const pairOf: number[] = new Array<number>(nKids.length).fill(-1);
  const paired: boolean[] = new Array<boolean>(oKids.length).fill(false);
  nKeys.forEach((k, j) => {
    const i = oIndexOf.get(k);
    if (i === undefined || paired[i]) return;
    const a = oKids[i]!;
    const b = nKids[j]!;
    // An element whose text changed is replaced whole: the patch format has no text change.
    if (a.kind === 'element' && b.kind === 'element' && directText(a) !== directText(b)) return;
    pairOf[j] = i;
    paired[i] = true;
  });

  const stationary = longestIncreasingRun(pairOf);
  // A comment has no id to address it by when it moves: it is deleted and created instead.
  pairOf.forEach((i, j) => {
    if (i >= 0 && !stationary.has(j) && nKids[j]!.kind === 'comment') {
      pairOf[j] = -1;
      paired[i] = false;
    }
  });

  // Deletions, with positions counted as they happen (earlier deletions no longer count).
  let deletedSoFar = 0;
  oKids.forEach((c, i) => {
    if (paired[i]) return;
    if (c.kind === 'comment') state.deletes.push({ operation: 'delete', path: path + '/comment', position: i - deletedSoFar });
    else state.deletes.push({ operation: 'delete', path: childPath(path, c) });
    deletedSoFar++;
  });

  nKids.forEach((c, j) => {
    const i = pairOf[j]!;
    if (i < 0) {
      state.others.push({ operation: 'create', path, position: j, xml: c.kind === 'comment' ? `<!--${c.content}-->` : serializeXml(c) });
      return;
    }
    const before = oKids[i]!;
    if (before.kind !== 'element' || c.kind !== 'element') return; // a comment in its place
    const p = childPath(path, before);
    diffElement(before, c, p, state, false);
    if (!stationary.has(j)) state.others.push({ operation: 'move', path: p, position: j });
  });
}

/**
 * The indices j (with pairOf[j] >= 0) of a longest subsequence whose pairOf values increase:
 * those children kept their relative order and need no move.
 */
export function longestIncreasingRun(pairOf: readonly number[]): Set<number> {
  const tails: number[] = []; // tails[k]: index j ending the best run of length k+1
  const prev: number[] = new Array<number>(pairOf.length).fill(-1);
  for (let j = 0; j < pairOf.length; j++) {
    const v = pairOf[j]!;
    if (v < 0) continue;
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pairOf[tails[mid]!]! < v) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[j] = tails[lo - 1]!;
    tails[lo] = j;
  }
  const run = new Set<number>();
  for (let j = tails.length ? tails[tails.length - 1]! : -1; j >= 0; j = prev[j]!) run.add(j);
  return run;
}
