// Fencing decisions made while unpacking (Pacemaker's pe_fence_node, pe_can_fence) and the
// fencing action itself (pe_fence_op).

import type { Action, Node, WorkingSet } from '../model/types.js';
import { ActionFlag } from '../model/flags.js';
import { customAction, setActionReason } from '../actions/action.js';
import { unfencingDigests } from '../actions/digest.js';
import { setActionMeta, setActionMetaIfUnset } from '../actions/action-meta.js';

/** Whether this node can be fenced now (fencing enabled and configured, quorum or a clean node). */
export function canFence(ws: WorkingSet, node: Node | undefined): boolean {
  if (node !== undefined && node.type === 'remote' && node.remoteRsc?.container !== undefined) {
    for (const host of node.remoteRsc.container.runningOn) {
      if (!host.online && !canFence(ws, host)) return false;
    }
    return true;
  }
  if (!ws.flags.stonithEnabled) return false;
  if (!ws.flags.haveStonithResource) return false;
  if (ws.flags.haveQuorum) return true;
  if (ws.noQuorumPolicy === 'ignore') return true;
  if (node === undefined) return false;
  return node.online;
}

function nodePriorityFencingDelay(ws: WorkingSet, node: Node): number {
  if (ws.priorityFencingDelay <= 0) return 0;
  if (node.type !== 'member') return 0;
  if (node.online) return 0;
  let members = 0;
  let online = 0;
  let top = 0;
  let lowest = 0;
  for (const n of ws.nodes) {
    if (n.type !== 'member') continue;
    members++;
    if (n.online) online++;
    if (members === 1 || n.priority > top) top = n.priority;
    if (members === 1 || n.priority < lowest) lowest = n.priority;
  }
  if (online > Math.floor(members / 2)) return 0;
  if (lowest === top) return 0;
  if (node.priority < top) return 0;
  return ws.priorityFencingDelay;
}

/** Pacemaker's pe_fence_op: the fencing action for a node, required when fencing is possible. */
export function fenceOp(
  ws: WorkingSet,
  node: Node,
  op: string | undefined,
  optional: boolean,
  reason: string | undefined,
  priorityDelay: boolean,
): Action {
  const fenceAction = op ?? ws.stonithAction;
  const key = `stonith-${node.uname}-${fenceAction}`;
  let action = ws.singletons.get(key);
  if (action === undefined) {
    action = customAction(undefined, ws, key, 'stonith', node, true);
    setActionMetaIfUnset(action, 'on_node', node.uname);
    setActionMetaIfUnset(action, 'on_node_uuid', node.id);
    setActionMetaIfUnset(action, 'stonith_action', fenceAction);
    if (ws.flags.enableUnfencing) {
      const digests = unfencingDigests(ws, node);
      if (digests.changed) optional = false;
      setActionMeta(action, 'digests-all', digests.all);
      setActionMeta(action, 'digests-secure', digests.secure);
    }
  }
  if (ws.priorityFencingDelay > 0 && (priorityDelay || action.meta.has('priority-fencing-delay'))) {
    setActionMeta(action, 'priority-fencing-delay', String(nodePriorityFencingDelay(ws, node)));
  }
  if (!optional && canFence(ws, node)) {
    action.flags &= ~ActionFlag.optional;
    setActionReason(action, reason, false);
  } else if (reason !== undefined && action.reason === undefined) {
    action.reason = reason;
  }
  return action;
}

/** Pacemaker's pe_fence_node: marks a node unclean and schedules its fencing. */
export function fenceNode(ws: WorkingSet, node: Node, reason: string, priorityDelay: boolean): void {
  const remoteRsc = node.remoteRsc;
  if (node.type === 'remote' && remoteRsc?.container !== undefined) {
    const rsc = remoteRsc.container;
    if (!rsc.failed && rsc.managed) {
      node.remoteRequiresReset = true;
      rsc.failed = true;
      rsc.stopNeeded = true;
    }
  } else if (node.type === 'remote' && remoteRsc !== undefined && remoteRsc.container === undefined && remoteRsc.orphanContainerFiller) {
    remoteRsc.failed = true;
    remoteRsc.stopNeeded = true;
  } else if (node.type === 'remote') {
    if (remoteRsc === undefined || remoteRsc.managed) node.remoteRequiresReset = true;
    node.unclean = true;
    fenceOp(ws, node, undefined, true, reason, false);
  } else if (node.unclean) {
    // already unclean
  } else {
    node.unclean = true;
    fenceOp(ws, node, undefined, true, reason, priorityDelay);
  }
}
