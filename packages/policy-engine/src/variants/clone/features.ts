// Where promotable clones and clone notifications join the clone variant. The clone code calls
// these hooks at the points upstream does (pcmk_sched_clone.c, pcmk_sched_instances.c,
// lib/pengine/clone.c); registerCloneFeatures() fills them in. Until then a promotable clone, or a
// clone with notify=true, is refused with an error naming it: scheduling it without promotion or
// notifications would give a wrong transition.

import type { Action, Colocation, Resource } from '../../model/types.js';
import type { CollectivePseudoActions } from '../instances/actions.js';
import { SchedulerError } from '../../errors.js';

export interface PromotableFeature {
  /**
   * Before the instances are placed (pcmk__add_promotion_scores): promotion scores from
   * master-<rsc> node attributes and role-based locations into the clone's node scores.
   */
  addPromotionScores(clone: Resource): void;
  /**
   * After the instances are placed (pcmk__set_instance_roles): where instance roles are chosen,
   * within promoted-max and promoted-node-max; sets each instance's nextRole.
   */
  setInstanceRoles(clone: Resource): void;
  /**
   * After the instance actions and the start/stop pseudo-actions exist
   * (pcmk__create_promotable_actions): promote/promoted/demote/demoted pseudo-actions.
   */
  createPromotableActions(clone: Resource): void;
  /**
   * At the end of the clone's internal constraints: demoted→stop and running→promote on the
   * clone, then pcmk__order_promotable_instances.
   */
  orderPromotableInstances(clone: Resource): void;
  /**
   * The role-specific part of a colocation with a promotable clone (the start of
   * pcmk__clone_apply_coloc_score, for colocations naming a primary role): returns the priority
   * change when it applied, undefined to go on with the plain clone rules.
   */
  applyRoleColocation(dependent: Resource, primary: Resource, colocation: Colocation): number | undefined;
}

export interface NotifyFeature {
  /**
   * Once the clone's start/running/stop/stopped pseudo-actions exist
   * (pe__create_clone_notif_pseudo_ops): the pre/post notify pseudo-actions around them.
   */
  createNotifyPseudoActions(clone: Resource, actions: CollectivePseudoActions): void;
  /**
   * When the clone's actions go into the graph (pe__create_clone_notifications, then
   * pe__free_clone_notification_data): the notify actions of each instance with the notify
   * environment.
   */
  createNotifications(clone: Resource): void;
  /** Promote/demote notification pseudo-actions, for the promotable feature to call. */
  createPromotableNotifyPseudoActions?(clone: Resource, task: 'promote' | 'demote', action: Action, complete: Action): void;
  /**
   * When fencing implies an instance's stop (pcmk__order_vs_fence, through
   * pe__order_notifs_after_fencing): the other instances are notified after the fencing.
   */
  orderNotificationsAfterFencing(stop: Action, instance: Resource, fencing: Action): void;
}

let promotable: PromotableFeature | undefined;
let notify: NotifyFeature | undefined;

/** How the promotable-clone and notification modules join the clone variant. */
export function registerCloneFeatures(features: { promotable?: PromotableFeature; notify?: NotifyFeature }): void {
  if (features.promotable !== undefined) promotable = features.promotable;
  if (features.notify !== undefined) notify = features.notify;
}

/** The promotable feature, for a promotable clone (an error while it is not available). */
export function promotableFeature(clone: Resource): PromotableFeature {
  if (promotable === undefined) throw new SchedulerError({ code: 'UNSUPPORTED_FEATURE', feature: 'promotable clones', id: clone.id });
  return promotable;
}

/** The notification feature, for a clone with notify=true (an error while it is not available). */
export function notifyFeature(clone: Resource): NotifyFeature {
  if (notify === undefined) throw new SchedulerError({ code: 'UNSUPPORTED_FEATURE', feature: 'clone notifications', id: clone.id });
  return notify;
}
