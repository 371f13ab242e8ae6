// Groups (Pacemaker's lib/pengine/group.c and lib/pacemaker/pcmk_sched_group.c): members are
// placed one after the other, each colocated with the previous one; starts run in order and stops
// in reverse; pseudo-actions (start/running/stop/stopped) are the group's ordering points.

import { INFINITY, addScores, type Score } from '@hacluster/cib';
import { Role, type RoleN } from '../../model/role.js';
import { ActionFlag, OrderFlag, has } from '../../model/flags.js';
import type { Action, Colocation, Location, Node, NodeScore, Resource } from '../../model/types.js';
import { customAction, findFirstAction } from '../../actions/action.js';
import { addThisWithList, addThisWithTo, addWithThisList, newColocation, type NodeTableRef } from '../../constraints/colocation.js';
import { applyLocationToResource } from '../../constraints/location.js';
import { orderResourceActions, orderStarts, orderStops } from '../../constraints/ordering.js';
import { showNodeScores } from '../../output/scores.js';
import { opKey } from '../../util/opkey.js';
import { isTrue, toBoolean } from '../../util/strings.js';
import { unpackResource } from '../../unpack/resources.js';
import { topResource } from '../../unpack/resource-helpers.js';
import { resourceLocationNodes } from '../primitive/status.js';
import { colocatedResources } from '../shared/colocated.js';
import { updateOrderedActions } from '../../stages/ordered-actions.js';
import { outputResourceActions } from '../../output/transition-summary.js';
import { addResourceActionsToGraph } from '../../output/graph.js';
import type { VariantMethods } from '../methods.js';
import { probeResourceOnNode } from '../../stages/probes.js';

function lastMember(group: Resource): Resource | undefined {
  return group.children[group.children.length - 1];
}

function groupFlag(group: Resource, option: string): boolean {
  const v = group.meta.get(option);
  const b = toBoolean(v);
  return v === undefined || b === undefined || b;
}

function groupUnpack(rsc: Resource): boolean {
  rsc.groupOrdered = groupFlag(rsc, 'ordered');
  rsc.groupColocated = groupFlag(rsc, 'collocated');
  const cloneId = rsc.xml.get('clone');
  for (const el of rsc.xml.elements('primitive')) {
    if (cloneId !== undefined) el.set('clone', cloneId);
    const member = unpackResource(rsc.cluster, el, rsc);
    if (member) rsc.children.push(member);
  }
  return true;
}

function groupActive(rsc: Resource, all: boolean): boolean {
  let cAll = true;
  let cAny = false;
  for (const child of rsc.children) {
    if (child.methods.active(child, all)) cAny = true;
    else cAll = false;
  }
  if (!cAny) return false;
  if (all && !cAll) return false;
  return true;
}

function groupState(rsc: Resource, current: boolean): RoleN {
  let role: RoleN = Role.unknown;
  for (const child of rsc.children) {
    const r = child.methods.state(child, current);
    if (r > role) role = r;
  }
  return role;
}

function groupAssign(rsc: Resource, prefer: Node | undefined, stopIfFail: boolean): NodeScore | undefined {
  if (!rsc.provisional) return rsc.assignedTo;
  if (rsc.allocating) return undefined;
  if (rsc.children.length === 0) {
    rsc.provisional = false;
    return undefined;
  }
  rsc.allocating = true;
  const first = rsc.children[0]!;
  rsc.role = first.role;
  showNodeScores(rsc.cluster, rsc, 'pcmk__group_assign', rsc.allowedNodes);
  let firstAssigned: NodeScore | undefined;
  let gotFirst = false;
  for (const member of rsc.children) {
    const node = member.methods.assign(member, prefer, stopIfFail);
    if (!gotFirst) {
      firstAssigned = node;
      gotFirst = node !== undefined;
    }
  }
  rsc.nextRole = first.nextRole;
  rsc.allocating = false;
  rsc.provisional = false;
  if (!rsc.groupColocated) return undefined;
  return firstAssigned;
}

function pseudoOp(group: Resource, task: string): Action {
  const op = customAction(group, group.cluster, opKey(group.id, task), task, undefined, true);
  op.flags |= ActionFlag.pseudo | ActionFlag.runnable;
  return op;
}

