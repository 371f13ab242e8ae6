// Orderings and colocations between collective resources (Pacemaker's pcmk_sched_instances.c):
// with interleave, each instance of the "then" clone is ordered after the instance of the "first"
// clone on the same node only; without it, after the whole "first" clone.

import { ActionFlag, OrderFlag, has } from '../../model/flags.js';
import { Role, type RoleN } from '../../model/role.js';
import type { Action, Node, Resource } from '../../model/types.js';
import { findFirstAction, orderActions } from '../../actions/action.js';
import { assignResource } from '../../assign/assignment.js';
import { sortNodes } from '../../assign/nodes.js';
import { updateOrderedActions, Updated } from '../../stages/ordered-actions.js';
import { updateActionForOrderings } from '../../stages/orderings.js';
import { isTrue } from '../../util/strings.js';
import { LocationKind } from '../methods.js';
import { instanceTask } from './actions.js';

/** Pacemaker's is_set_recursive with "any": the flag on the resource or any descendant. */
export function anyBlocked(rsc: Resource): boolean {
  return rsc.blocked || rsc.children.some(anyBlocked);
}

/**
 * Pacemaker's pcmk__instance_matches: the instance is (or, with `current`, was) on `node`, in
 * `role` when one is given, and not blocked.
 */
export function instanceMatches(instance: Resource, node: Node, role: RoleN, current: boolean): boolean {
  if (role !== Role.unknown && role !== instance.methods.state(instance, current)) return false;
  let instanceNode: Node | undefined;
  if (!anyBlocked(instance)) {
    instanceNode = instance.methods.location(instance, undefined, current ? LocationKind.current : LocationKind.assigned);
  }
  return instanceNode !== undefined && instanceNode === node;
}

/**
 * Pacemaker's get_instance_list: a clone's instances are its children; a bundle's are its
 * replicas' containers.
 */
export function instanceList(rsc: Resource): readonly Resource[] {
  if (rsc.bundle !== undefined) return rsc.bundle.replicas.map((r) => r.container);
  return rsc.children;
}

/** Pacemaker's pe__get_rsc_in_container: the bundled instance a bundle container runs. */
function rscInContainer(instance: Resource): Resource | undefined {
  return instance.parent?.bundle?.replicas.find((r) => r.container === instance)?.child;
}

/**
 * Pacemaker's find_instance_action. For a bundle container, a "first" action is taken from the
 * resource inside (what follows usually needs the service, not just the container) except for
 * stops; a "then" action from the container except for promotion and demotion, which only the
 * resource inside has.
 */
function findInstanceAction(action: Action, instance: Resource, name: string, node: Node | undefined, forFirst: boolean): Action | undefined {
  let rsc: Resource | undefined;
  const task = action.task;
  if (
    (forFirst && task !== 'stop' && task !== 'stopped') ||
    (!forFirst && (task === 'promote' || task === 'promoted' || task === 'demote' || task === 'demoted'))
  ) {
    rsc = rscInContainer(instance);
  }
  rsc ??= instance;
  return findFirstAction(rsc.actions, undefined, name, node);
}

function compatibleInstanceOn(rsc: Resource, node: Node, role: RoleN, current: boolean): Resource | undefined {
  return instanceList(rsc).find((instance) => instanceMatches(instance, node, role, current));
}

/**
 * Pacemaker's pcmk__find_compatible_instance: the instance of `rsc` on the node of `match`
 * (where it is, with `current`, else where it is assigned), or on the best of its allowed nodes.
 */
export function findCompatibleInstance(match: Resource, rsc: Resource, role: RoleN, current: boolean): Resource | undefined {
  const node = match.methods.location(match, undefined, current ? LocationKind.current : LocationKind.assigned);
  if (node !== undefined) return compatibleInstanceOn(rsc, node, role, current);
  const nodes = sortNodes(match.cluster, [...match.allowedNodes.values()], undefined);
  for (const ns of nodes) {
    const instance = compatibleInstanceOn(rsc, ns.node, role, current);
    if (instance !== undefined) return instance;
  }
  return undefined;
}

