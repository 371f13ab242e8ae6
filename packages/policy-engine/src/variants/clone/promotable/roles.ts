// Choosing which instances of a promotable clone are promoted (Pacemaker's
// pcmk__set_instance_roles): once the instances are placed, each gets a promotion priority (its
// promotion score, promoted-role locations and role colocations), the clone's node scores mix in
// what is colocated with its promoted role, the instances are sorted by the result, and the first
// ones within promoted-max and promoted-node-max are promoted.

import { INFINITY, MINUS_INFINITY, addScores, formatScore, type Score } from '@hacluster/cib';
import { Role } from '../../../model/role.js';
import type { Location, Node, NodeScore, Resource } from '../../../model/types.js';
import { NodeAvail, nodeAvailableFor } from '../../../assign/nodes.js';
import { ColocSelect, colocationFactor, colocationHasInfluence, thisWithColocations, withThisColocations, type NodeTableRef } from '../../../constraints/colocation.js';
import { requirePromotionTickets } from '../../../constraints/tickets.js';
import { showPromotionScore } from '../../../output/scores.js';
import { glibSort } from '../../../util/glib-sort.js';
import { topResource } from '../../../unpack/resource-helpers.js';
import { instanceComparator } from '../../instances/assign.js';
import { LocationKind } from '../../methods.js';
import { promotionScore } from './scores.js';

/** Per instance, while roles are chosen: the promotion priority instances are sorted by. */
type Priorities = Map<Resource, number>;

function assignedTo(rsc: Resource): Node | undefined {
  return rsc.methods.location(rsc, undefined, LocationKind.assigned);
}

/** A promotable clone's instances report Unpromoted, never Started. */
function setCurrentRoleUnpromoted(rsc: Resource): void {
  if (rsc.role === Role.started) rsc.role = Role.unpromoted;
  for (const child of rsc.children) setCurrentRoleUnpromoted(child);
}

function setNextRoleUnpromoted(rsc: Resource): void {
  const assigned: Node[] = [];
  rsc.methods.location(rsc, assigned, LocationKind.assigned);
  rsc.nextRole = assigned.length === 0 ? Role.stopped : Role.unpromoted;
  for (const child of rsc.children) setNextRoleUnpromoted(child);
}

function setNextRolePromoted(rsc: Resource): void {
  if (rsc.nextRole === Role.unknown) rsc.nextRole = Role.promoted;
  for (const child of rsc.children) setNextRolePromoted(child);
}

/** Pacemaker's apply_promoted_locations: promoted-role locations for the chosen node. */
function applyPromotedLocations(instance: Resource, locations: readonly Location[], chosen: Node): void {
  for (const location of locations) {
    if (location.roleFilter !== Role.promoted) continue;
    const entry = location.nodes.find((n) => n.node.id === chosen.id);
    if (entry !== undefined) instance.priority = addScores(instance.priority, entry.weight);
  }
}

/** Pacemaker's set_instance_priority. */
function setInstancePriority(instance: Resource, clone: Resource, priorities: Priorities): void {
  if (instance.methods.state(instance, true) === Role.started) setCurrentRoleUnpromoted(instance);
  // only an instance that will be active can be promoted
  const chosen = assignedTo(instance);
  if (chosen === undefined) return;
  const nextRole = instance.methods.state(instance, false);
  switch (nextRole) {
    case Role.started:
    case Role.unknown: {
      // without a score, -1: locations alone may still make it promotable, nothing else can
      const { score, isDefault } = promotionScore(instance, chosen);
      instance.priority = (isDefault ? -1 : score) as Score;
      break;
    }
    case Role.unpromoted:
    case Role.stopped:
      instance.priority = MINUS_INFINITY;
      break;
    default:
      // already promoted: actions are being created again after fencing was scheduled
      break;
  }
  applyPromotedLocations(instance, instance.locations, chosen);
  applyPromotedLocations(instance, clone.locations, chosen);
  for (const c of thisWithColocations(instance)) instance.methods.applyColocScore(instance, c.primary, c, true);
  priorities.set(instance, nextRole === Role.promoted ? INFINITY : instance.priority);
}

