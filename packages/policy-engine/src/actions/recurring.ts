// Recurring monitors (Pacemaker's pcmk_sched_recurring.c): a monitor for each configured interval
// in the role the resource will have; monitors configured for the Stopped role on the nodes where
// it will not run; cancellation of monitors for a role the resource is leaving.

import type { XmlElement } from '@hacluster/cib';
import { Role, parseRoleN, type RoleN } from '../model/role.js';
import { ActionFlag, OrderFlag, has } from '../model/flags.js';
import type { Action, Node, Resource } from '../model/types.js';
import { addExpectedResult, customAction, findActionsExact, orderActions, resourceActions, startAction } from './action.js';
import { findOpEntry } from './operation.js';
import { parseIntervalSpec } from '../util/interval.js';
import { newOrdering } from '../constraints/ordering.js';
import { newCancelAction } from '../stages/config-changes.js';
import { opKey } from '../util/opkey.js';

interface OpHistory {
  id: string;
  name: string;
  key: string;
  role: RoleN;
  intervalMs: number;
}

function interval(op: XmlElement): number {
  return parseIntervalSpec(op.get('interval'));
}

function isOpDup(rsc: Resource, name: string, intervalMs: number): boolean {
  let id: string | undefined;
  for (const op of rsc.ops) {
    if (op.get('name') !== name || interval(op) !== intervalMs) continue;
    if (op.get('id') === undefined) continue;
    if (id === undefined) id = op.get('id');
    else return true;
  }
  return false;
}

const CANNOT_RECUR = new Set(['stop', 'start', 'demote', 'promote', 'reload-agent', 'migrate_to', 'migrate_from']);

function recurringHistory(rsc: Resource, op: XmlElement): OpHistory | undefined {
  const intervalMs = interval(op);
  if (intervalMs === 0) return undefined;
  const id = op.get('id');
  if (id === undefined || id === '') return undefined;
  const name = op.get('name') ?? '';
  if (CANNOT_RECUR.has(name)) return undefined;
  if (isOpDup(rsc, name, intervalMs)) return undefined;
  const roleText = op.get('role');
  const role = roleText === undefined ? Role.unknown : parseRoleN(roleText);
  const key = opKey(rsc.id, name, intervalMs);
  if (findOpEntry(rsc, key, false) === undefined) return undefined;
  return { id, name, key, role, intervalMs };
}

function activeRecurringShouldBeOptional(rsc: Resource, node: Node | undefined, key: string, start: Action): boolean {
  if (node === undefined) return false;
  if (!has(rsc.methods.actionFlags(start, undefined), ActionFlag.optional)) return false;
  const matches = findActionsExact(rsc.cluster, rsc, key, node);
  if (matches.length === 0) return false;
  for (const op of matches) if (has(op.flags, ActionFlag.reschedule)) return false;
  return true;
}

function recurringOpForActive(rsc: Resource, start: Action, node: Node | undefined, op: OpHistory): void {
  const ws = rsc.cluster;
  if (op.role === Role.stopped) return;
  const isOptional = activeRecurringShouldBeOptional(rsc, node, op.key, start);
  if ((op.role !== Role.unknown && rsc.nextRole !== op.role) || (op.role === Role.unknown && rsc.nextRole === Role.promoted)) {
    if (isOptional && node !== undefined) {
      const cancel = newCancelAction(rsc, op.name, op.intervalMs, node);
      let afterKey: string | undefined;
      switch (rsc.role) {
        case Role.unpromoted:
        case Role.started:
          if (rsc.nextRole === Role.promoted) afterKey = opKey(rsc.id, 'promote');
          else if (rsc.nextRole === Role.stopped) afterKey = opKey(rsc.id, 'stop');
          break;
        case Role.promoted:
          afterKey = opKey(rsc.id, 'demote');
          break;
        default:
          break;
      }
      if (afterKey !== undefined) newOrdering(ws, rsc, undefined, cancel, rsc, afterKey, undefined, OrderFlag.runnableLeft);
    }
    return;
  }
  const mon = customAction(rsc, ws, op.key, op.name, node, isOptional);
  if (!has(start.flags, ActionFlag.runnable)) mon.flags &= ~ActionFlag.runnable;
  else if (node === undefined || !node.online || node.unclean) mon.flags &= ~ActionFlag.runnable;
  if (rsc.nextRole === Role.promoted) addExpectedResult(mon, 8);
  if (node === undefined || rsc.managed) {
    newOrdering(ws, rsc, opKey(rsc.id, 'start'), undefined, undefined, mon.uuid, mon, OrderFlag.impliesThen | OrderFlag.runnableLeft);
    newOrdering(ws, rsc, opKey(rsc.id, 'reload-agent'), undefined, undefined, mon.uuid, mon, OrderFlag.impliesThen | OrderFlag.runnableLeft);
    if (rsc.nextRole === Role.promoted) {
      newOrdering(ws, rsc, opKey(rsc.id, 'promote'), undefined, rsc, undefined, mon, OrderFlag.optional | OrderFlag.runnableLeft);
    } else if (rsc.role === Role.promoted) {
      newOrdering(ws, rsc, opKey(rsc.id, 'demote'), undefined, rsc, undefined, mon, OrderFlag.optional | OrderFlag.runnableLeft);
    }
  }
}

