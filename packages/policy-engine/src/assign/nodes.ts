// Node availability and the one total order nodes are chosen in (Pacemaker's pcmk_sched_nodes.c):
// higher score, then (balanced) more free capacity, then fewer resources already assigned, then
// the resource's current node, then the name.

import type { Node, NodeScore, NodeTable, Resource, WorkingSet } from '../model/types.js';
import { LocationKind } from '../variants/methods.js';
import { strcmp } from '../util/strings.js';
import { compareNodeCapacities } from './utilization.js';

/** Can resources run on this node (and, with `considerScore`, is its score non-negative)? */
export function nodeAvailable(ns: NodeScore | undefined, considerScore: boolean, considerGuest: boolean): boolean {
  if (ns === undefined) return false;
  const node = ns.node;
  if (!node.online || node.shutdown || node.unclean || node.standby || node.maintenance) return false;
  if (considerScore && ns.weight < 0) return false;
  if (considerGuest && node.type === 'remote' && node.remoteRsc?.container !== undefined) {
    const guest = node.remoteRsc.container;
    if (guest.methods.location(guest, undefined, LocationKind.assigned) === undefined) return false;
  }
  return true;
}

/** Flags of nodeAvailableFor (Pacemaker's enum pcmk__node_availability). */
export const NodeAvail = {
  alive: 1 << 0,
  usable: 1 << 1,
  noZero: 1 << 2,
  noNegative: 1 << 3,
  noBanned: 1 << 4,
  noUnrunnableGuest: 1 << 5,
  exemptGuest: 1 << 6,
} as const;

function isGuestNode(node: Node): boolean {
  return node.type === 'remote' && node.remoteRsc?.container !== undefined;
}

/** Pacemaker's pcmk__node_available with availability flags. */
export function nodeAvailableFor(ns: NodeScore | undefined, flags: number): boolean {
  if (ns === undefined) return false;
  const node = ns.node;
  if (!(flags & NodeAvail.exemptGuest) || !isGuestNode(node)) {
    if (!node.online || node.unclean) return false;
    if (flags & NodeAvail.usable && (node.shutdown || node.standby || node.maintenance)) return false;
  }
  if (flags & NodeAvail.noZero && ns.weight === 0) return false;
  if (flags & NodeAvail.noNegative && ns.weight < 0) return false;
  if (flags & NodeAvail.noBanned && ns.weight <= -1_000_000) return false;
  if (flags & NodeAvail.noUnrunnableGuest && isGuestNode(node)) {
    const guest = node.remoteRsc!.container!;
    if (guest.methods.location(guest, undefined, LocationKind.assigned) === undefined) return false;
  }
  return true;
}

/** The same test for a node without a per-resource score. */
export function nodeUsable(node: Node): boolean {
  return node.online && !node.shutdown && !node.unclean && !node.standby && !node.maintenance;
}

export function anyNodeAvailable(table: NodeTable | undefined): boolean {
  if (!table) return false;
  for (const ns of table.values()) if (nodeAvailable(ns, true, false)) return true;
  return false;
}

export const MINUS_INF = -1_000_000;

type PlacementStrategy = 'default' | 'utilization' | 'minimal' | 'balanced';

function placementStrategy(ws: WorkingSet): PlacementStrategy {
  const s = ws.placementStrategy.toLowerCase();
  return s === 'minimal' || s === 'balanced' || s === 'utilization' ? s : 'default';
}

/** Pacemaker's compare_nodes. */
function compareNodes(strategy: PlacementStrategy, a: NodeScore, b: NodeScore, active: Node | undefined): number {
  const w1 = nodeAvailable(a, false, false) ? a.weight : MINUS_INF;
  const w2 = nodeAvailable(b, false, false) ? b.weight : MINUS_INF;
  if (w1 > w2) return -1;
  if (w1 < w2) return 1;
  if (strategy !== 'minimal') {
    if (strategy === 'balanced') {
      const r = compareNodeCapacities(a.node, b.node);
      if (r < 0) return -1;
      if (r > 0) return 1;
    }
    if (a.node.numResources < b.node.numResources) return -1;
    if (a.node.numResources > b.node.numResources) return 1;
    if (active !== undefined) {
      if (active === a.node) return -1;
      if (active === b.node) return 1;
    }
  }
  return strcmp(a.node.uname, b.node.uname);
}

/** A resource's allowed nodes in preference order. */
export function sortNodes(ws: WorkingSet, nodes: NodeScore[], active: Node | undefined): NodeScore[] {
  // (the strategy is read once per sort, not once per comparison)
  const strategy = placementStrategy(ws);
  return nodes.sort((a, b) => compareNodes(strategy, a, b, active));
}

/** The parent's (or own, for top-level resources) allowed-node entry of a node. */
export function topAllowedNode(rsc: Resource, node: Node | undefined): NodeScore | undefined {
  if (node === undefined) return undefined;
  const table = rsc.parent === undefined ? rsc.allowedNodes : rsc.parent.allowedNodes;
  return table.get(node.id);
}