function groupCreateActions(rsc: Resource): void {
  for (const member of rsc.children) member.methods.createActions(member);
  pseudoOp(rsc, 'start');
  pseudoOp(rsc, 'running');
  pseudoOp(rsc, 'stop');
  pseudoOp(rsc, 'stopped');
  if (isTrue(rsc.meta.get('promotable'))) {
    pseudoOp(rsc, 'demote');
    pseudoOp(rsc, 'demoted');
    pseudoOp(rsc, 'promote');
    pseudoOp(rsc, 'promoted');
  }
}

function groupInternalConstraints(rsc: Resource): void {
  orderResourceActions(rsc, 'stop', rsc, 'stopped', OrderFlag.runnableLeft);
  orderResourceActions(rsc, 'stopped', rsc, 'start', OrderFlag.optional);
  orderResourceActions(rsc, 'start', rsc, 'running', OrderFlag.runnableLeft);
  const ordered = rsc.groupOrdered;
  const colocated = rsc.groupColocated;
  const promotable = topResource(rsc).promotable;
  let lastActive: Resource | undefined;
  let previous: Resource | undefined;
  for (const member of rsc.children) {
    let downFlags: number = OrderFlag.impliesFirstPrinted;
    let postDownFlags: number = OrderFlag.impliesThenPrinted;
    member.methods.internalConstraints(member);
    if (previous === undefined) {
      if (ordered) {
        downFlags |= OrderFlag.optional;
        postDownFlags = OrderFlag.impliesThen;
      }
    } else if (colocated) {
      newColocation(rsc.cluster, '#group-members', undefined, INFINITY, member, previous, undefined, undefined, member.critical, false);
    }
    if (promotable) {
      orderResourceActions(rsc, 'demote', member, 'demote', downFlags);
      orderResourceActions(member, 'demote', rsc, 'demoted', postDownFlags);
      orderResourceActions(member, 'promote', rsc, 'promoted', OrderFlag.runnableLeft | OrderFlag.impliesThen | OrderFlag.impliesThenPrinted);
      orderResourceActions(rsc, 'promote', member, 'promote', OrderFlag.impliesFirstPrinted);
    }
    orderStops(rsc, member, downFlags);
    orderResourceActions(member, 'stop', rsc, 'stopped', postDownFlags);
    orderStarts(rsc, member, OrderFlag.impliesFirstPrinted);
    orderResourceActions(member, 'start', rsc, 'running', OrderFlag.runnableLeft | OrderFlag.impliesThen | OrderFlag.impliesThenPrinted);
    if (!ordered) {
      orderStarts(rsc, member, OrderFlag.impliesThen | OrderFlag.runnableLeft | OrderFlag.impliesFirstPrinted);
      if (promotable) {
        orderResourceActions(rsc, 'promote', member, 'promote', OrderFlag.impliesThen | OrderFlag.runnableLeft | OrderFlag.impliesFirstPrinted);
      }
    } else if (previous === undefined) {
      orderStarts(rsc, member, OrderFlag.none);
      if (promotable) orderResourceActions(rsc, 'promote', member, 'promote', OrderFlag.none);
    } else {
      orderStarts(previous, member, OrderFlag.impliesThen | OrderFlag.runnableLeft);
      orderStops(member, previous, OrderFlag.optional | OrderFlag.restart);
      // an active member after an inactive (new) one: its stop must precede that one's start
      if (member.runningOn.length > 0 && previous.runningOn.length === 0) {
        orderResourceActions(member, 'stop', previous, 'start', OrderFlag.impliesFirst | OrderFlag.runnableLeft);
      }
      if (promotable) {
        orderResourceActions(previous, 'promote', member, 'promote', OrderFlag.impliesThen | OrderFlag.runnableLeft);
        orderResourceActions(member, 'demote', previous, 'demote', OrderFlag.optional);
      }
    }
    if (member.runningOn.length > 0) {
      if (ordered && previous !== undefined && previous.runningOn.length === 0 && lastActive !== undefined && lastActive.runningOn.length > 0) {
        orderStops(member, lastActive, OrderFlag.optional);
      }
      lastActive = member;
    }
    previous = member;
  }
}

/**
 * A colocation of the group with something: through its first member when colocated, else each
 * member's. What the members' priorities gained is the group's too, since a cloned group's
 * instance is what promotion compares.
 */
