// What a bundle implies and how constraints reach its replicas (Pacemaker's
// pcmk__bundle_internal_constraints, pcmk__bundle_apply_coloc_score,
// pcmk__with_bundle_colocations, pcmk__bundle_with_colocations, pcmk__bundle_apply_location).

import { INFINITY, type Score } from '@hacluster/cib';
import { OrderFlag } from '../../model/flags.js';
import { Role } from '../../model/role.js';
import type { Colocation, Location, NodeScore, Resource } from '../../model/types.js';
import { addThisWithList, addThisWithTo, addWithThisList, addWithThisTo, colocationIntersectNodes, newColocation } from '../../constraints/colocation.js';
import { applyLocationToResource } from '../../constraints/location.js';
import { orderResourceActions, orderStarts, orderStops } from '../../constraints/ordering.js';
import { assignResource } from '../../assign/assignment.js';
import { nodeAvailable } from '../../assign/nodes.js';
import { anyBlocked, findCompatibleInstance } from '../instances/interleave.js';
import { LocationKind } from '../methods.js';
import { promotableFeature } from '../clone/features.js';
import { replicaOfContainer, type BundleReplica } from './data.js';

function replicaInternalConstraints(bundle: Resource, replica: BundleReplica): void {
  const container = replica.container;
  container.methods.internalConstraints(container);
  orderStarts(bundle, container, OrderFlag.runnableLeft | OrderFlag.impliesFirstPrinted);
  if (replica.child !== undefined) orderStops(bundle, replica.child, OrderFlag.impliesFirstPrinted);
  orderStops(bundle, container, OrderFlag.impliesFirstPrinted);
  orderResourceActions(container, 'start', bundle, 'running', OrderFlag.impliesThenPrinted);
  orderResourceActions(container, 'stop', bundle, 'stopped', OrderFlag.impliesThenPrinted);
  const ip = replica.ip;
  if (ip !== undefined) {
    ip.methods.internalConstraints(ip);
    // the address comes up before the container and goes after it
    orderStarts(ip, container, OrderFlag.runnableLeft | OrderFlag.preserve);
    orderStops(container, ip, OrderFlag.impliesFirst | OrderFlag.preserve);
    newColocation(bundle.cluster, '#ip-with-container', undefined, INFINITY, ip, container, undefined, undefined, true, false);
  }
  // the connection orders and colocates itself with its container ("start remote then child" is
  // part of the guest-node orderings)
  if (replica.remote !== undefined) replica.remote.methods.internalConstraints(replica.remote);
}

/**
 * Pacemaker's pcmk__promotable_restart_ordering: start and promote after everything stopped,
 * stop/start/promote after everything demoted, promote after everything started.
 */
function promotableRestartOrdering(rsc: Resource): void {
  orderResourceActions(rsc, 'stopped', rsc, 'start', OrderFlag.optional);
  orderResourceActions(rsc, 'stopped', rsc, 'promote', OrderFlag.optional);
  orderResourceActions(rsc, 'demoted', rsc, 'stop', OrderFlag.optional);
  orderResourceActions(rsc, 'demoted', rsc, 'start', OrderFlag.optional);
  orderResourceActions(rsc, 'demoted', rsc, 'promote', OrderFlag.optional);
  orderResourceActions(rsc, 'running', rsc, 'promote', OrderFlag.optional);
  orderResourceActions(rsc, 'demote', rsc, 'demoted', OrderFlag.optional);
}

export function bundleInternalConstraints(rsc: Resource): void {
  const data = rsc.bundle!;
  for (const replica of data.replicas) replicaInternalConstraints(rsc, replica);
  const child = data.child;
  if (child === undefined) return;
  orderResourceActions(rsc, 'start', child, 'start', OrderFlag.impliesFirstPrinted);
  orderResourceActions(child, 'running', rsc, 'running', OrderFlag.impliesThenPrinted);
  orderResourceActions(rsc, 'stop', child, 'stop', OrderFlag.impliesFirstPrinted);
  orderResourceActions(child, 'stopped', rsc, 'stopped', OrderFlag.impliesThenPrinted);
  child.methods.internalConstraints(child);
  if (!child.promotable) return;
  // (the clone itself must be schedulable as promotable; this raises the error when it is not)
  promotableFeature(child);
  promotableRestartOrdering(rsc);
  orderResourceActions(rsc, 'demote', child, 'demote', OrderFlag.impliesFirstPrinted);
  orderResourceActions(child, 'demoted', rsc, 'demoted', OrderFlag.impliesThenPrinted);
  orderResourceActions(rsc, 'promote', child, 'promote', OrderFlag.impliesFirstPrinted);
  orderResourceActions(child, 'promoted', rsc, 'promoted', OrderFlag.impliesThenPrinted);
}

