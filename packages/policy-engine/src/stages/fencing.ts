// Stage: fencing and shutdowns (Pacemaker's schedule_fencing_and_shutdowns and
// pcmk_sched_fencing.c): unclean nodes are fenced, with the stops of their resources turned into
// pseudo-actions implied by the fencing; nodes shutting down get a do_shutdown after their stops.

import { ActionFlag, OrderFlag, has } from '../model/flags.js';
import type { Action, Node, Resource, WorkingSet } from '../model/types.js';
import { customAction, findFirstAction, orderActions, resourceActions } from '../actions/action.js';
import { newOrdering } from '../constraints/ordering.js';
import { canFence, fenceOp } from '../unpack/fence.js';
import { isGuestNode, isGuestOrRemote } from '../unpack/nodes.js';
import { isAnonClone, isBundled, topResource } from '../unpack/resource-helpers.js';
import { notifyFeature } from '../variants/clone/features.js';
import { setActionMetaIfUnset } from '../actions/action-meta.js';

function rscIsKnownOn(rsc: Resource, node: Node): boolean {
  if (rsc.knownOn.has(node.id)) return true;
  return rsc.variant === 'primitive' && isAnonClone(rsc.parent) && rsc.parent!.knownOn.has(node.id);
}

function orderStartVsFencing(rsc: Resource, fencing: Action): void {
  const target = fencing.node!;
  for (let i = rsc.actions.length - 1; i >= 0; i--) {
    const action = rsc.actions[i]!;
    switch (action.needs) {
      case 'nothing':
        break;
      case 'fencing':
        orderActions(fencing, action, OrderFlag.optional);
        break;
      case 'quorum':
        if (action.task === 'start' && rsc.allowedNodes.has(target.id) && !rscIsKnownOn(rsc, target)) {
          orderActions(fencing, action, OrderFlag.optional | OrderFlag.runnableLeft);
        }
        break;
      default:
        break;
    }
  }
}

function orderStopVsFencing(rsc: Resource, fencing: Action): void {
  const target = fencing.node!;
  const top = topResource(rsc);
  const stops = resourceActions(rsc, target, 'stop', false);
  const orderImplicit = rsc.needsFencing || isGuestNode(target);
  let parentStop: Action | undefined;
  if (stops.length && orderImplicit) parentStop = findFirstAction(top.actions, undefined, 'stop');
  for (const action of stops) {
    action.flags |= ActionFlag.pseudo | ActionFlag.runnable;
    if (orderImplicit) {
      action.flags |= ActionFlag.impliedByFencing;
      if (!isBundled(rsc)) orderActions(fencing, action, OrderFlag.preserve);
      orderActions(fencing, parentStop, OrderFlag.preserve);
    }
    if (rsc.notify) notifyFeature(rsc).orderNotificationsAfterFencing(action, rsc, fencing);
  }
  for (const action of resourceActions(rsc, target, 'demote', false)) {
    if (!action.node!.online || action.node!.unclean || rsc.failed) {
      action.flags |= ActionFlag.pseudo | ActionFlag.runnable;
      if (isBundled(rsc)) {
        // bundles order their own
      } else if (orderImplicit) {
        orderActions(fencing, action, OrderFlag.preserve | OrderFlag.optional);
      }
    }
  }
}

function rscFencingOrdering(rsc: Resource, fencing: Action): void {
  if (rsc.children.length) {
    for (const c of rsc.children) rscFencingOrdering(c, fencing);
  } else if (rsc.managed) {
    orderStartVsFencing(rsc, fencing);
    orderStopVsFencing(rsc, fencing);
  }
}

/** Pacemaker's pcmk__order_vs_fence: orders every resource's actions against a node's fencing. */
export function orderVsFence(ws: WorkingSet, fencing: Action): void {
  for (const rsc of ws.resources) rscFencingOrdering(rsc, fencing);
}

