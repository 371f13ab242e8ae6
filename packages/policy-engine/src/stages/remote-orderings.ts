// Stage: remote connection orderings (Pacemaker's pcmk_sched_remote.c). An action on a Pacemaker
// Remote or guest node can only run while the node's connection is up: starts wait for the
// connection to start, stops come before it stops. When the connection cannot be recovered, the
// node is fenced instead (which is why this stage runs before fencing is scheduled).

import { OrderFlag, ActionFlag, has } from '../model/flags.js';
import { Role } from '../model/role.js';
import type { Action, Node, Resource, WorkingSet } from '../model/types.js';
import { newOrdering } from '../constraints/ordering.js';
import { fenceNode } from '../unpack/fence.js';
import { isGuestOrRemote, isRemoteNode, shutdownRequested } from '../unpack/nodes.js';
import { currentNode } from '../unpack/resource-helpers.js';
import { opKey } from '../util/opkey.js';

/** What can be said of a remote node's connection in this transition. */
export type RemoteState = 'unknown' | 'alive' | 'resting' | 'failed' | 'stopped';

/** Pacemaker's get_remote_node_state. */
export function remoteNodeState(node: Node): RemoteState {
  const connection = node.remoteRsc!;
  const host = currentNode(connection);
  if (connection.nextRole === Role.stopped || connection.assignedTo === undefined) {
    // the connection will not run anywhere
    if (host !== undefined && host.unclean) return 'failed';
    if (!connection.failed) return 'stopped';
    if (connection.nextRole === Role.stopped && connection.remoteReconnectMs > 0 && node.remoteWasFenced && !shutdownRequested(node)) {
      // whether it is recoverable is known once the reconnect interval has passed
      return 'unknown';
    }
    return 'failed';
  }
  if (host === undefined) return 'unknown';
  if (host.unclean || !host.online) return 'resting';
  if (connection.runningOn.length > 1 && connection.partialMigrationSource !== undefined && connection.partialMigrationTarget !== undefined) {
    // wait until the connection has migrated
    return 'resting';
  }
  return 'alive';
}

/** Pacemaker's pcmk__is_failed_remote_node. */
export function isFailedRemoteNode(node: Node): boolean {
  return isRemoteNode(node) && node.remoteRsc !== undefined && remoteNodeState(node) === 'failed';
}

/** Internal orderings with remote connections are exempt from the ban on user orderings. */
function orderStartThenAction(first: Resource, then: Action, extra: number): void {
  newOrdering(first.cluster, first, opKey(first.id, 'start'), undefined, then.rsc, undefined, then, OrderFlag.preserve | OrderFlag.runnableLeft | extra);
}

function orderActionThenStop(first: Action, then: Resource, extra: number): void {
  newOrdering(then.cluster, first.rsc, undefined, first, then, opKey(then.id, 'stop'), undefined, OrderFlag.preserve | extra);
}

function isRecurring(action: Action): boolean {
  const interval = action.meta.get('interval');
  return interval !== undefined && interval !== '0';
}

/** The task that decides the ordering: migrations are ordered like stops. */
function orderingTask(action: Action): string {
  return action.task === 'migrate_to' || action.task === 'migrate_from' ? 'stop' : action.task;
}

/**
 * Tasks Pacemaker's pcmk_parse_action knows; anything else (cancel and delete included) orders
 * like an unspecified action, so a cancellation on a guest node never waits for its connection.
 */
const KNOWN_TASKS = new Set(['stop', 'stopped', 'do_shutdown', 'start', 'running', 'notify', 'notified', 'promote', 'promoted', 'demote', 'demoted', 'monitor', 'stonith']);