/**
 * A colocation with the bundle as primary (the dependent is a primitive here: collective
 * dependents apply their colocations through their instances).
 */
export function bundleApplyColocScore(dependent: Resource, primary: Resource, c: Colocation, forDependent: boolean): number {
  if (forDependent) throw new Error(`colocation ${c.id}: a bundle (${primary.id}) is never applied as dependent`);
  if (primary.provisional) return 0;
  if (c.dependent.variant === 'clone' || c.dependent.variant === 'bundle') {
    const container = findCompatibleInstance(dependent, primary, Role.unknown, false);
    if (container !== undefined) return dependent.methods.applyColocScore(dependent, container, c, true);
    if (c.score >= INFINITY) assignResource(dependent, undefined, true, true);
    return 0;
  }
  const data = primary.bundle!;
  if (c.score < INFINITY) {
    let delta = 0;
    for (const replica of data.replicas) delta += replica.container.methods.applyColocScore(dependent, replica.container, c, false);
    return delta;
  }
  const primaryNodes: NodeScore[] = [];
  for (const replica of data.replicas) {
    const chosen = replica.container.methods.location(replica.container, undefined, LocationKind.assigned);
    if (chosen === undefined || anyBlocked(replica.container)) continue;
    if (c.primaryRole >= Role.promoted && (replica.child === undefined || replica.child.nextRole < Role.promoted)) continue;
    primaryNodes.unshift({ node: chosen, weight: 0 as Score, fixed: false, count: 0, discoverMode: 0 });
  }
  colocationIntersectNodes(dependent, primaryNodes, false);
  return 0;
}

/** Pacemaker's can_run_everywhere: no more usable nodes than the bundle has replicas. */
function canRunEverywhere(bundle: Resource): boolean {
  let usable = 0;
  for (const allowed of bundle.allowedNodes.values()) {
    if (nodeAvailable(allowed, false, false) && usable++ >= bundle.bundle!.nreplicas) return false;
  }
  return true;
}

/** Pacemaker's pcmk__add_collective_constraints: the bundle's configured colocations, for a container. */
function addCollectiveConstraints(list: Colocation[], bundle: Resource, withThis: boolean): void {
  const everywhere = canRunEverywhere(bundle);
  for (const c of withThis ? bundle.withThis : bundle.thisWith) {
    if (!c.explicit) continue;
    if (everywhere && c.score >= 0 && (withThis || c.score !== INFINITY)) continue;
    if (withThis) addWithThisTo(list, c);
    else addThisWithTo(list, c);
  }
}

export function withBundleColocations(rsc: Resource, orig: Resource, list: Colocation[]): void {
  if (rsc === orig) addWithThisList(list, rsc.withThis);
  else if (replicaOfContainer(orig) !== undefined) addCollectiveConstraints(list, rsc, true);
}

export function bundleWithColocations(rsc: Resource, orig: Resource, list: Colocation[]): void {
  if (rsc === orig) addThisWithList(list, rsc.thisWith);
  else if (replicaOfContainer(orig) !== undefined) addCollectiveConstraints(list, rsc, false);
}

/** A location applies to the bundle, its containers and IP addresses, and by role to the clone. */
export function bundleApplyLocation(rsc: Resource, location: Location): void {
  applyLocationToResource(rsc, location);
  const data = rsc.bundle!;
  for (const replica of data.replicas) {
    replica.container.methods.applyLocation(replica.container, location);
    if (replica.ip !== undefined) replica.ip.methods.applyLocation(replica.ip, location);
  }
  const child = data.child;
  if (child !== undefined && (location.roleFilter === Role.unpromoted || location.roleFilter === Role.promoted)) {
    child.methods.applyLocation(child, location);
    child.locations.push(location);
  }
}
