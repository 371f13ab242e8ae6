// Element paths as Pacemaker's patchsets write them: `/cib/configuration/resources/
// primitive[@id='d1']`, one step per element from the root, `[@id='…']` when the element has an
// id. An element without an id that shares its name with a sibling gets a position, `op[2]`, as
// in XPath (Pacemaker writes none and takes the first).

import { CibError } from '../errors.js';
import type { XmlElement, XmlNode } from '../xml/tree.js';

export interface PathStep {
  name: string;
  id?: string;
  /** 1-based position among the parent's children of this name (XPath `name[k]`). */
  index?: number;
}

function stepOf(el: XmlElement): string {
  const id = el.get('id');
  if (id !== undefined) return `${el.name}[@id='${id}']`;
  const parent = el.parent;
  if (!parent) return el.name;
  let k = 0;
  let index = 0;
  for (const c of parent.children) {
    if (c.kind !== 'element' || c.name !== el.name) continue;
    k++;
    if (c === el) index = k;
  }
  return k > 1 ? `${el.name}[${index}]` : el.name;
}

/** The path of an element in its document. */
export function elementPath(el: XmlElement): string {
  const steps: string[] = [];
  for (let e: XmlElement | null = el; e; e = e.parent) steps.push(stepOf(e));
  return '/' + steps.reverse().join('/');
}

/** The path of a child element of the element at `parentPath`, without walking the tree. */
export function childPath(parentPath: string, child: XmlElement): string {
  return `${parentPath}/${stepOf(child)}`;
}

const STEP = /^([^[\]/'"]+)(?:\[@id=(?:'([^']*)'|"([^"]*)")\]|\[([1-9][0-9]*)\])?$/;

/** Splits a path into steps; a path that is not of this simple form is a BAD_PATCH. */
export function parsePath(path: string): PathStep[] {
  if (!path.startsWith('/')) throw new CibError({ code: 'BAD_PATCH', reason: `path '${path}' does not start with '/'` });
  const parts: string[] = [];
  let current = '';
  let quote = '';
  for (const ch of path.slice(1)) {
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === "'" || ch === '"') {
      quote = ch;
    } else if (ch === '/') {
      parts.push(current);
      current = '';
      continue;
    }
    current += ch;
  }
  parts.push(current);
  return parts.map((part) => {
    const m = STEP.exec(part);
    if (!m) throw new CibError({ code: 'BAD_PATCH', reason: `path '${path}' has a step '${part}' that is not name, name[@id='…'] or name[k]` });
    const step: PathStep = { name: m[1]! };
    const id = m[2] ?? m[3];
    if (id !== undefined) step.id = id;
    if (m[4] !== undefined) step.index = Number(m[4]);
    return step;
  });
}

/**
 * Finds child elements by name and id quickly: each parent's children are indexed on the first
 * lookup (a patch may address thousands of the ten thousand resources of a big CIB).
 */
export class ChildFinder {
  private readonly byParent = new Map<XmlElement, Map<string, XmlElement>>();

  /** The first child with this name and id; undefined when there is none. */
  find(parent: XmlElement, name: string, id: string): XmlElement | undefined {
    let index = this.byParent.get(parent);
    if (!index) {
      index = new Map();
      for (const c of parent.children) {
        if (c.kind !== 'element') continue;
        const cid = c.get('id');
        const key = c.name + '\u0000' + cid;
        if (cid !== undefined && !index.has(key)) index.set(key, c);
      }
      this.byParent.set(parent, index);
    }
    return index.get(name + '\u0000' + id);
  }

  /** Forgets a parent's index (its children changed). */
  forget(parent: XmlElement): void {
    this.byParent.delete(parent);
  }
}

/**
 * Finds the element a path names below the document's root element. Nodes in `gone` (deleted
 * earlier in the same patch) are passed over by name and id steps and end a walk that lands on
 * them; positional steps count them, since positions were taken before any deletion.
 */
export function resolvePath(root: XmlElement, steps: readonly PathStep[], gone?: ReadonlySet<XmlNode>, finder?: ChildFinder): XmlElement | undefined {
  const [first, ...rest] = steps;
  if (!first || first.name !== root.name || (first.id !== undefined && root.get('id') !== first.id)) return undefined;
  let el: XmlElement = root;
  for (const step of rest) {
    const next = findChild(el, step, gone, finder);
    if (!next) return undefined;
    el = next;
  }
  return el;
}

/** The child a path step names (see resolvePath). */
export function findChild(parent: XmlElement, step: PathStep, gone?: ReadonlySet<XmlNode>, finder?: ChildFinder): XmlElement | undefined {
  if (finder && step.id !== undefined && step.index === undefined) {
    const hit = finder.find(parent, step.name, step.id);
    // A hit that is deleted may hide a later namesake with the same id: look further below.
    if (!hit || !gone?.has(hit)) return hit;
  }
  let k = 0;
  for (const c of parent.children) {
    if (c.kind !== 'element' || c.name !== step.name) continue;
    if (step.index !== undefined) {
      if (++k === step.index) return gone?.has(c) ? undefined : c;
      continue;
    }
    if (gone?.has(c)) continue;
    if (step.id === undefined || c.get('id') === step.id) return c;
  }
  return undefined;
}