function cancelIfRunning(rsc: Resource, node: Node, key: string, name: string, intervalMs: number): void {
  if (findActionsExact(rsc.cluster, rsc, key, node).length === 0) return;
  const cancel = newCancelAction(rsc, name, intervalMs, node);
  if (rsc.nextRole === Role.started || rsc.nextRole === Role.unpromoted) {
    newOrdering(rsc.cluster, rsc, undefined, cancel, rsc, opKey(rsc.id, 'start'), undefined, OrderFlag.runnableLeft);
  }
}

function orderAfterProbes(rsc: Resource, node: Node, action: Action): void {
  for (const probe of resourceActions(rsc, node, 'monitor', false)) orderActions(probe, action, OrderFlag.runnableLeft);
}

function orderAfterStops(rsc: Resource, node: Node, action: Action): void {
  for (const stop of resourceActions(rsc, node, 'stop', true)) {
    if (!has(stop.flags, ActionFlag.optional) && !has(action.flags, ActionFlag.optional) && !rsc.managed) {
      action.flags |= ActionFlag.optional;
    }
    if (!has(stop.flags, ActionFlag.runnable)) action.flags &= ~ActionFlag.runnable;
    if (rsc.managed) {
      newOrdering(rsc.cluster, rsc, opKey(rsc.id, 'stop'), stop, undefined, undefined, action, OrderFlag.impliesThen | OrderFlag.runnableLeft);
    }
  }
}

function recurringOpForInactive(rsc: Resource, node: Node | undefined, op: OpHistory): void {
  if (op.role !== Role.stopped) return;
  if (!rsc.unique) return;
  for (const stopNode of rsc.cluster.nodes) {
    if (node !== undefined && stopNode.uname.toLowerCase() === node.uname.toLowerCase()) {
      cancelIfRunning(rsc, node, op.key, op.name, op.intervalMs);
      continue;
    }
    const isOptional = findActionsExact(rsc.cluster, rsc, op.key, stopNode).length > 0;
    const stoppedMon = customAction(rsc, rsc.cluster, op.key, op.name, stopNode, isOptional);
    addExpectedResult(stoppedMon, 7);
    if (rsc.managed) orderAfterProbes(rsc, stopNode, stoppedMon);
    orderAfterStops(rsc, stopNode, stoppedMon);
    if (!stopNode.online || stopNode.unclean) stoppedMon.flags &= ~ActionFlag.runnable;
  }
}

/** Pacemaker's pcmk__create_recurring_actions. */
export function createRecurringActions(rsc: Resource): void {
  if (rsc.blocked || rsc.maintenance) return;
  let start: Action | undefined;
  const assigned = rsc.assignedTo?.node;
  if (assigned === undefined) {
    // nothing is active
  } else if (assigned.maintenance) {
    // no monitors on a node in maintenance
  } else if (rsc.nextRole !== Role.stopped || !rsc.managed) {
    start = startAction(rsc, assigned, true);
  }
  for (const op of rsc.ops) {
    const history = recurringHistory(rsc, op);
    if (history === undefined) continue;
    if (start !== undefined) recurringOpForActive(rsc, start, assigned, history);
    recurringOpForInactive(rsc, assigned, history);
  }
}
