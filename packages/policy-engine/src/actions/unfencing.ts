// Unfencing (Pacemaker's trigger_unfencing and pcmk__order_vs_unfence): when fence devices
// require unfencing, nodes are unfenced ("on") before resources that need it start there.

import type { Action, Node, Resource, WorkingSet } from '../model/types.js';
import { fenceOp } from '../unpack/fence.js';
import { orderActions } from './action.js';
import { OrderFlag } from '../model/flags.js';

export function nodeUnfenced(node: Node): boolean {
  const v = node.attrs.get('#node-unfenced');
  return v !== undefined && v !== '0';
}

/**
 * Schedules unfencing of a node, or of every node where a fence device may run; a resource that
 * is not a fence device never triggers it.
 */
export function triggerUnfencing(
  ws: WorkingSet,
  rsc: Resource | undefined,
  node: Node | undefined,
  reason: string,
  dependency: Action | undefined,
): void {
  if (!ws.flags.enableUnfencing) return;
  if (rsc !== undefined && !rsc.fenceDevice) return;
  if (node !== undefined && node.online && !node.unclean && !node.shutdown) {
    const unfence = fenceOp(ws, node, 'on', false, reason, false);
    if (dependency) orderActions(unfence, dependency, OrderFlag.optional);
  } else if (rsc !== undefined) {
    for (const ns of rsc.allowedNodes.values()) {
      const n = ns.node;
      if (n.online && !n.unclean && !n.shutdown) triggerUnfencing(ws, rsc, n, reason, dependency);
    }
  }
}

/** Orders an action after unfencing of its node when the resource needs unfencing. */
export function orderVsUnfence(rsc: Resource, node: Node, action: Action, order: number): void {
  const ws = rsc.cluster;
  if ((rsc.fenceDevice && ws.flags.enableUnfencing) || rsc.needsUnfencing) {
    const unfence = fenceOp(ws, node, 'on', true, undefined, false);
    orderActions(unfence, action, order);
    if (!nodeUnfenced(node)) triggerUnfencing(ws, undefined, node, `required by ${rsc.id} ${action.task}`, undefined);
  }
}