/**
 * Pacemaker's unassign_if_mandatory: a "then" instance without a "first" instance to interleave
 * with must not come up when the ordering requires the first to be runnable.
 */
function unassignIfMandatory(thenInstance: Resource, type: number, current: boolean): boolean {
  if (current) return false;
  if ((type & (OrderFlag.runnableLeft | OrderFlag.impliesThen)) === 0) return false;
  return assignResource(thenInstance, undefined, true, true);
}

/** Pacemaker's update_interleaved_actions. */
function updateInterleavedActions(first: Action, then: Action, node: Node | undefined, filter: number, type: number): number {
  let changed: number = Updated.none;
  const firstTask = instanceTask(first);
  // stops and demotes interleave with the instance where it is now
  const current = first.uuid.endsWith('_stopped_0') || first.uuid.endsWith('_demoted_0');
  for (const thenInstance of instanceList(then.rsc!)) {
    const firstInstance = findCompatibleInstance(thenInstance, first.rsc!, Role.unknown, current);
    if (firstInstance === undefined) {
      if (unassignIfMandatory(thenInstance, type, current)) changed |= Updated.then;
      continue;
    }
    const firstAction = findInstanceAction(first, firstInstance, firstTask, node, true);
    if (firstAction === undefined) continue;
    const thenAction = findInstanceAction(then, thenInstance, then.task, node, false);
    if (thenAction === undefined) continue;
    if (orderActions(firstAction, thenAction, type)) changed |= Updated.first | Updated.then;
    changed |= thenInstance.methods.updateOrderedActions(
      firstAction,
      thenAction,
      node,
      firstInstance.methods.actionFlags(firstAction, node),
      filter,
      type,
    );
  }
  return changed;
}

/** Pacemaker's can_interleave_actions: both collective, and interleave set on the one that decides. */
function canInterleaveActions(first: Action, then: Action): boolean {
  const a = first.rsc;
  const b = then.rsc;
  if (a === undefined || b === undefined || a === b) return false;
  if ((a.variant !== 'clone' && a.variant !== 'bundle') || (b.variant !== 'clone' && b.variant !== 'bundle')) return false;
  const rsc = then.uuid.endsWith('_stop_0') || then.uuid.endsWith('_demote_0') ? a : b;
  return isTrue(rsc.meta.get('interleave'));
}

/** Pacemaker's update_noninterleaved_actions: the instance's action follows the whole "first". */
function updateNoninterleavedActions(instance: Resource, first: Action, then: Action, node: Node | undefined, flags: number, filter: number, type: number): number {
  const instanceAction = findFirstAction(instance.actions, undefined, then.task, node);
  if (instanceAction === undefined) return Updated.none;
  const instanceFlags = instance.methods.actionFlags(instanceAction, node);
  if (!has(instanceFlags, ActionFlag.runnable)) return Updated.none;
  const changed = instance.methods.updateOrderedActions(first, instanceAction, node, flags, filter, type);
  if (changed & Updated.then) {
    const ws = instance.cluster;
    for (let i = instanceAction.after.length - 1; i >= 0; i--) updateActionForOrderings(ws, instanceAction.after[i]!.action);
  }
  return changed;
}

/** Pacemaker's pcmk__instance_update_ordered_actions (the collective's updateOrderedActions). */
export function instanceUpdateOrderedActions(first: Action, then: Action, node: Node | undefined, flags: number, filter: number, type: number): number {
  if (then.rsc === undefined) return Updated.none;
  if (canInterleaveActions(first, then)) return updateInterleavedActions(first, then, node, filter, type);
  let changed = updateOrderedActions(first, then, node, flags, filter, type);
  for (const instance of instanceList(then.rsc)) {
    changed |= updateNoninterleavedActions(instance, first, then, node, flags, filter, type);
  }
  return changed;
}
