// The notify actions of each instance (Pacemaker's create_notify_actions, new_notify_action and
// new_post_notify_action in pe_notif.c). They are made when the clone goes into the graph, after
// the orderings are settled, so they are linked directly to the clone's notification
// pseudo-actions and take no part in ordering propagation.

import { INFINITY } from '@hacluster/cib';
import { ActionFlag, OrderFlag, has } from '../../../model/flags.js';
import { Role } from '../../../model/role.js';
import type { Action, Node, Resource } from '../../../model/types.js';
import { customAction, findFirstAction, orderActions } from '../../../actions/action.js';
import { notifyKey } from '../../../util/opkey.js';
import { addMeta, type NotifyData } from './data.js';
import { addNotifyKeys, collectResourceData } from './environment.js';

/** Pacemaker's add_notify_data_to_action_meta. */
function addNotifyEnvironment(data: NotifyData, action: Action): void {
  for (const [name, value] of data.keys) addMeta(action, name, value);
}

/**
 * Pacemaker's new_notify_action: the instance's notification on `node` for the clone's `op`
 * (a pre or post pseudo-action), ordered between it and `done`. None when the node is offline or
 * the clone's notification cannot run.
 */
function newNotifyAction(rsc: Resource, node: Node, op: Action | undefined, done: Action | undefined, data: NotifyData): Action | undefined {
  if (op === undefined || done === undefined || !node.online || !has(op.flags, ActionFlag.runnable)) return undefined;
  const key = notifyKey(rsc.id, op.meta.get('notify_type') ?? '', op.meta.get('notify_operation') ?? '');
  const notify = customAction(rsc, rsc.cluster, key, op.task, node, has(op.flags, ActionFlag.optional));
  // the notify action's own meta-attributes (its timeout, …) win over the clone's
  for (const [name, value] of op.meta) addMeta(notify, name, value);
  addNotifyEnvironment(data, notify);
  orderActions(op, notify, OrderFlag.optional);
  orderActions(notify, done, OrderFlag.optional);
  return notify;
}

/** Pacemaker's new_post_notify_action: also holds the instance's recurring monitors until all are notified. */
function newPostNotifyAction(rsc: Resource, node: Node, data: NotifyData): void {
  const notify = newNotifyAction(rsc, node, data.post, data.postDone, data);
  if (notify !== undefined) notify.priority = INFINITY;
  if (data.postDone === undefined) return;
  for (let i = rsc.actions.length - 1; i >= 0; i--) {
    const monitor = rsc.actions[i]!;
    const interval = monitor.meta.get('interval');
    if (interval === undefined || interval === '0' || monitor.task === 'cancel') continue;
    orderActions(data.postDone, monitor, OrderFlag.optional);
  }
}

/** The start of the remote connection an action waits for, when it is on a remote or guest node. */
function remoteStart(action: Action): Action | undefined {
  const connection = action.node?.remoteRsc;
  return connection === undefined ? undefined : findFirstAction(connection.actions, undefined, 'start');
}

/**
 * Pacemaker's create_notify_actions: gives the instances' starts, stops, promotes and demotes the
 * notify environment, and creates each instance's notifications: where it runs for stop and demote
 * (not on a node being fenced), where it is placed for start and promote.
 */
export function createNotifyActions(rsc: Resource, data: NotifyData): void {
  if (rsc.children.length > 0) {
    for (const child of rsc.children) createNotifyActions(child, data);
    return;
  }
  for (let i = rsc.actions.length - 1; i >= 0; i--) {
    const op = rsc.actions[i]!;
    if (has(op.flags, ActionFlag.optional) || op.node === undefined) continue;
    if (op.task === 'start' || op.task === 'stop' || op.task === 'promote' || op.task === 'demote') addNotifyEnvironment(data, op);
  }
  const task = data.task;
  // nothing to notify about unless the action happens (stops excepted: fencing may imply them)
  if (task === 'start' && data.start.length === 0) return;
  if (task === 'promote' && data.promote.length === 0) return;
  if (task === 'demote' && data.demote.length === 0) return;

  if (rsc.role !== Role.stopped && (task === 'stop' || task === 'demote')) {
    const stop = findFirstAction(rsc.actions, undefined, 'stop');
    for (const node of rsc.runningOn) {
      // a stop implied by fencing: the node being fenced is not told
      if (stop !== undefined && has(stop.flags, ActionFlag.pseudo) && (node.unclean || node.remoteRequiresReset)) continue;
      newNotifyAction(rsc, node, data.pre, data.preDone, data);
      if (task === 'demote' || stop === undefined || has(stop.flags, ActionFlag.optional)) newPostNotifyAction(rsc, node, data);
    }
  }

  if (rsc.nextRole !== Role.stopped && (task === 'start' || task === 'promote')) {
    const start = findFirstAction(rsc.actions, undefined, 'start');
    if (start !== undefined) {
      // notifications wait for a connection that cannot start: there are none
      const connectionStart = remoteStart(start);
      if (connectionStart !== undefined && !has(connectionStart.flags, ActionFlag.runnable)) return;
    }
    const assigned = rsc.assignedTo?.node;
    // upstream reports this as a scheduler error and notifies nobody
    if (assigned === undefined) return;
    if (task !== 'start' || start === undefined || has(start.flags, ActionFlag.optional)) {
      newNotifyAction(rsc, assigned, data.pre, data.preDone, data);
    }
    newPostNotifyAction(rsc, assigned, data);
  }
}

/** Pacemaker's pe__create_action_notifications: the data, the environment, then the actions. */
export function createActionNotifications(rsc: Resource, data: NotifyData | undefined): void {
  if (data === undefined) return;
  collectResourceData(rsc, true, data);
  addNotifyKeys(rsc, data);
  createNotifyActions(rsc, data);
}
