// What a clone implies and how constraints reach its instances (Pacemaker's
// pcmk__clone_internal_constraints, pcmk__clone_apply_coloc_score, pcmk__with_clone_colocations,
// pcmk__clone_with_colocations and pcmk__clone_apply_location).

import { INFINITY, addScores, type Score } from '@hacluster/cib';
import { OrderFlag } from '../../model/flags.js';
import { Role } from '../../model/role.js';
import type { Colocation, Location, NodeScore, Resource } from '../../model/types.js';
import { addThisWithList, addWithThisList, colocationIntersectNodes } from '../../constraints/colocation.js';
import { applyLocationToResource } from '../../constraints/location.js';
import { orderResourceActions, orderStarts, orderStops } from '../../constraints/ordering.js';
import { assignResource } from '../../assign/assignment.js';
import { isTrue } from '../../util/strings.js';
import { sortByInstanceNumber } from '../instances/assign.js';
import { anyBlocked, findCompatibleInstance } from '../instances/interleave.js';
import { LocationKind } from '../methods.js';
import { promotableFeature } from './features.js';

/** The clone's own pseudo-actions in order, and each instance between them. */
export function cloneInternalConstraints(rsc: Resource): void {
  // restart: stop → stopped → start → running
  orderResourceActions(rsc, 'stopped', rsc, 'start', OrderFlag.optional);
  orderResourceActions(rsc, 'start', rsc, 'running', OrderFlag.runnableLeft);
  orderResourceActions(rsc, 'stop', rsc, 'stopped', OrderFlag.runnableLeft);
  const ordered = rsc.clone!.ordered;
  // ordered instances start and stop by number, whatever order placement left them in
  if (ordered) rsc.children = sortByInstanceNumber(rsc.children);
  const instances = rsc.children;
  for (let i = 0; i < instances.length; i++) {
    const instance = instances[i]!;
    instance.methods.internalConstraints(instance);
    orderStarts(rsc, instance, OrderFlag.runnableLeft | OrderFlag.impliesFirstPrinted);
    orderResourceActions(instance, 'start', rsc, 'running', OrderFlag.impliesThenPrinted);
    orderStops(rsc, instance, OrderFlag.impliesFirstPrinted);
    orderResourceActions(instance, 'stop', rsc, 'stopped', OrderFlag.impliesThenPrinted);
    if (ordered) {
      for (let j = i + 1; j < instances.length; j++) {
        orderStarts(instance, instances[j]!, OrderFlag.optional);
        orderStops(instances[j]!, instance, OrderFlag.optional);
      }
    }
  }
  if (rsc.promotable) promotableFeature(rsc).orderPromotableInstances(rsc);
}

/** Pacemaker's can_interleave: both collective, interleave on the dependent, same instances per node. */
function canInterleave(c: Colocation): boolean {
  const dependent = c.dependent;
  if (dependent.variant !== 'clone' && dependent.variant !== 'bundle') return false;
  if (!isTrue(dependent.meta.get('interleave'))) return false;
  return maxPerNode(dependent) === maxPerNode(c.primary);
}

function maxPerNode(rsc: Resource): number {
  return rsc.clone?.cloneNodeMax ?? 1;
}

/**
 * A colocation with the clone as primary (the dependent is always a primitive here: a clone or a
 * group as dependent has its instances or members apply its colocations). Returns what was added
 * to the dependent's priority.
 */
export function cloneApplyColocScore(dependent: Resource, primary: Resource, c: Colocation, forDependent: boolean): number {
  if (forDependent) throw new Error(`colocation ${c.id}: a clone (${primary.id}) is never applied as dependent`);
  if (primary.provisional) return 0;
  if (primary.promotable && c.primaryRole !== Role.unknown) {
    const delta = promotableFeature(primary).applyRoleColocation(dependent, primary, c);
    if (delta !== undefined) return delta;
  }
  if (canInterleave(c)) {
    const instance = findCompatibleInstance(dependent, primary, Role.unknown, false);
    if (instance !== undefined) return dependent.methods.applyColocScore(dependent, instance, c, true);
    // without an instance to interleave with, a mandatory colocation keeps the dependent stopped
    if (c.score >= INFINITY) assignResource(dependent, undefined, true, true);
    return 0;
  }
  if (c.score >= INFINITY) {
    // only where the primary will have an unblocked instance
    const primaryNodes: NodeScore[] = [];
    for (const instance of primary.children) {
      const chosen = instance.methods.location(instance, undefined, LocationKind.assigned);
      if (chosen !== undefined && !anyBlocked(instance)) primaryNodes.unshift({ node: chosen, weight: 0 as Score, fixed: false, count: 0, discoverMode: 0 });
    }
    colocationIntersectNodes(dependent, primaryNodes, false);
    return 0;
  }
  let delta = 0 as Score;
  for (const instance of primary.children) {
    delta = addScores(delta, instance.methods.applyColocScore(dependent, instance, c, false) as Score);
  }
  return delta;
}

/** A clone's "with this" colocations: its own and its parent's (bundles). */
export function withCloneColocations(rsc: Resource, orig: Resource, list: Colocation[]): void {
  addWithThisList(list, rsc.withThis);
  if (rsc.parent !== undefined) rsc.parent.methods.withThisColocations(rsc.parent, orig, list);
}

/** A clone's "this with" colocations: its own and its parent's (bundles). */
export function cloneWithColocations(rsc: Resource, orig: Resource, list: Colocation[]): void {
  addThisWithList(list, rsc.thisWith);
  if (rsc.parent !== undefined) rsc.parent.methods.thisWithColocations(rsc.parent, orig, list);
}

/** A location applies to the clone and to each instance. */
export function cloneApplyLocation(rsc: Resource, location: Location): void {
  applyLocationToResource(rsc, location);
  for (const instance of rsc.children) instance.methods.applyLocation(instance, location);
}
