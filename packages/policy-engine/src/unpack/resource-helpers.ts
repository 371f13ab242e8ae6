// Questions about resources that many stages ask (Pacemaker's uber_parent, pe_rsc_is_clone, …).

import type { Node, Resource, WorkingSet } from '../model/types.js';

/** The top-level ancestor (bundles excepted: their children stop at the bundle's child). */
export function topResource(rsc: Resource): Resource {
  let p = rsc;
  while (p.parent !== undefined && p.parent.variant !== 'bundle') p = p.parent;
  return p;
}

export function isClone(rsc: Resource | undefined): boolean {
  return rsc !== undefined && rsc.variant === 'clone';
}

export function isAnonClone(rsc: Resource | undefined): boolean {
  return isClone(rsc) && !rsc!.unique;
}

export function isUniqueClone(rsc: Resource | undefined): boolean {
  return isClone(rsc) && rsc!.unique;
}

export function isBundled(rsc: Resource): boolean {
  return topResource(rsc).parent !== undefined;
}

/** A resource that is the connection of a remote node (not a guest). */
export function isRemoteConnection(rsc: Resource): boolean {
  if (!rsc.isRemoteNode) return false;
  const node = rsc.cluster.nodeById.get(rsc.id);
  return node !== undefined && node.type === 'remote' && rsc.container === undefined;
}

/** Is `rsc` a descendant of `ancestor`? */
export function isParent(rsc: Resource, ancestor: Resource): boolean {
  for (let p = rsc.parent; p !== undefined; p = p.parent) if (p === ancestor) return true;
  return false;
}

/**
 * Pacemaker's pe__find_active_on: the node a resource is active on (its partial migration source
 * when migrating; else a clean online node when it does not need fencing), counting the nodes.
 */
export function findActiveOn(rsc: Resource, counts?: { all: number; clean: number }): Node | undefined {
  let active: Node | undefined;
  if (counts) {
    counts.all = 0;
    counts.clean = 0;
  }
  for (const node of rsc.runningOn) {
    let keepLooking = false;
    const isHappy = node.online && !node.unclean;
    if (counts) {
      counts.all++;
      if (isHappy) counts.clean++;
      keepLooking = true;
    }
    if (rsc.partialMigrationSource !== undefined) {
      if (node === rsc.partialMigrationSource) active = node;
      else keepLooking = true;
    } else if (!rsc.needsFencing) {
      if (isHappy && (active === undefined || !active.online || active.unclean)) active = node;
      else keepLooking = true;
    }
    if (active === undefined) active = node;
    if (!keepLooking) break;
  }
  return active;
}

/** Pacemaker's pe__current_node. */
export function currentNode(rsc: Resource): Node | undefined {
  return findActiveOn(rsc);
}

/** The id shown for a resource (anonymous clone instances show their configured id). */
export function printableId(rsc: Resource): string {
  return rsc.unique ? rsc.id : (rsc.xml.get('id') ?? rsc.id);
}

const historyNames = new WeakMap<WorkingSet, Map<string, Resource>>();

/**
 * Pacemaker's pe_find_resource: a resource by id, or by the name its history is recorded under
 * (an anonymous clone instance's configured id). The history names are indexed once, after
 * unpacking.
 */
export function findResourceByHistory(ws: WorkingSet, name: string): Resource | undefined {
  const direct = ws.resourceById.get(name);
  if (direct !== undefined) return direct;
  let index = historyNames.get(ws);
  if (index === undefined) {
    const names = new Map<string, Resource>();
    const walk = (rsc: Resource): void => {
      if (rsc.cloneName !== undefined && !names.has(rsc.cloneName)) names.set(rsc.cloneName, rsc);
      for (const child of rsc.children) walk(child);
    };
    for (const rsc of ws.resources) walk(rsc);
    index = names;
    historyNames.set(ws, index);
  }
  return index.get(name);
}
