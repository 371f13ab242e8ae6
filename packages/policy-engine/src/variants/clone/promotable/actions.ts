// A promotable clone's own actions and orderings (Pacemaker's pcmk__create_promotable_actions,
// pe__create_promotable_pseudo_ops, pcmk__promotable_restart_ordering and
// pcmk__order_promotable_instances): promote/promoted and demote/demoted pseudo-actions around
// the instances' promotions and demotions, demotions before stops and promotions after starts.

import { INFINITY } from '@hacluster/cib';
import { ActionFlag, OrderFlag, has } from '../../../model/flags.js';
import type { Resource } from '../../../model/types.js';
import { newRscPseudoAction } from '../../../actions/action.js';
import { orderResourceActions } from '../../../constraints/ordering.js';
import { notifyFeature } from '../features.js';

/** Pacemaker's check_for_role_change: will any (member of an) instance be promoted or demoted? */
function checkForRoleChange(rsc: Resource, change: { promoting: boolean; demoting: boolean }): void {
  if (rsc.children.length > 0) {
    for (const child of rsc.children) checkForRoleChange(child, change);
    return;
  }
  for (const action of rsc.actions) {
    if (has(action.flags, ActionFlag.optional)) continue;
    if (action.task === 'demote') change.demoting = true;
    else if (action.task === 'promote') change.promoting = true;
  }
}

/** The clone's promote/promoted and demote/demoted pseudo-actions (and their notifications). */
function createPromotablePseudoActions(clone: Resource, promoting: boolean, demoting: boolean): void {
  const promote = newRscPseudoAction(clone, 'promote', !promoting, true);
  const promoted = newRscPseudoAction(clone, 'promoted', !promoting, true);
  promoted.priority = INFINITY;
  if (clone.notify) notifyFeature(clone).createPromotableNotifyPseudoActions?.(clone, 'promote', promote, promoted);
  const demote = newRscPseudoAction(clone, 'demote', !demoting, true);
  const demoted = newRscPseudoAction(clone, 'demoted', !demoting, true);
  demoted.priority = INFINITY;
  if (clone.notify) notifyFeature(clone).createPromotableNotifyPseudoActions?.(clone, 'demote', demote, demoted);
}

/**
 * After the clone's start/stop pseudo-actions exist. Upstream asks every instance for its actions
 * a second time here (finding the ones already made) to see whether any role changes.
 */
export function createPromotableActions(clone: Resource): void {
  const change = { promoting: false, demoting: false };
  for (const instance of clone.children) {
    instance.methods.createActions(instance);
    checkForRoleChange(instance, change);
  }
  createPromotablePseudoActions(clone, change.promoting, change.demoting);
  // instance priorities served as promotion scores until now; they go back to the clone's
  for (const instance of clone.children) instance.priority = clone.priority;
}

/** Pacemaker's pcmk__promotable_restart_ordering (clones and bundles). */
export function promotableRestartOrdering(rsc: Resource): void {
  // start and promote after all instances are stopped
  orderResourceActions(rsc, 'stopped', rsc, 'start', OrderFlag.optional);
  orderResourceActions(rsc, 'stopped', rsc, 'promote', OrderFlag.optional);
  // stop, start and promote after all instances are demoted
  orderResourceActions(rsc, 'demoted', rsc, 'stop', OrderFlag.optional);
  orderResourceActions(rsc, 'demoted', rsc, 'start', OrderFlag.optional);
  orderResourceActions(rsc, 'demoted', rsc, 'promote', OrderFlag.optional);
  // promote after all instances are started
  orderResourceActions(rsc, 'running', rsc, 'promote', OrderFlag.optional);
  // demoted after demote
  orderResourceActions(rsc, 'demote', rsc, 'demoted', OrderFlag.optional);
}

/** Each instance between the clone's promote/promoted and demote/demoted, demote before promote. */
export function orderPromotableInstances(clone: Resource): void {
  promotableRestartOrdering(clone);
  const ordered = clone.clone!.ordered;
  let previous: Resource | undefined;
  for (const instance of clone.children) {
    orderResourceActions(instance, 'demote', instance, 'promote', OrderFlag.optional);
    orderResourceActions(clone, 'promote', instance, 'promote', OrderFlag.optional);
    orderResourceActions(instance, 'promote', clone, 'promoted', OrderFlag.optional);
    if (previous !== undefined && ordered) orderResourceActions(previous, 'promote', instance, 'promote', OrderFlag.optional);
    orderResourceActions(clone, 'demote', instance, 'demote', OrderFlag.impliesFirstPrinted);
    orderResourceActions(instance, 'demote', clone, 'demoted', OrderFlag.impliesThenPrinted);
    if (previous !== undefined && ordered) orderResourceActions(instance, 'demote', previous, 'demote', OrderFlag.optional);
    previous = instance;
  }
}