/** Pacemaker's sort_promotable_instances. */
function sortPromotableInstances(clone: Resource, priorities: Priorities): void {
  const data = clone.clone!;
  if (data.promotionConstrained) return;
  data.promotionConstrained = true;
  clone.merging = true;
  for (const child of clone.children) {
    const priority = priorities.get(child) ?? 0;
    if (priority < 0) continue;
    const chosen = assignedTo(child);
    if (chosen === undefined) continue;
    const ns = clone.allowedNodes.get(chosen.id)!;
    ns.weight = addScores(priority as Score, ns.weight);
  }
  // "this with" colocations were applied to each instance's priority already
  for (const c of withThisColocations(clone)) {
    if (c.primaryRole !== Role.promoted || !colocationHasInfluence(c, undefined)) continue;
    const ref: NodeTableRef = { table: clone.allowedNodes };
    const dependent = c.dependent;
    dependent.methods.addColocatedNodeScores(dependent, clone, clone.id, ref, c, colocationFactor(c.score), ColocSelect.active | ColocSelect.nonnegative);
    clone.allowedNodes = ref.table!;
  }
  // without a ticket it needs, the clone is promoted nowhere
  requirePromotionTickets(clone);
  for (const child of clone.children) {
    const chosen = assignedTo(child);
    if (!child.managed && child.nextRole === Role.promoted) priorities.set(child, INFINITY);
    else if (chosen === undefined) priorities.set(child, MINUS_INFINITY);
    else if ((priorities.get(child) ?? 0) >= 0) priorities.set(child, clone.allowedNodes.get(chosen.id)!.weight);
  }
  const byPlacement = instanceComparator();
  clone.children = glibSort(clone.children, (a, b) => cmpPromotableInstance(a, b, priorities, byPlacement));
  clone.merging = false;
}

/** Pacemaker's cmp_promotable_instance: priority, then the higher current role, then placement order. */
function cmpPromotableInstance(a: Resource, b: Resource, priorities: Priorities, byPlacement: (a: Resource, b: Resource) => number): number {
  const pa = priorities.get(a) ?? 0;
  const pb = priorities.get(b) ?? 0;
  if (pa !== pb) return pa > pb ? -1 : 1;
  const ra = a.methods.state(a, true);
  const rb = b.methods.state(b, true);
  if (ra !== rb) return ra > rb ? -1 : 1;
  return byPlacement(a, b);
}

/** Pacemaker's node_to_be_promoted_on: the clone's entry for the node, if it may promote there. */
function nodeToBePromotedOn(rsc: Resource): NodeScore | undefined {
  // a cloned group is promoted only if every member can be
  for (const child of rsc.children) if (nodeToBePromotedOn(child) === undefined) return undefined;
  const node = assignedTo(rsc);
  if (node === undefined) return undefined;
  if (!rsc.managed) {
    // an unmanaged instance stays promoted where it is, and is never newly promoted
    if (rsc.methods.state(rsc, true) !== Role.promoted) return undefined;
  } else if (rsc.priority < 0) {
    return undefined;
  } else if (!nodeAvailableFor({ node, weight: 0 as Score, fixed: false, count: 0, discoverMode: 0 }, NodeAvail.alive | NodeAvail.usable | NodeAvail.noUnrunnableGuest)) {
    return undefined;
  }
  const parent = topResource(rsc);
  const local = parent.allowedNodes.get(node.id);
  if (local === undefined) return undefined;
  if (local.count >= parent.clone!.promotedNodeMax && rsc.managed) return undefined;
  return local;
}

/** Pacemaker's set_instance_role: promotes the instance if the limits still allow it. */
function setInstanceRole(instance: Resource, priorities: Priorities, promoted: { count: number }): void {
  const clone = topResource(instance);
  const ws = instance.cluster;
  const priority = priorities.get(instance) ?? 0;
  const where = assignedTo(instance);
  showPromotionScore(ws, instance, where?.uname, formatScore(priority as Score));
  let chosen: NodeScore | undefined;
  if (priority >= 0 && (promoted.count < clone.clone!.promotedMax || !clone.managed)) chosen = nodeToBePromotedOn(instance);
  if (chosen === undefined) {
    setNextRoleUnpromoted(instance);
    return;
  }
  if (instance.role < Role.promoted && !ws.flags.haveQuorum && ws.noQuorumPolicy === 'freeze') {
    // without quorum, frozen: nothing new is promoted
    setNextRoleUnpromoted(instance);
    return;
  }
  chosen.count++;
  setNextRolePromoted(instance);
  promoted.count++;
}

/** After the instances are placed: chooses their roles. */
export function setInstanceRoles(clone: Resource): void {
  // the clone's node counts now track promoted instances per node
  for (const ns of clone.allowedNodes.values()) ns.count = 0;
  const priorities: Priorities = new Map();
  for (const instance of clone.children) setInstancePriority(instance, clone, priorities);
  sortPromotableInstances(clone, priorities);
  const promoted = { count: 0 };
  for (const instance of clone.children) setInstanceRole(instance, priorities, promoted);
}
