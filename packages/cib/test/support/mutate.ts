// Random but reproducible edits of a CIB, for property tests of diff and patch: attribute
// changes, deleted, copied and moved elements, comments added and removed.

import { insertNode, removeNode, XmlComment, XmlElement, type Cib, type XmlNode } from '../../src/index.js';

/** A small seeded generator (mulberry32): the same seed gives the same edits. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(random: () => number, xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;

function contentChildren(el: XmlElement): XmlNode[] {
  return el.children.filter((c) => c.kind === 'element' || c.kind === 'comment');
}

export interface MutateOptions {
  /** Only elements that carry an id are deleted, copied or moved. */
  idsOnly?: boolean;
}

/** Makes `count` edits below the root (the root and its sections stay); returns what was done. */
export function mutate(cib: Cib, random: () => number, count: number, options: MutateOptions = {}): string[] {
  const done: string[] = [];
  let serial = 0;
  for (let n = 0; n < count; n++) {
    const all = [...cib.root.descendants()].filter((e) => e.depth >= 2);
    if (all.length === 0) break;
    const movable = options.idsOnly ? all.filter((e) => e.has('id')) : all;
    const el = pick(random, all);
    const kind = Math.floor(random() * 7);
    if (kind === 0) {
      const names = el.attributeNames().filter((a) => a !== 'id');
      const name = names.length && random() < 0.7 ? pick(random, names) : `x-test-${serial++}`;
      el.set(name, `v${Math.floor(random() * 1000)}`);
      done.push(`set ${el.name}@${name}`);
    } else if (kind === 1) {
      const names = el.attributeNames().filter((a) => a !== 'id');
      if (!names.length) continue;
      const name = pick(random, names);
      el.remove(name);
      done.push(`unset ${el.name}@${name}`);
    } else if (kind === 2 && movable.length) {
      const victim = pick(random, movable);
      removeNode(victim.parent!, victim);
      done.push(`delete ${victim.name}`);
    } else if (kind === 3 && movable.length) {
      const original = pick(random, movable);
      const copy = original.clone();
      const suffix = `-m${serial++}`;
      for (const d of copy.descendants()) {
        const id = d.get('id');
        if (id !== undefined) d.set('id', id + suffix);
      }
      const parent = original.parent!;
      insertNode(parent, copy, pick(random, [...contentChildren(parent), undefined]));
      done.push(`copy ${original.name}`);
    } else if (kind === 4 && movable.length) {
      const moving = pick(random, movable);
      const parent = moving.parent!;
      removeNode(parent, moving);
      insertNode(parent, moving, pick(random, [...contentChildren(parent), undefined]), true);
      done.push(`move ${moving.name}`);
    } else if (kind === 5) {
      const parent = el.parent!;
      insertNode(parent, new XmlComment(` note ${serial++} `), pick(random, [...contentChildren(parent), undefined]));
      done.push('add comment');
    } else {
      const comments = all.flatMap((e) => e.children.filter((c): c is XmlComment => c.kind === 'comment').map((c) => [e, c] as const));
      if (!comments.length) continue;
      const [parent, comment] = pick(random, comments);
      removeNode(parent, comment);
      done.push('delete comment');
    }
  }
  return done;
}
