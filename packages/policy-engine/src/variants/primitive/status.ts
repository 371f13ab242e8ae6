// A primitive's state as unpacked (Pacemaker's lib/pengine/native.c): active, role, location.

import type { RoleN } from '../../model/role.js';
import type { Node, Resource } from '../../model/types.js';
import { LocationKind, type LocationKindN } from '../methods.js';

/** Agent standards that support globally unique clone instances (Pacemaker's pcmk_ra_cap_unique). */
const UNIQUE_STANDARDS = new Set(['ocf', 'stonith']);

function clearUnique(rsc: Resource): void {
  rsc.unique = false;
  for (const child of rsc.children) clearUnique(child);
}

/**
 * Pacemaker's native_unpack: only some agent standards can be unique clone instances (the others
 * make the whole clone anonymous), and only OCF agents can be promoted.
 */
export function primitiveUnpack(rsc: Resource): boolean {
  let top = rsc;
  while (top.parent !== undefined) top = top.parent;
  const standard = (rsc.xml.get('class') ?? '').toLowerCase();
  if (!UNIQUE_STANDARDS.has(standard) && rsc.unique && top.clone !== undefined) {
    forceAnonymous(top);
    clearUnique(top);
    clearUnique(rsc);
  }
  if (standard !== 'ocf' && top.promotable) return false;
  return true;
}

/** Pacemaker's pe__force_anon: one instance per node, at most one per node in all. */
function forceAnonymous(clone: Resource): void {
  const data = clone.clone!;
  data.cloneNodeMax = 1;
  data.cloneMax = Math.min(data.cloneMax, clone.cluster.nodes.length);
}

/** Active if on an unclean node, or on an online node (or anywhere, when unmanaged). */
export function primitiveActive(rsc: Resource, _all: boolean): boolean {
  for (const node of rsc.runningOn) {
    if (node.unclean) return true;
    if (!node.online && rsc.managed) continue;
    return true;
  }
  return false;
}

export function primitiveState(rsc: Resource, current: boolean): RoleN {
  return current ? rsc.role : rsc.nextRole;
}

function appendUnique(list: Node[], node: Node): void {
  if (!list.includes(node)) list.push(node);
}

/** Shared by every variant: the nodes of a resource (or its members), deduplicated. */
export function resourceLocationNodes(rsc: Resource, list: Node[] | undefined, kind: LocationKindN): Node | undefined {
  const result: Node[] = [];
  if (rsc.children.length) {
    for (const child of rsc.children) child.methods.location(child, result, kind);
  } else if (kind !== LocationKind.assigned) {
    for (const n of rsc.runningOn) result.push(n);
    if (kind === LocationKind.currentOrPending && rsc.pendingNode !== undefined && !result.includes(rsc.pendingNode)) {
      result.push(rsc.pendingNode);
    }
  } else if (rsc.assignedTo !== undefined) {
    result.push(rsc.assignedTo.node);
  }
  if (list) for (const n of result) appendUnique(list, n);
  return result.length === 1 ? result[0] : undefined;
}

