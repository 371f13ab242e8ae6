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
import { anyBlocked, findCompatibleInstance } from '../instances/interleave.js';
import { LocationKind } from '../methods.js';
import { promotableRestartOrdering } from '../clone/promotable/actions.js';
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
    // a bundled instance runs on its guest node, where no container of the primary is: it pairs
    // with the primary's container on the host of its own
    const container = findCompatibleInstance(replicaOfBundled(dependent)?.container ?? dependent, primary, Role.unknown, false);
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

/** Is `rsc` the bundled clone, or inside it? */
function inBundledResource(bundle: Resource, rsc: Resource): boolean {
  const bundled = bundle.bundle!.child;
  if (bundled === undefined) return false;
  for (let r: Resource | undefined = rsc; r !== undefined; r = r.parent) if (r === bundled) return true;
  return false;
}

/**
 * A "with this" colocation (the bundle as primary): the bundle itself and its containers get all
 * of them, the bundled clone and its instances the configured ones (promotion weighs them).
 */
export function withBundleColocations(rsc: Resource, orig: Resource, list: Colocation[]): void {
  if (orig === rsc || replicaOfContainer(orig) !== undefined) {
    addWithThisList(list, rsc.withThis);
  } else if (inBundledResource(rsc, orig)) {
    for (const c of rsc.withThis) if (c.explicit) addWithThisTo(list, c);
  }
}

/** The replica whose bundled instance (or a member of it) `rsc` is. */
function replicaOfBundled(rsc: Resource): BundleReplica | undefined {
  for (let r: Resource | undefined = rsc; r !== undefined; r = r.parent) {
    const bundle = r.parent?.parent;
    if (bundle?.variant === 'bundle') return bundle.bundle!.replicas.find((replica) => replica.child === r);
  }
  return undefined;
}

/**
 * A "this with" colocation (the bundle as dependent): the bundle itself and its containers get
 * all of them, since the containers are what is placed. The bundled clone and its instances get
 * the configured ones that name a role, for promotion. With a collective primary, only while the
 * instances' roles are chosen (placed, promotion not yet constrained): an instance pairs with the
 * primary's instance on its container's host then, while placing it such a pairing would stop it.
 */
export function bundleWithColocations(rsc: Resource, orig: Resource, list: Colocation[]): void {
  if (orig === rsc || replicaOfContainer(orig) !== undefined) {
    addThisWithList(list, rsc.thisWith);
  } else if (inBundledResource(rsc, orig)) {
    const bundled = rsc.bundle!.child!;
    const choosingRoles = !orig.provisional && bundled.clone?.promotionConstrained === false;
    for (const c of rsc.thisWith) {
      const collectivePrimary = c.primary.variant === 'bundle' || c.primary.variant === 'clone';
      if (c.explicit && c.dependentRole !== Role.unknown && (!collectivePrimary || choosingRoles)) addThisWithTo(list, c);
    }
  }
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