function applyRemoteOrdering(ws: WorkingSet, action: Action): void {
  const node = action.node!;
  const connection = node.remoteRsc!;
  const state = remoteNodeState(node);
  switch (orderingTask(action)) {
    case 'start':
    case 'promote':
      // a failed connection forces recovery: the action becomes required
      orderStartThenAction(connection, action, state === 'failed' ? OrderFlag.impliesThen : OrderFlag.none);
      break;
    case 'stop':
      if (state === 'alive') {
        orderActionThenStop(action, connection, OrderFlag.impliesFirst);
      } else if (state === 'failed') {
        // without a connection, only fencing the node stops the resource (and implies the stop)
        fenceNode(ws, node, 'resources are active but connection is unrecoverable', false);
      } else if (connection.nextRole === Role.stopped) {
        // the connection is not coming back in this transition: stop this first
        orderActionThenStop(action, connection, OrderFlag.impliesFirst);
      } else {
        // the connection starts elsewhere first
        orderStartThenAction(connection, action, OrderFlag.none);
      }
      break;
    case 'demote':
      // ordered after the connection start only when the connection is not being torn down
      if (state === 'resting' || state === 'unknown') orderStartThenAction(connection, action, OrderFlag.none);
      break;
    default:
      if (isRecurring(action)) {
        // restart recurring monitors whenever the connection is re-established
        orderStartThenAction(connection, action, OrderFlag.impliesThen);
        break;
      }
      if (action.task === 'monitor' && state === 'failed') {
        // the state of the resource there cannot be found out: fence the node
        fenceNode(ws, node, 'resources are in unknown state and connection is unrecoverable', false);
      }
      if (currentNode(connection) !== undefined && state === 'stopped') {
        // the connection goes down for good: check that services are stopped before it does
        orderActionThenStop(action, connection, OrderFlag.runnableLeft);
      } else {
        orderStartThenAction(connection, action, OrderFlag.none);
      }
  }
}

function applyContainerOrdering(ws: WorkingSet, action: Action): void {
  const node = action.node!;
  const connection = node.remoteRsc!;
  const container = connection.container!;
  if (container.failed) fenceNode(ws, node, 'container failed', false);
  const task = orderingTask(action);
  switch (task) {
    case 'start':
    case 'promote':
      // recovering the container recovers the resource, once the connection is up
      orderStartThenAction(container, action, OrderFlag.impliesThen);
      orderStartThenAction(connection, action, OrderFlag.none);
      break;
    case 'stop':
    case 'demote':
      // when the container failed, its stop implies these; otherwise they precede the connection's
      if (!container.failed) orderActionThenStop(action, connection, OrderFlag.none);
      break;
    default:
      if (isRecurring(action)) {
        if (KNOWN_TASKS.has(task)) orderStartThenAction(connection, action, OrderFlag.impliesThen);
      } else {
        orderStartThenAction(connection, action, OrderFlag.none);
      }
  }
}

/** Pacemaker's pcmk__order_remote_connection_actions. */
export function orderRemoteConnectionActions(ws: WorkingSet): void {
  if (!ws.flags.haveRemoteNodes) return;
  for (let i = ws.actions.length - 1; i >= 0; i--) {
    const action = ws.actions[i]!;
    const rsc = action.rsc;
    if (rsc === undefined) continue;
    // clearing a connection's fail count comes before any start of it
    if (rsc.isRemoteNode && action.task === 'clear_failcount') {
      newOrdering(ws, rsc, undefined, action, rsc, opKey(rsc.id, 'start'), undefined, OrderFlag.optional);
      continue;
    }
    const node = action.node;
    if (node === undefined || !isGuestOrRemote(node)) continue;
    // only real actions (pseudo-actions may still become real later, as upstream notes)
    if (has(action.flags, ActionFlag.pseudo)) continue;
    const connection = node.remoteRsc;
    if (connection === undefined) continue;
    if (action.task === 'start') {
      // moving onto a remote node: leave the resource where it is if the connection fails to start
      for (let j = rsc.actions.length - 1; j >= 0; j--) {
        const other = rsc.actions[j]!;
        if (other.node !== node && other.task === 'stop') {
          newOrdering(ws, connection, opKey(connection.id, 'start'), undefined, rsc, undefined, other, OrderFlag.optional);
        }
      }
    }
    if (connection.container !== undefined) applyContainerOrdering(ws, action);
    else applyRemoteOrdering(ws, action);
  }
}