function colocateGroupWith(dependent: Resource, primary: Resource, c: Colocation): number {
  if (dependent.children.length === 0) return 0;
  let delta = 0 as Score;
  if (dependent.groupColocated) {
    const member = dependent.children[0]!;
    delta = member.methods.applyColocScore(member, primary, c, true) as Score;
  } else {
    if (c.score >= INFINITY) return 0;
    for (const member of dependent.children) delta = addScores(delta, member.methods.applyColocScore(member, primary, c, true) as Score);
  }
  if (delta !== 0) dependent.priority = addScores(delta, dependent.priority);
  return delta;
}

/** A colocation of something with the group; returns what the dependent's priority gained. */
function colocateWithGroup(dependent: Resource, primary: Resource, c: Colocation): number {
  if (primary.provisional) return 0;
  if (primary.groupColocated) {
    const member = c.score >= INFINITY ? lastMember(primary) : primary.children[0];
    if (member === undefined) return 0;
    return member.methods.applyColocScore(dependent, member, c, false);
  }
  if (c.score >= INFINITY) return 0;
  let delta = 0 as Score;
  for (const member of primary.children) delta = addScores(delta, member.methods.applyColocScore(dependent, member, c, false) as Score);
  return delta;
}

function groupApplyColocScore(dependent: Resource, primary: Resource, c: Colocation, forDependent: boolean): number {
  return forDependent ? colocateGroupWith(dependent, primary, c) : colocateWithGroup(dependent, primary, c);
}

/**
 * Pacemaker's pcmk__with_group_colocations: "with group" colocations matter for the group itself
 * and its last member (earlier members follow through the internal colocations).
 */
function withGroupColocations(rsc: Resource, orig: Resource, list: Colocation[]): void {
  if (rsc.children.length === 0) return;
  if (orig !== rsc && orig !== lastMember(rsc)) return;
  addWithThisList(list, rsc.withThis);
  if (rsc.parent !== undefined) rsc.parent.methods.withThisColocations(rsc.parent, orig, list);
  if (!rsc.groupColocated) return;
  // explicit colocations with the other members
  for (const member of rsc.children) {
    if (member !== orig) member.methods.withThisColocations(member, orig, list);
  }
}

/**
 * Pacemaker's pcmk__group_with_colocations: "group with" colocations matter for the group itself
 * and its first member, and (mandatory ones) for members after an unmanaged member.
 */
function groupWithColocations(rsc: Resource, orig: Resource, list: Colocation[]): void {
  if (rsc.children.length === 0) return;
  if (rsc === orig || orig === rsc.children[0]) {
    addThisWithList(list, rsc.thisWith);
    if (rsc.parent !== undefined) rsc.parent.methods.thisWithColocations(rsc.parent, orig, list);
    if (!rsc.groupColocated) return;
    for (const member of rsc.children) {
      if (member !== orig) member.methods.thisWithColocations(member, orig, list);
    }
    return;
  }
  for (const member of rsc.children) {
    if (orig === member) break;
    if (!member.managed) {
      for (const c of rsc.thisWith) if (c.score === INFINITY) addThisWithTo(list, c);
      break;
    }
  }
}

/**
 * Pacemaker's pcmk__group_add_colocated_node_scores: refers to the last member when starting from
 * nothing (its "this with" chain covers the group), else to the first.
 */
function groupAddColocatedNodeScores(
  source: Resource,
  target: Resource | undefined,
  logId: string | undefined,
  nodes: NodeTableRef,
  c: Colocation | undefined,
  factor: number,
  flags: number,
): void {
  if (source.merging) return;
  source.merging = true;
  if (source.children.length === 0) return;
  const member = nodes.table === undefined ? lastMember(source)! : source.children[0]!;
  member.methods.addColocatedNodeScores(member, target, logId ?? source.id, nodes, c, factor, flags);
  source.merging = false;
}

/** The member task an aggregate group task stands for ("running" is members' "start"). */
function memberTask(task: string): string {
  switch (task) {
    case 'stopped':
      return 'stop';
    case 'running':
      return 'start';
    case 'demoted':
      return 'demote';
    case 'promoted':
      return 'promote';
    default:
      return task;
  }
}

