// Recording a placement decision (Pacemaker's pcmk__finalize_assignment, pcmk__assign_resource,
// pcmk__unassign_resource).

import { Role } from '../model/role.js';
import { ActionFlag } from '../model/flags.js';
import type { NodeScore, Resource } from '../model/types.js';
import { NodeAvail, nodeAvailableFor } from './nodes.js';
import { showResourceUtilization } from '../output/scores.js';
import { consumeNodeCapacity, releaseNodeCapacity, usesUtilization } from './utilization.js';

/**
 * Where a resource may be assigned unless forced: a live, usable node with a non-negative score
 * (guest nodes are assumed to come up with their container).
 */
const ASSIGNABLE = NodeAvail.alive | NodeAvail.usable | NodeAvail.noNegative | NodeAvail.exemptGuest;

/** Undoes an assignment, of a resource and everything below it (Pacemaker's pcmk__unassign_resource). */
export function unassignResource(rsc: Resource): void {
  rsc.provisional = true;
  if (rsc.children.length) {
    for (const child of rsc.children) unassignResource(child);
    return;
  }
  const old = rsc.assignedTo;
  if (old === undefined) return;
  rsc.assignedTo = undefined;
  const i = old.node.assignedRsc.indexOf(rsc);
  if (i >= 0) old.node.assignedRsc.splice(i, 1);
  old.node.numResources--;
  releaseNodeCapacity(old.node.utilization, rsc);
}

/**
 * Assigns a primitive to a node (or to none). Unless forced, a node with a negative score or that
 * cannot run resources is refused and the resource will be stopped. Without a node, the
 * resource's starts become unrunnable and its stops required.
 */
export function finalizeAssignment(rsc: Resource, chosenIn: NodeScore | undefined, force: boolean, stopIfFail = true): boolean {
  let chosen = chosenIn;
  if (!force && chosen !== undefined && !nodeAvailableFor(chosen, ASSIGNABLE)) {
    if (stopIfFail) rsc.nextRole = Role.stopped;
    chosen = undefined;
  }
  unassignResource(rsc);
  rsc.provisional = false;
  if (chosen === undefined) {
    if (!stopIfFail) return false;
    rsc.nextRole = Role.stopped;
    for (const op of rsc.actions.slice().reverse()) {
      if (op.task === 'stop') {
        op.flags &= ~ActionFlag.optional;
      } else if (op.task === 'start') {
        op.flags &= ~ActionFlag.runnable;
      } else {
        const interval = op.meta.get('interval');
        const targetRc = op.meta.get('op_target_rc');
        if (interval !== undefined && interval !== '0' && targetRc !== '7') op.flags &= ~ActionFlag.runnable;
      }
    }
    return false;
  }
  // the assignment keeps its own copy of the node entry, which counts the assignment
  rsc.assignedTo = { node: chosen.node, weight: chosen.weight, fixed: chosen.fixed, count: chosen.count + 1, discoverMode: chosen.discoverMode };
  chosen.node.assignedRsc.push(rsc);
  chosen.node.numResources++;
  if (usesUtilization(rsc.cluster.placementStrategy)) consumeNodeCapacity(chosen.node.utilization, rsc);
  showResourceUtilization(rsc.cluster, rsc, chosen.node, 'pcmk__assign_resource');
  return true;
}

/** Assigns a resource and its descendants to one node; true if any assignment changed. */
export function assignResource(rsc: Resource, node: NodeScore | undefined, force: boolean, stopIfFail = true): boolean {
  let changed = false;
  if (rsc.children.length === 0) {
    const before = rsc.assignedTo?.node;
    finalizeAssignment(rsc, node, force, stopIfFail);
    changed = before !== rsc.assignedTo?.node;
  } else {
    for (const child of rsc.children) changed = assignResource(child, node, force, stopIfFail) || changed;
  }
  return changed;
}
