// Stage: configuration changes (Pacemaker's pcmk__handle_rsc_config_changes). Each active
// resource's history is compared with its configuration: a changed agent, changed parameters
// (digests), or recurring operations no longer configured lead to restarts, reloads, cancels and
// fail-count clearing.

import type { XmlElement } from '@hacluster/cib';
import { ActionFlag, OrderFlag } from '../model/flags.js';
import type { Node, Resource, WorkingSet } from '../model/types.js';
import { customAction, deleteAction, setActionReason } from '../actions/action.js';
import { compareDigests } from '../actions/digest.js';
import { clearFailcount } from '../actions/failcount-actions.js';
import { bundleNeedsRemoteName } from '../variants/bundle/remote-address.js';
import { findOpEntry } from '../actions/operation.js';
import { orderResourceActions, newOrdering } from '../constraints/ordering.js';
import { opKey } from '../util/opkey.js';
import { getFailcount } from '../unpack/failcounts.js';
import { calculateActiveOps } from '../unpack/history.js';
import { sortOpsByCallId } from '../unpack/op-order.js';
import { isAnonClone, topResource } from '../unpack/resource-helpers.js';
import { lrmResources } from '../unpack/history-index.js';
import { nodeUsable } from '../assign/nodes.js';
import { triggerUnfencing } from '../actions/unfencing.js';
import { setActionMeta, setActionMetaIfUnset } from '../actions/action-meta.js';

/** Pacemaker's pcmk__schedule_cleanup: delete a resource's history on a node. */
export function scheduleCleanup(rsc: Resource, node: Node, optional: boolean): void {
  const flag = optional ? OrderFlag.impliesThen : OrderFlag.optional;
  if (rsc.failed) return;
  if (node.unclean || !node.online) return;
  deleteAction(rsc, node, optional);
  orderResourceActions(rsc, 'stop', rsc, 'delete', flag);
  orderResourceActions(rsc, 'delete', rsc, 'start', flag);
}

/** Pacemaker's pcmk__rsc_agent_changed. */
export function agentChanged(rsc: Resource, node: Node, entry: XmlElement, activeOnNode: boolean): boolean {
  let changed = false;
  for (const attr of ['type', 'class', 'provider']) {
    if (rsc.xml.get(attr) !== entry.get(attr)) {
      changed = true;
      triggerUnfencing(rsc.cluster, rsc, node, 'Device definition changed', undefined);
    }
  }
  if (changed && activeOnNode) {
    customAction(rsc, rsc.cluster, opKey(rsc.id, 'stop'), 'stop', node, false);
    rsc.startPending = true;
  }
  return changed;
}

/** Pacemaker's pcmk__new_cancel_action. */
export function newCancelAction(rsc: Resource, task: string, intervalMs: number, node: Node) {
  const cancel = customAction(rsc, rsc.cluster, opKey(rsc.id, task, intervalMs), 'cancel', node, false);
  cancel.task = 'cancel';
  cancel.cancelTask = task;
  setActionMetaIfUnset(cancel, 'operation', task);
  setActionMetaIfUnset(cancel, 'interval', String(intervalMs));
  return cancel;
}

/** Pacemaker's pcmk__schedule_cancel: cancel a recurring operation before any stop. */
export function scheduleCancel(rsc: Resource, callId: string | undefined, task: string, intervalMs: number, node: Node): void {
  const cancel = newCancelAction(rsc, task, intervalMs, node);
  if (callId !== undefined && !cancel.meta.has('call-id')) setActionMeta(cancel, 'call-id', callId);
  newOrdering(rsc.cluster, rsc, opKey(rsc.id, 'stop'), undefined, rsc, undefined, cancel, OrderFlag.optional);
}

function forceRestart(rsc: Resource, task: string, intervalMs: number, node: Node): void {
  const required = customAction(rsc, rsc.cluster, opKey(rsc.id, task, intervalMs), task, undefined, false);
  setActionReason(required, 'resource definition change', true);
  triggerUnfencing(rsc.cluster, rsc, node, 'Device parameters changed', undefined);
}