function groupActionFlags(action: Action, node: Node | undefined): number {
  let flags = ActionFlag.optional | ActionFlag.runnable | ActionFlag.pseudo;
  for (const member of action.rsc!.children) {
    const task = memberTask(action.task);
    const memberAction = findFirstAction(member.actions, undefined, task, node);
    if (memberAction !== undefined) {
      const memberFlags = member.methods.actionFlags(memberAction, node);
      if (has(flags, ActionFlag.optional) && !has(memberFlags, ActionFlag.optional)) {
        flags &= ~ActionFlag.optional;
        action.flags &= ~ActionFlag.optional;
      }
      if (task !== action.task && has(flags, ActionFlag.runnable) && !has(memberFlags, ActionFlag.runnable)) {
        flags &= ~ActionFlag.runnable;
        action.flags &= ~ActionFlag.runnable;
      }
    } else if (task !== 'stop' && task !== 'demote') {
      flags &= ~ActionFlag.runnable;
    }
  }
  return flags;
}

function groupUpdateOrderedActions(first: Action, then: Action, node: Node | undefined, flags: number, filter: number, type: number): number {
  let changed = updateOrderedActions(first, then, node, flags, filter, type);
  const members = then.rsc!.children;
  for (let i = 0; i < members.length; i++) {
    const member = members[i]!;
    const memberAction = findFirstAction(member.actions, undefined, then.task, node);
    if (memberAction !== undefined) changed |= member.methods.updateOrderedActions(first, memberAction, node, flags, filter, type);
  }
  return changed;
}

function groupApplyLocation(rsc: Resource, location: Location): void {
  const original = location.nodes;
  const reset = location.nodes.map((n) => ({ node: n.node, weight: 0 as typeof n.weight }));
  let resetScores = rsc.groupColocated;
  applyLocationToResource(rsc, location);
  for (const member of rsc.children) {
    member.methods.applyLocation(member, location);
    if (resetScores) {
      resetScores = false;
      location.nodes = reset;
    }
  }
  location.nodes = original;
}

function groupColocatedResources(rsc: Resource, origIn: Resource | undefined, list: Resource[]): Resource[] {
  const orig = origIn ?? rsc;
  let out = list;
  if (rsc.groupColocated || rsc.parent?.variant === 'clone') {
    // every member's colocated resources (the first and last bring the group's own)
    out.push(rsc);
    for (const member of rsc.children) out = member.methods.colocatedResources(member, orig, out);
  } else if (rsc.children.length) {
    out = colocatedResources(rsc, orig, out);
  }
  return out;
}

/**
 * Pacemaker's pcmk__group_add_utilization: the members will share a node when the group is
 * colocated (or cloned), so all of them count; otherwise only the first member does.
 */
function groupAddUtilization(rsc: Resource, orig: Resource, all: readonly Resource[], utilization: Map<string, string>): void {
  if (!rsc.provisional) return;
  const members = rsc.groupColocated || rsc.parent?.variant === 'clone' ? rsc.children : rsc.children.slice(0, 1);
  for (const member of members) {
    if (member.provisional && !all.includes(member)) member.methods.addUtilization(member, orig, all, utilization);
  }
}

function groupShutdownLock(rsc: Resource): void {
  for (const member of rsc.children) member.methods.shutdownLock(member);
}

export const groupMethods: VariantMethods = {
  unpack: groupUnpack,
  active: groupActive,
  state: groupState,
  location: resourceLocationNodes,
  assign: groupAssign,
  createActions: groupCreateActions,
  createProbe: probeResourceOnNode,
  internalConstraints: groupInternalConstraints,
  applyColocScore: groupApplyColocScore,
  withThisColocations: withGroupColocations,
  thisWithColocations: groupWithColocations,
  addColocatedNodeScores: groupAddColocatedNodeScores,
  colocatedResources: groupColocatedResources,
  addUtilization: groupAddUtilization,
  applyLocation: groupApplyLocation,
  actionFlags: groupActionFlags,
  updateOrderedActions: groupUpdateOrderedActions,
  outputActions: outputResourceActions,
  addActionsToGraph: addResourceActionsToGraph,
  addGraphMeta: () => {},
  shutdownLock: groupShutdownLock,
};
