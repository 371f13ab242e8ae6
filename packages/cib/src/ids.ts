// The id index: every element of the configuration by its id. The status section is left out
// because its ids (lrm_rsc_op ids above all) repeat from node to node.

import type { XmlElement } from './xml/tree.js';

export type IdIndex = ReadonlyMap<string, XmlElement>;

/**
 * Elements whose `id` names another element instead of defining one (IDREF in the schema): a
 * resource_ref in a set, an obj_ref in a tag, a role listed for an ACL target or group.
 */
export function idIsReference(el: XmlElement): boolean {
  switch (el.name) {
    case 'resource_ref':
    case 'obj_ref':
    case 'role_ref':
      return true;
    case 'role':
      return el.parent?.name === 'acl_target' || el.parent?.name === 'acl_group';
    default:
      return false;
  }
}

/**
 * Indexes the ids below `root`, skipping any <status> subtree and the ids that are references
 * (see idIsReference). The first element wins, except that a node gives way: node ids are
 * Corosync's, and a remote node shares its id with the resource that connects it.
 */
export function buildIdIndex(root: XmlElement): Map<string, XmlElement> {
  const index = new Map<string, XmlElement>();
  const stack: XmlElement[] = [root];
  while (stack.length) {
    const el = stack.pop()!;
    const id = el.get('id');
    if (id !== undefined && !idIsReference(el)) {
      const held = index.get(id);
      if (!held || (isNode(held) && !isNode(el))) index.set(id, el);
    }
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

function isNode(el: XmlElement): boolean {
  return el.name === 'node' && el.parent?.name === 'nodes';
}