function scheduleReload(rsc: Resource, node: Node | undefined): void {
  if (rsc.variant !== 'primitive') {
    for (const c of rsc.children) scheduleReload(c, node);
    return;
  }
  if (node === undefined || !rsc.managed || rsc.failed) return;
  if (rsc.startPending) {
    customAction(rsc, rsc.cluster, opKey(rsc.id, 'stop'), 'stop', node, false);
    return;
  }
  rsc.reload = true;
  const reload = customAction(rsc, rsc.cluster, opKey(rsc.id, 'reload-agent'), 'reload-agent', node, false);
  setActionReason(reload, 'resource definition change', false);
  newOrdering(rsc.cluster, undefined, undefined, reload, rsc, opKey(rsc.id, 'stop'), undefined, OrderFlag.optional | OrderFlag.thenCancelsFirst);
  newOrdering(rsc.cluster, undefined, undefined, reload, rsc, opKey(rsc.id, 'demote'), undefined, OrderFlag.optional | OrderFlag.thenCancelsFirst);
}

/** Pacemaker's pcmk__reschedule_recurring. */
function rescheduleRecurring(rsc: Resource, task: string, intervalMs: number, node: Node): void {
  triggerUnfencing(rsc.cluster, rsc, node, 'Device parameters changed (reschedule)', undefined);
  const op = customAction(rsc, rsc.cluster, opKey(rsc.id, task, intervalMs), task, node, true);
  op.flags |= ActionFlag.reschedule;
}

function taskForDigest(task: string, intervalMs: number): string {
  if (intervalMs === 0 && (task === 'monitor' || task === 'migrate_from' || task === 'promote')) return 'start';
  return task;
}

/** Pacemaker's pcmk__check_action_config: true when the history entry no longer matches the config. */
export function checkActionConfig(rsc: Resource, node: Node, xmlOp: XmlElement, info: (msg: string) => void): boolean {
  const ws = rsc.cluster;
  let task = xmlOp.get('operation');
  if (task === undefined) return false;
  const intervalMs = Number.parseInt(xmlOp.get('interval') ?? '0', 10) || 0;
  if (intervalMs > 0) {
    if (findOpEntry(rsc, opKey(rsc.id, task, intervalMs), false) !== undefined) {
      // still configured
    } else if (ws.flags.stopActionOrphans) {
      scheduleCancel(rsc, xmlOp.get('call-id'), task, intervalMs, node);
      return true;
    } else {
      return true;
    }
  }
  task = taskForDigest(task, intervalMs);
  const digest = compareDigests(rsc, xmlOp, node);
  const secure = xmlOp.get('op-secure-digest');
  if (ws.flags.sanitized && digest.rc !== 'match' && secure !== undefined && digest.secureCalc !== undefined && digest.secureCalc === secure) {
    info(
      `Only 'private' parameters to ${readableInterval(intervalMs)} ${task} for ${rsc.id} on ${node.uname} changed: ${xmlOp.get('transition-magic') ?? ''}`,
    );
    return false;
  }
  switch (digest.rc) {
    case 'restart':
      forceRestart(rsc, task, intervalMs, node);
      return true;
    case 'all':
    case 'unknown':
      if (intervalMs > 0) {
        rescheduleRecurring(rsc, task, intervalMs, node);
      } else if (xmlOp.get('op-restart-digest') !== undefined) {
        triggerUnfencing(rsc.cluster, rsc, node, 'Device parameters changed (reload)', undefined);
        scheduleReload(rsc, node);
      } else {
        forceRestart(rsc, task, intervalMs, node);
      }
      return true;
    default:
      return false;
  }
}

/** Pacemaker's pcmk__readable_interval: "10s", "1m30s", "0s". */
export function readableInterval(ms: number): string {
  if (ms === 0) return '0s';
  let s = '';
  let rest = ms;
  const units: [number, string][] = [
    [86_400_000, 'd'],
    [3_600_000, 'h'],
    [60_000, 'm'],
    [1000, 's'],
  ];
  for (const [size, unit] of units) {
    if (rest >= size) {
      s += `${Math.floor(rest / size)}${unit}`;
      rest %= size;
    }
  }
  if (rest > 0) s += `${rest}ms`;
  return s;
}

