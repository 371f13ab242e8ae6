// The notification data of one clone action, and the clone-level pseudo-actions that frame its
// notifications (Pacemaker's notify_data_t and pe__action_notif_pseudo_ops in pe_notif.c).
//
// Starting a clone, for example, runs:
//   pre_notify_start (pseudo) -> each instance's pre-notify -> confirmed-pre_notify_start (pseudo)
//   -> the starts -> running (pseudo) -> post_notify_running (pseudo) -> each instance's
//   post-notify -> confirmed-post_notify_running (pseudo)

import { INFINITY } from '@hacluster/cib';
import { ActionFlag, OrderFlag, has } from '../../../model/flags.js';
import type { Action, Node, NodeTable, Resource } from '../../../model/types.js';
import { customAction, orderActions } from '../../../actions/action.js';
import { notifyKey } from '../../../util/opkey.js';
import { setActionMetaIfUnset } from '../../../actions/action-meta.js';

/** The action notified about. */
export type NotifiedTask = 'start' | 'stop' | 'promote' | 'demote';

/** One instance in one of the lists handed to the agents (an instance, and where it is). */
export interface NotifyEntry {
  readonly rsc: Resource;
  readonly node: Node | undefined;
}

/** Pacemaker's notify_data_t. */
export interface NotifyData {
  readonly task: NotifiedTask;
  /** The pseudo-actions around the notified action (absent when not asked for). */
  readonly pre: Action | undefined;
  readonly preDone: Action | undefined;
  readonly post: Action | undefined;
  readonly postDone: Action | undefined;
  /** The clone's allowed nodes (those of the first resource collected). */
  allowedNodes: NodeTable | undefined;
  active: NotifyEntry[];
  inactive: NotifyEntry[];
  promoted: NotifyEntry[];
  unpromoted: NotifyEntry[];
  start: NotifyEntry[];
  stop: NotifyEntry[];
  promote: NotifyEntry[];
  demote: NotifyEntry[];
  /** The notify environment (meta-attributes without the CRM_meta_ prefix), in creation order. */
  keys: [string, string][];
}

/** Pacemaker's new_notify_pseudo_action. */
function newNotifyPseudoAction(rsc: Resource, action: Action, notifTask: 'notify' | 'notified', notifType: string): Action {
  const notify = customAction(rsc, rsc.cluster, notifyKey(rsc.id, notifType, action.task), notifTask, undefined, has(action.flags, ActionFlag.optional));
  notify.flags |= ActionFlag.pseudo;
  addMeta(notify, 'notify_key_type', notifType);
  addMeta(notify, 'notify_key_operation', action.task);
  return notify;
}

/** Pacemaker's add_hash_param: a meta-attribute already set keeps its value. */
export function addMeta(action: Action, name: string, value: string): void {
  setActionMetaIfUnset(action, name, value);
}

function setRunnable(action: Action, runnable: boolean): void {
  if (runnable) action.flags |= ActionFlag.runnable;
  else action.flags &= ~ActionFlag.runnable;
}

/**
 * Pacemaker's pe__action_notif_pseudo_ops: with `action`, the pre-notification pseudo-actions
 * ordered before it; with `complete`, the post-notification ones ordered after it.
 */
export function createNotifyPseudoOps(rsc: Resource, task: NotifiedTask, action: Action | undefined, complete: Action | undefined): NotifyData {
  let pre: Action | undefined;
  let preDone: Action | undefined;
  let post: Action | undefined;
  let postDone: Action | undefined;
  if (action !== undefined) {
    pre = newNotifyPseudoAction(rsc, action, 'notify', 'pre');
    pre.flags |= ActionFlag.runnable;
    addMeta(pre, 'notify_type', 'pre');
    addMeta(pre, 'notify_operation', task);
    preDone = newNotifyPseudoAction(rsc, action, 'notified', 'confirmed-pre');
    preDone.flags |= ActionFlag.runnable;
    addMeta(preDone, 'notify_type', 'pre');
    addMeta(preDone, 'notify_operation', task);
    orderActions(pre, preDone, OrderFlag.optional);
    orderActions(preDone, action, OrderFlag.optional);
  }
  if (complete !== undefined) {
    const runnable = has(complete.flags, ActionFlag.runnable);
    post = newNotifyPseudoAction(rsc, complete, 'notify', 'post');
    post.priority = INFINITY;
    setRunnable(post, runnable);
    addMeta(post, 'notify_type', 'post');
    addMeta(post, 'notify_operation', task);
    postDone = newNotifyPseudoAction(rsc, complete, 'notified', 'confirmed-post');
    postDone.priority = INFINITY;
    setRunnable(postDone, runnable);
    addMeta(postDone, 'notify_type', 'post');
    addMeta(postDone, 'notify_operation', task);
    orderActions(complete, post, OrderFlag.impliesThen);
    orderActions(post, postDone, OrderFlag.impliesThen);
  }
  if (action !== undefined && complete !== undefined) orderActions(preDone, post, OrderFlag.optional);
  return {
    task,
    pre,
    preDone,
    post,
    postDone,
    allowedNodes: undefined,
    active: [],
    inactive: [],
    promoted: [],
    unpromoted: [],
    start: [],
    stop: [],
    promote: [],
    demote: [],
    keys: [],
  };
}