/** Pacemaker's pcmk__fence_guest: a guest node is "fenced" by stopping its container. */
function fenceGuest(ws: WorkingSet, node: Node): void {
  const container = node.remoteRsc?.container;
  let stop: Action | undefined;
  let fenceAction = 'off';
  if (container) {
    stop = findFirstAction(container.actions, undefined, 'stop');
    if (findFirstAction(container.actions, undefined, 'start')) fenceAction = 'reboot';
  }
  const fencing = fenceOp(ws, node, fenceAction, false, 'guest is unclean', false);
  fencing.flags |= ActionFlag.pseudo | ActionFlag.runnable;
  if (stop !== undefined && has(stop.flags, ActionFlag.pseudo)) {
    const parentFencing = fenceOp(ws, stop.node!, undefined, false, undefined, false);
    orderActions(parentFencing, fencing, OrderFlag.runnableLeft | OrderFlag.impliesThen);
  } else if (stop !== undefined) {
    orderActions(stop, fencing, OrderFlag.runnableLeft | OrderFlag.impliesThen);
  } else {
    const connStop = node.remoteRsc ? findFirstAction(node.remoteRsc.actions, undefined, 'stop') : undefined;
    if (connStop) orderActions(connStop, fencing, OrderFlag.optional);
  }
  orderVsFence(ws, fencing);
}

function isManaged(rsc: Resource): boolean {
  if (rsc.managed) return true;
  return rsc.children.some(isManaged);
}

/** Pacemaker's pcmk__order_stops_before_shutdown. */
function orderStopsBeforeShutdown(ws: WorkingSet, node: Node, shutdown: Action): void {
  for (let i = ws.actions.length - 1; i >= 0; i--) {
    const action = ws.actions[i]!;
    if (action.rsc === undefined || action.node !== node || action.task !== 'stop') continue;
    if (action.rsc.maintenance || node.maintenance) continue;
    if (!action.rsc.managed && !action.rsc.blocked) continue;
    action.flags &= ~ActionFlag.optional;
    newOrdering(ws, action.rsc, undefined, action, undefined, 'do_shutdown', shutdown, OrderFlag.optional | OrderFlag.runnableLeft);
  }
}

function newShutdownAction(ws: WorkingSet, node: Node): Action {
  const shutdown = customAction(undefined, ws, `do_shutdown-${node.uname}`, 'do_shutdown', node, false);
  orderStopsBeforeShutdown(ws, node, shutdown);
  setActionMetaIfUnset(shutdown, 'op_no_wait', 'true');
  return shutdown;
}

export function scheduleFencingAndShutdowns(ws: WorkingSet): void {
  const haveManaged = ws.resources.some(isManaged);
  let dcDown: Action | undefined;
  const fencingOps: Action[] = [];
  const shutdownOps: Action[] = [];
  for (const node of ws.nodes) {
    let fencing: Action | undefined;
    if (isGuestNode(node)) {
      if (node.remoteRequiresReset && haveManaged && canFence(ws, node)) fenceGuest(ws, node);
      continue;
    }
    if (haveManaged && node.unclean && canFence(ws, node)) {
      fencing = fenceOp(ws, node, undefined, false, 'node is unclean', false);
      orderVsFence(ws, fencing);
      if (node.isDc) {
        dcDown = fencing;
      } else {
        if (!ws.flags.concurrentFencing && fencingOps.length) orderActions(fencingOps[0], fencing, OrderFlag.optional);
        fencingOps.unshift(fencing);
      }
    } else if (!isGuestOrRemote(node) && node.online && node.shutdown) {
      const down = newShutdownAction(ws, node);
      if (node.isDc) dcDown = down;
      else shutdownOps.unshift(down);
    }
  }
  if (dcDown !== undefined) {
    if (dcDown.task === 'do_shutdown') for (const op of shutdownOps) orderActions(op, dcDown, OrderFlag.optional);
    if (ws.flags.concurrentFencing) {
      for (const op of fencingOps) orderActions(op, dcDown, OrderFlag.optional);
    } else if (fencingOps.length) {
      orderActions(fencingOps[0], dcDown, OrderFlag.optional);
    }
  }
}