function processRscHistory(entry: XmlElement, rsc: Resource, node: Node, info: (msg: string) => void): void {
  if (rsc.orphan) {
    if (!isAnonClone(topResource(rsc))) scheduleCleanup(rsc, node, false);
    return;
  }
  if (!rsc.runningOn.includes(node)) {
    if (agentChanged(rsc, node, entry, false)) scheduleCleanup(rsc, node, false);
    return;
  }
  if (agentChanged(rsc, node, entry, true)) scheduleCleanup(rsc, node, false);
  const sorted = sortOpsByCallId(entry.elements('lrm_rsc_op'));
  const { start, stop } = calculateActiveOps(sorted);
  if (start < stop) return;
  for (let offset = 0; offset < sorted.length; offset++) {
    if (offset < start) continue;
    const op = sorted[offset]!;
    const task = op.get('operation') ?? '';
    const intervalMs = Number.parseInt(op.get('interval') ?? '0', 10) || 0;
    if (intervalMs > 0 && (rsc.maintenance || node.maintenance)) {
      scheduleCancel(rsc, op.get('call-id'), task, intervalMs, node);
    } else if (intervalMs > 0 || task === 'monitor' || task === 'start' || task === 'promote' || task === 'migrate_from') {
      if (bundleNeedsRemoteName(rsc)) {
        // the digest would be taken with the literal "#uname": checked after assignment
        rsc.cluster.paramChecks.push({ xml: op, rsc, node, check: 'active' });
      } else if (checkActionConfig(rsc, node, op, info) && getFailcount(node, rsc, { effective: true }).count !== 0) {
        clearFailcount(rsc, node, 'action definition changed');
      }
    }
  }
}

/** Resources by id and history name, in the order Pacemaker's pcmk__rscs_matching_id lists them. */
function matchingIndex(ws: WorkingSet): Map<string, Resource[]> {
  const index = new Map<string, Resource[]>();
  const add = (key: string, rsc: Resource) => {
    const list = index.get(key);
    if (list) list.unshift(rsc);
    else index.set(key, [rsc]);
  };
  const walk = (rsc: Resource) => {
    add(rsc.id, rsc);
    if (rsc.cloneName !== undefined && rsc.cloneName !== rsc.id) add(rsc.cloneName, rsc);
    for (const c of rsc.children) walk(c);
  };
  for (const r of ws.resources) walk(r);
  return index;
}

export function handleConfigChanges(ws: WorkingSet, info: (msg: string) => void): void {
  const status = ws.input.first('status');
  if (!status) return;
  let index: Map<string, Resource[]> | undefined;
  const states = new Map<string, XmlElement>();
  for (const s of status.elements('node_state')) {
    const uname = s.get('uname');
    if (uname !== undefined && !states.has(uname)) states.set(uname, s);
  }
  for (const node of ws.nodes) {
    if (!node.maintenance && !nodeUsable(node)) continue;
    const state = states.get(node.uname);
    if (!state) continue;
    for (const entry of lrmResources(state)) {
      if (entry.first() === undefined) continue;
      index ??= matchingIndex(ws);
      for (const rsc of index.get(entry.get('id') ?? '') ?? []) {
        if (rsc.variant === 'primitive') processRscHistory(entry, rsc, node, info);
      }
    }
  }
}

/**
 * The checks put off until resources are placed (Pacemaker's check_params, run from
 * schedule_resource_actions): those of "#uname" bundle connections, whose digests need the
 * container's host.
 */
export function runDeferredParamChecks(ws: WorkingSet, info: (msg: string) => void): void {
  for (const { xml, rsc, node, check } of ws.paramChecks) {
    let reason: string | undefined;
    if (check === 'active') {
      if (checkActionConfig(rsc, node, xml, info) && getFailcount(node, rsc, { effective: true }).count !== 0) reason = 'action definition changed';
    } else {
      const rc = compareDigests(rsc, xml, node).rc;
      if (rc !== 'unknown' && rc !== 'match') reason = 'resource parameters have changed';
    }
    if (reason !== undefined) clearFailcount(rsc, node, reason);
  }
  ws.paramChecks = [];
}
