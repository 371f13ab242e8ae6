// The id index: every element of the configuration by its id. The status section is left out
// because its ids (lrm_rsc_op ids above all) repeat from node to node.

import type { XmlElement } from './xml/tree.js';

export type IdIndex = ReadonlyMap<string, XmlElement>;

/** Indexes the ids below `root`, skipping any <status> subtree. The first element wins. */
export function buildIdIndex(root: XmlElement): Map<string, XmlElement> {
  const index = new Map<string, XmlElement>();
  const stack: XmlElement[] = [root];
  while (stack.length) {
    const el = stack.pop()!;
    const id = el.get('id');
    if (id !== undefined && !index.has(id)) index.set(id, el);
    for (let i = el.children.length - 1; i >= 0; i--) {
      const c = el.children[i]!;
      if (c.kind === 'element' && c.name !== 'status') stack.push(c);
    }
  }
  return index;
}

/** Valid XML ids, as Pacemaker's schema (xsd:ID) and pcs require them. */
export function isValidId(id: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_.-]*$/.test(id);
}
