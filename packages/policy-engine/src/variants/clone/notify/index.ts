// Clone notifications (notify=true): the NotifyFeature the clone variant calls (see
// ../features.ts). Each clone keeps the notification data of its start, stop, promote and demote
// (Pacemaker's clone_variant_data_t start_notify, …) from creating its actions until it is
// written to the graph.

import { OrderFlag } from '../../../model/flags.js';
import type { Action, Resource } from '../../../model/types.js';
import { orderActions } from '../../../actions/action.js';
import type { NotifyFeature } from '../features.js';
import type { CollectivePseudoActions } from '../../instances/actions.js';
import { createNotifyPseudoOps, type NotifyData } from './data.js';
import { createActionNotifications } from './actions.js';
import { orderNotificationsAfterFencing } from './fencing.js';

interface CloneNotifications {
  start?: NotifyData;
  stop?: NotifyData;
  promote?: NotifyData;
  demote?: NotifyData;
}

const byClone = new WeakMap<Resource, CloneNotifications>();

function notificationsOf(clone: Resource): CloneNotifications {
  let n = byClone.get(clone);
  if (n === undefined) {
    n = {};
    byClone.set(clone, n);
  }
  return n;
}

/** Pacemaker's pe__create_clone_notif_pseudo_ops: a restart notifies the stop before the start. */
function createCloneNotifyPseudoActions(clone: Resource, actions: CollectivePseudoActions): void {
  const n = notificationsOf(clone);
  n.start ??= createNotifyPseudoOps(clone, 'start', actions.start, actions.started);
  if (n.stop === undefined) {
    n.stop = createNotifyPseudoOps(clone, 'stop', actions.stop, actions.stopped);
    orderActions(n.stop.postDone, n.start.pre, OrderFlag.optional);
  }
}

/**
 * Promote and demote notifications, created by the promotable feature with its pseudo-actions
 * (promote first, then demote, as in Pacemaker's pe__create_promotable_pseudo_ops). Once both
 * exist, every other notification round waits for the demote's, and the promote's waits for all.
 */
function createPromotableNotifyPseudoActions(clone: Resource, task: 'promote' | 'demote', action: Action, complete: Action): void {
  const n = notificationsOf(clone);
  if (n[task] !== undefined) return;
  n[task] = createNotifyPseudoOps(clone, task, action, complete);
  if (task !== 'demote' || n.promote === undefined) return;
  const promotePre = n.promote.pre;
  const demotePostDone = n.demote!.postDone;
  orderActions(n.stop?.postDone, promotePre, OrderFlag.optional);
  orderActions(n.start?.postDone, promotePre, OrderFlag.optional);
  orderActions(demotePostDone, promotePre, OrderFlag.optional);
  orderActions(demotePostDone, n.start?.pre, OrderFlag.optional);
  orderActions(demotePostDone, n.stop?.pre, OrderFlag.optional);
}

/** Pacemaker's pe__create_clone_notifications, then pe__free_clone_notification_data. */
function createCloneNotifications(clone: Resource): void {
  const n = byClone.get(clone);
  if (n === undefined) return;
  createActionNotifications(clone, n.start);
  createActionNotifications(clone, n.stop);
  createActionNotifications(clone, n.promote);
  createActionNotifications(clone, n.demote);
  byClone.delete(clone);
}

export const cloneNotifications: NotifyFeature = {
  createNotifyPseudoActions: createCloneNotifyPseudoActions,
  createNotifications: createCloneNotifications,
  createPromotableNotifyPseudoActions,
  orderNotificationsAfterFencing,
};
