// A resource's operation history on a node (Pacemaker's unpack_lrm_resource and unpack_rsc_op):
// from the recorded operations, in call order, work out the current role, whether it failed, what
// a failure demands (on-fail), which recurring monitors are active, and what has expired.

import { MINUS_INFINITY, XmlElement, type Score } from '@hacluster/cib';
import { Role, type RoleN } from '../model/role.js';
import { ActionFlag, OrderFlag } from '../model/flags.js';
import type { Node, OnFail, Resource, WorkingSet } from '../model/types.js';
import { customAction, orderActions, resourceActions, stopAction, demoteAction } from '../actions/action.js';
import { resourceLocation, allNodesTable } from '../constraints/resource-location.js';
import { opKey } from '../util/opkey.js';
import { eqCase } from '../util/strings.js';
import { clearFailcount } from '../actions/failcount-actions.js';
import { bundleNeedsRemoteName } from '../variants/bundle/remote-address.js';
import { compareDigests } from '../actions/digest.js';
import { fenceNode, fenceOp, canFence } from './fence.js';
import { addNode, findNode, isGuestNode, isGuestOrRemote, isRemoteNode, newNode } from './nodes.js';
import { cloneStrip, getFailcount, targetRcOf } from './failcounts.js';
import { historyEntry } from './history-index.js';
import { addRunning } from './running.js';
import { containsRemoteNode, findResource, targetRole, unpackResource } from './resources.js';
import { isAnonClone, isBundled, topResource } from './resource-helpers.js';
import { isNewerOp, sortOpsByCallId } from './op-order.js';
import { linkRemoteConnection } from './remote.js';

/** Operation status codes (Pacemaker's enum pcmk_exec_status). */
const Exec = {
  pending: -1,
  done: 0,
  cancelled: 1,
  timeout: 2,
  notSupported: 3,
  error: 4,
  errorHard: 5,
  errorFatal: 6,
  notInstalled: 7,
  notConnected: 8,
  invalid: 9,
  noFenceDevice: 10,
  noSecrets: 11,
} as const;

/** OCF exit codes used in history. */
const Ocf = {
  ok: 0,
  unknownError: 1,
  invalidParam: 2,
  unimplementFeature: 3,
  insufficientPriv: 4,
  notInstalled: 5,
  notConfigured: 6,
  notRunning: 7,
  runningPromoted: 8,
  failedPromoted: 9,
  degraded: 190,
  degradedPromoted: 191,
} as const;

function isDigits(v: string): boolean {
  if (v.length === 0) return false;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

function intAttr(el: XmlElement, name: string, fallback: number): number {
  const v = el.get(name);
  if (v === undefined) return fallback;
  if (isDigits(v)) return Number(v); // the usual plain number, without a regular expression
  const m = /^\s*([+-]?\d+)/.exec(v);
  return m ? Number(m[1]) : fallback;
}

function opKeyOf(xmlOp: XmlElement): string {
  return xmlOp.get('operation_key') ?? xmlOp.get('id') ?? '';
}

function isProbe(xmlOp: XmlElement): boolean {
  return xmlOp.get('operation') === 'monitor' && intAttr(xmlOp, 'interval', 0) === 0;
}

/** Pacemaker's pcmk_xe_mask_probe_failure: failed probes that only mean "not running here". */
function maskProbeFailure(xmlOp: XmlElement): boolean {
  if (!isProbe(xmlOp)) return false;
  const status = intAttr(xmlOp, 'op-status', 0);
  const rc = intAttr(xmlOp, 'rc-code', 0);
  return rc === Ocf.notInstalled || rc === Ocf.invalidParam || status === Exec.notInstalled;
}

/** Pacemaker's cmp_on_fail: how severe one failure response is compared to another. */
const ON_FAIL_RANK: Record<OnFail, number> = {
  ignore: 0,
  demote: 1,
  recover: 2,
  migrate: 3,
  block: 4,
  stop: 5,
  standby: 6,
  fence: 7,
  restart_container: 8,
  reset_remote: 9,
};

function cmpOnFail(first: OnFail, second: OnFail): number {
  switch (first) {
    case 'demote':
      if (second === 'ignore') return 1;
      if (second === 'demote') return 0;
      return -1;
    case 'reset_remote':
      if (second === 'ignore' || second === 'demote' || second === 'recover') return 1;
      if (second === 'reset_remote') return 0;
      return -1;
    case 'restart_container':
      if (second === 'ignore' || second === 'demote' || second === 'recover' || second === 'reset_remote') return 1;
      if (second === 'restart_container') return 0;
      return -1;
    default:
      break;
  }
  // Here `first` is none of demote, reset_remote and restart_container.
  switch (second) {
    case 'demote':
      return first === 'ignore' ? -1 : 1;
    case 'reset_remote':
    case 'restart_container':
      return first === 'ignore' || first === 'recover' ? -1 : 1;
    default:
      break;
  }
  return ON_FAIL_RANK[first] - ON_FAIL_RANK[second];
}

interface UnpackState {
  lastFailure: XmlElement | undefined;
  onFail: OnFail;
}

function setActive(rsc: Resource): void {
  rsc.role = topResource(rsc).promotable ? Role.unpromoted : Role.started;
}

/** Records a failed operation for the failed-actions list (once per key and node). */
function recordFailedOp(ws: WorkingSet, xmlOp: XmlElement, node: Node, rsc: Resource): void {
  if (!node.online) return;
  const key = xmlOp.get('operation_key');
  for (const f of ws.failed) {
    if (eqCase(f.xml.get('operation_key'), key) && eqCase(f.node, node.uname)) return;
  }
  ws.failed.push({ xml: xmlOp, node: node.uname, rscId: rsc.id });
}

function actionOnFail(rsc: Resource, key: string, task: string): { onFail: OnFail; failRole: RoleN } {
  const action = customAction(rsc, rsc.cluster, key, task, undefined, true, false);
  return { onFail: action.onFail, failRole: action.failRole };
}

function unpackRscOpFailure(ws: WorkingSet, rsc: Resource, node: Node, rc: number, xmlOp: XmlElement, st: UnpackState): void {
  const key = opKeyOf(xmlOp);
  const task = xmlOp.get('operation') ?? '';
  st.lastFailure = xmlOp;
  if (!(!ws.flags.symmetricCluster && rc === Ocf.notInstalled)) recordFailedOp(ws, xmlOp, node, rsc);
  const { onFail, failRole } = actionOnFail(rsc, key, task);
  if (cmpOnFail(st.onFail, onFail) < 0) st.onFail = onFail;
  if (task === 'stop') {
    resourceLocation(rsc, node, MINUS_INFINITY, '__stop_fail__');
  } else if (task === 'migrate_to') {
    unpackMigrateToFailure(ws, rsc, node, xmlOp);
  } else if (task === 'migrate_from') {
    unpackMigrateFromFailure(ws, rsc, node, xmlOp);
  } else if (task === 'promote') {
    rsc.role = Role.promoted;
  } else if (task === 'demote') {
    if (onFail === 'block') {
      rsc.role = Role.promoted;
      rsc.nextRole = Role.stopped;
    } else if (rc === Ocf.notRunning) {
      rsc.role = Role.stopped;
    } else {
      rsc.role = Role.unpromoted;
    }
  }
  if (isProbe(xmlOp) && rc === Ocf.notInstalled) {
    rsc.role = Role.stopped;
  } else if (rsc.role < Role.started) {
    setActive(rsc);
  }
  if (failRole !== Role.started && rsc.nextRole < failRole) rsc.nextRole = failRole;
  if (failRole === Role.stopped) {
    let failRsc = rsc;
    if (failRsc.parent) {
      const parent = topResource(failRsc);
      if (isAnonClone(parent)) failRsc = parent;
    }
    failRsc.allowedNodes = allNodesTable(ws.nodes, MINUS_INFINITY);
  }
}

function checkRecoverable(ws: WorkingSet, rsc: Resource, node: Node, task: string): void {
  if (task !== 'stop') return;
  if (canFence(ws, node)) return;
  rsc.managed = false;
  rsc.blocked = true;
}

function effectiveRc(rc: number): number {
  if (rc === Ocf.degraded) return Ocf.ok;
  if (rc === Ocf.degradedPromoted) return Ocf.runningPromoted;
  return rc;
}

function remapOperation(
  ws: WorkingSet,
  xmlOp: XmlElement,
  rsc: Resource,
  node: Node,
  st: UnpackState,
  targetRc: number,
  r: { rc: number; status: number },
  expired: boolean,
): void {
  let task = xmlOp.get('operation') ?? '';
  if (task === 'monitor') {
    const remapped = effectiveRc(r.rc);
    if (r.rc !== remapped) {
      if (!node.shutdown || node.online) recordFailedOp(ws, xmlOp, node, rsc);
      r.rc = remapped;
    }
  }
  if (!isBundled(rsc) && maskProbeFailure(xmlOp)) {
    r.status = Exec.done;
    r.rc = Ocf.notRunning;
  }
  if (r.status !== Exec.done && r.status !== Exec.error) return;
  r.status = Exec.done;
  const probe = isProbe(xmlOp);
  if (probe) task = 'probe';
  if (targetRc < 0) r.status = Exec.error;
  else if (targetRc !== r.rc) r.status = Exec.error;
  switch (r.rc) {
    case Ocf.ok:
      if (probe && targetRc === Ocf.notRunning) r.status = Exec.done;
      break;
    case Ocf.notRunning:
      if (probe || targetRc === r.rc || !rsc.managed) {
        r.status = Exec.done;
        rsc.role = Role.stopped;
        st.onFail = 'ignore';
        rsc.nextRole = Role.unknown;
      }
      break;
    case Ocf.runningPromoted:
      if (probe && r.rc !== targetRc) r.status = Exec.done;
      rsc.role = Role.promoted;
      break;
    case Ocf.degradedPromoted:
    case Ocf.failedPromoted:
      rsc.role = Role.promoted;
      r.status = Exec.error;
      break;
    case Ocf.notConfigured:
      r.status = Exec.errorFatal;
      break;
    case Ocf.unimplementFeature:
      if (intAttr(xmlOp, 'interval', 0) === 0) {
        // an expired failure no longer blocks the resource
        if (!expired) checkRecoverable(ws, rsc, node, task);
        r.status = Exec.errorHard;
      } else {
        r.status = Exec.notSupported;
      }
      break;
    case Ocf.notInstalled:
    case Ocf.invalidParam:
    case Ocf.insufficientPriv:
      if (!expired) checkRecoverable(ws, rsc, node, task);
      r.status = Exec.errorHard;
      break;
    default:
      if (r.status === Exec.done) r.status = Exec.error;
  }
}

function shouldClearForParamChange(rsc: Resource, node: Node, xmlOp: XmlElement, task: string): boolean {
  if (task === 'start' || task === 'monitor') {
    // a "#uname" bundle connection's address is known only once its container is placed
    if (bundleNeedsRemoteName(rsc)) {
      rsc.cluster.paramChecks.push({ xml: xmlOp, rsc, node, check: 'last_failure' });
      return false;
    }
    const digest = compareDigests(rsc, xmlOp, node);
    return digest.rc !== 'unknown' && digest.rc !== 'match';
  }
  return false;
}

function checkOperationExpiry(ws: WorkingSet, rsc: Resource, node: Node, rc: number, xmlOp: XmlElement): boolean {
  let expired = false;
  const isLastFailure = (xmlOp.get('id') ?? '').endsWith('_last_failure_0');
  const intervalMs = intAttr(xmlOp, 'interval', 0);
  const task = xmlOp.get('operation') ?? '';
  let unexpired = 0;
  const lastRunText = xmlOp.get('last-rc-change');
  if (rsc.failureTimeout > 0 && lastRunText !== undefined) {
    const lastRun = intAttr(xmlOp, 'last-rc-change', 0);
    const now = ws.now;
    if (now >= lastRun + rsc.failureTimeout && !shouldIgnoreFailureTimeout(ws, rsc, task, intervalMs)) expired = true;
    unexpired = getFailcount(node, rsc, { effective: true, xmlOp }).count;
  }
  let clearReason: string | undefined;
  if (expired) {
    if (getFailcount(node, rsc, { xmlOp }).count) {
      if (unexpired === 0) clearReason = 'it expired';
      else expired = false;
    } else if (isLastFailure && rsc.remoteReconnectMs) {
      clearReason = 'reconnect interval is set';
    }
  }
  if (!expired && isLastFailure && shouldClearForParamChange(rsc, node, xmlOp, task)) {
    clearReason = 'resource parameters have changed';
  }
  if (clearReason !== undefined) {
    const clear = clearFailcount(rsc, node, clearReason);
    // a connection cleared for its reconnect interval waits for any fencing of its node
    if (ws.flags.stonithEnabled && rsc.remoteReconnectMs !== 0) {
      const remoteNode = findNode(ws, rsc.id);
      if (remoteNode !== undefined) orderActions(fenceOp(ws, remoteNode, undefined, true, undefined, false), clear, OrderFlag.impliesThen);
    }
  }
  if (expired && intervalMs === 0 && task === 'monitor') {
    switch (rc) {
      case Ocf.ok:
      case Ocf.notRunning:
      case Ocf.runningPromoted:
      case Ocf.degraded:
      case Ocf.degradedPromoted:
        expired = false;
        break;
    }
  }
  return expired;
}

function shouldIgnoreFailureTimeout(ws: WorkingSet, rsc: Resource, task: string, intervalMs: number): boolean {
  if (rsc.remoteReconnectMs && ws.flags.stonithEnabled && intervalMs !== 0 && task === 'monitor') {
    const remote = findNode(ws, rsc.id);
    if (remote && !remote.remoteWasFenced) return true;
  }
  return false;
}

function updateResourceState(ws: WorkingSet, rsc: Resource, node: Node, xmlOp: XmlElement, task: string, rc: number, st: UnpackState): void {
  let clearPastFailure = false;
  if (rc === Ocf.notInstalled || (!isBundled(rsc) && maskProbeFailure(xmlOp))) {
    rsc.role = Role.stopped;
  } else if (rc === Ocf.notRunning) {
    clearPastFailure = true;
  } else if (task === 'monitor') {
    if (st.lastFailure && eqCase(opKeyOf(xmlOp), opKeyOf(st.lastFailure))) clearPastFailure = true;
    if (rsc.role < Role.started) setActive(rsc);
  } else if (task === 'start') {
    rsc.role = Role.started;
    clearPastFailure = true;
  } else if (task === 'stop') {
    rsc.role = Role.stopped;
    clearPastFailure = true;
  } else if (task === 'promote') {
    rsc.role = Role.promoted;
    clearPastFailure = true;
  } else if (task === 'demote') {
    if (st.onFail === 'demote') clearPastFailure = true;
    rsc.role = Role.unpromoted;
  } else if (task === 'migrate_from') {
    rsc.role = Role.started;
    clearPastFailure = true;
  } else if (task === 'migrate_to') {
    unpackMigrateToSuccess(ws, rsc, node, xmlOp);
  } else if (rsc.role < Role.started) {
    setActive(rsc);
  }
  if (clearPastFailure) {
    switch (st.onFail) {
      case 'stop':
      case 'fence':
      case 'migrate':
      case 'standby':
        break;
      case 'block':
      case 'ignore':
      case 'demote':
      case 'recover':
      case 'restart_container':
        st.onFail = 'ignore';
        rsc.nextRole = Role.unknown;
        break;
      case 'reset_remote':
        if (rsc.remoteReconnectMs === 0) {
          st.onFail = 'ignore';
          rsc.nextRole = Role.unknown;
        }
        break;
    }
  }
}

/** One history entry (Pacemaker's unpack_rsc_op). */
function unpackRscOp(ws: WorkingSet, rsc: Resource, node: Node, xmlOp: XmlElement, st: UnpackState): void {
  const task = xmlOp.get('operation');
  if (task === undefined) return;
  const targetRc = targetRcOf(xmlOp);
  const taskKey = opKeyOf(xmlOp);
  const r = { rc: intAttr(xmlOp, 'rc-code', 0), status: intAttr(xmlOp, 'op-status', -2) };
  const intervalMs = intAttr(xmlOp, 'interval', 0);
  if (r.status < Exec.pending || r.status > Exec.noSecrets) return;
  if (task === 'notify' || task === 'meta-data') return;
  let parent = rsc;
  if (!rsc.unique) parent = topResource(rsc);
  let expired = false;
  if (r.status !== Exec.notInstalled && checkOperationExpiry(ws, rsc, node, r.rc, xmlOp)) expired = true;
  const oldRc = r.rc;
  const oldTargetRc = targetRc;
  remapOperation(ws, xmlOp, rsc, node, st, targetRc, r, expired);
  const maskable = !isBundled(rsc) && maskProbeFailure(xmlOp);
  if (expired && maskable && oldRc !== oldTargetRc) {
    if (rsc.role <= Role.stopped) rsc.role = Role.unknown;
    return;
  } else if (expired && r.rc !== targetRc) {
    if (intervalMs === 0) return;
    if (node.online && !node.unclean) {
      xmlOp.set('op-restart-digest', 'calculated-failure-timeout');
      return;
    }
  }
  if (maskable) {
    updateResourceState(ws, rsc, node, xmlOp, task, targetRc, st);
    recordFailedOp(ws, xmlOp, node, rsc);
    resourceLocation(parent, node, MINUS_INFINITY, 'masked-probe-failure');
    return;
  }
  switch (r.status) {
    case Exec.cancelled:
      return;
    case Exec.pending:
      // A recurring monitor's failure is recorded only in the last-failure entry: when that entry
      // is this very monitor's later result, the monitor is no longer pending
      if (st.lastFailure !== undefined && opKeyOf(st.lastFailure) === taskKey && intAttr(st.lastFailure, 'last-rc-change', -1) > intAttr(xmlOp, 'last-rc-change', -1)) return;
      if (task === 'start') {
        rsc.startPending = true;
        setActive(rsc);
      } else if (task === 'promote') {
        rsc.role = Role.promoted;
      } else if (task === 'migrate_to' && node.unclean) {
        const target = findNode(ws, xmlOp.get('migrate_target'));
        if (target) stopAction(rsc, target, false);
      }
      if (rsc.pendingTask === undefined) {
        if (intervalMs !== 0 || task !== 'monitor') {
          rsc.pendingTask = task;
          rsc.pendingNode = node;
        }
      }
      return;
    case Exec.done:
      updateResourceState(ws, rsc, node, xmlOp, task, r.rc, st);
      return;
    case Exec.notInstalled: {
      const failure = actionOnFail(rsc, taskKey, task).onFail;
      if (failure === 'ignore') st.onFail = 'migrate';
      resourceLocation(parent, node, MINUS_INFINITY, 'hard-error');
      unpackRscOpFailure(ws, rsc, node, r.rc, xmlOp, st);
      return;
    }
    case Exec.notConnected:
      if (isGuestOrRemote(node) && node.remoteRsc?.managed) {
        node.remoteRsc.failed = true;
        node.remoteRsc.stopNeeded = true;
      }
      break;
    case Exec.noFenceDevice:
    case Exec.noSecrets:
      r.status = Exec.errorHard;
      break;
    default:
      break;
  }
  const failure = actionOnFail(rsc, taskKey, task).onFail;
  if (failure === 'ignore' || (failure === 'restart_container' && task === 'stop')) {
    updateResourceState(ws, rsc, node, xmlOp, task, targetRc, st);
    xmlOp.set('uname', node.uname);
    rsc.failureIgnored = true;
    recordFailedOp(ws, xmlOp, node, rsc);
    if (failure === 'restart_container' && cmpOnFail(st.onFail, 'recover') <= 0) st.onFail = failure;
  } else {
    unpackRscOpFailure(ws, rsc, node, r.rc, xmlOp, st);
    if (r.status === Exec.errorHard) {
      resourceLocation(parent, node, MINUS_INFINITY, 'hard-error');
    } else if (r.status === Exec.errorFatal) {
      resourceLocation(parent, undefined, MINUS_INFINITY, 'fatal-error');
    }
  }
}

/** Pacemaker's calculate_active_ops: where the last start and the last successful stop are. */
export function calculateActiveOps(sorted: readonly XmlElement[]): { start: number; stop: number } {
  let stop = -1;
  let start = -1;
  let impliedMonitorStart = -1;
  let impliedCloneStart = -1;
  for (let counter = 0; counter < sorted.length; counter++) {
    const op = sorted[counter]!;
    const task = op.get('operation');
    const status = op.get('op-status');
    if (task === 'stop' && status === '0') {
      stop = counter;
    } else if (task === 'start' || task === 'migrate_from') {
      start = counter;
    } else if (impliedMonitorStart <= stop && task === 'monitor') {
      const rc = op.get('rc-code');
      if (rc === '0' || rc === '8') impliedMonitorStart = counter;
    } else if (task === 'promote' || task === 'demote') {
      impliedCloneStart = counter;
    }
  }
  if (start === -1) {
    if (impliedCloneStart !== -1) start = impliedCloneStart;
    else if (impliedMonitorStart !== -1) start = impliedMonitorStart;
  }
  return { start, stop };
}

/** Recurring monitors recorded since the last start become (optional) actions. */
function processRecurring(ws: WorkingSet, node: Node, rsc: Resource, start: number, stop: number, sorted: readonly XmlElement[]): void {
  for (let counter = 0; counter < sorted.length; counter++) {
    const op = sorted[counter]!;
    if (!node.online) break;
    if (start < stop && counter <= stop) continue;
    if (counter < start) continue;
    const intervalMs = intAttr(op, 'interval', 0);
    if (intervalMs === 0) continue;
    if (op.get('op-status') === '-1') continue;
    const task = op.get('operation') ?? '';
    customAction(rsc, ws, opKey(rsc.id, task, intervalMs), task, node, true, true);
  }
}

function processRscState(ws: WorkingSet, rsc: Resource, node: Node, onFailIn: OnFail): void {
  let onFail = onFailIn;
  if (rsc.role !== Role.unknown) {
    for (let iter: Resource | undefined = rsc; iter !== undefined; iter = iter.parent) {
      if (!iter.knownOn.has(node.id)) iter.knownOn.set(node.id, node);
      if (iter.unique) break;
    }
  }
  if (rsc.role > Role.stopped && !node.online && !node.maintenance && rsc.managed) {
    let shouldFence = false;
    let reason: string | undefined;
    if (isGuestNode(node)) {
      rsc.failed = true;
      rsc.stopNeeded = true;
      shouldFence = true;
    } else if (ws.flags.stonithEnabled) {
      if (isRemoteNode(node) && node.remoteRsc && !node.remoteRsc.failed) {
        node.unseen = true;
        reason = `${rsc.id} is active there (fencing will be revoked if remote connection can be re-established elsewhere)`;
      }
      shouldFence = true;
    }
    if (shouldFence) fenceNode(ws, node, reason ?? `${rsc.id} is thought to be active there`, false);
  }
  const saveOnFail = onFail;
  if (node.unclean) onFail = 'ignore';
  switch (onFail) {
    case 'ignore':
      break;
    case 'demote':
      rsc.failed = true;
      demoteAction(rsc, node, false);
      break;
    case 'fence':
      fenceNode(ws, node, `${rsc.id} failed there`, false);
      break;
    case 'standby':
      node.standby = true;
      node.standbyOnFail = true;
      break;
    case 'block':
      rsc.managed = false;
      rsc.blocked = true;
      break;
    case 'migrate':
      resourceLocation(rsc, node, MINUS_INFINITY, '__action_migration_auto__');
      break;
    case 'stop':
      rsc.nextRole = Role.stopped;
      break;
    case 'recover':
      if (rsc.role !== Role.stopped && rsc.role !== Role.unknown) {
        rsc.failed = true;
        rsc.stopNeeded = true;
        stopAction(rsc, node, false);
      }
      break;
    case 'restart_container':
      rsc.failed = true;
      rsc.stopNeeded = true;
      if (rsc.container && isBundled(rsc)) ws.stopNeeded.push(rsc.container);
      else if (rsc.container) stopAction(rsc.container, node, false);
      else if (rsc.role !== Role.stopped && rsc.role !== Role.unknown) stopAction(rsc, node, false);
      break;
    case 'reset_remote':
      rsc.failed = true;
      rsc.stopNeeded = true;
      if (ws.flags.stonithEnabled) {
        const tmp = rsc.isRemoteNode ? findNode(ws, rsc.id) : undefined;
        if (tmp && isRemoteNode(tmp) && !tmp.remoteWasFenced) fenceNode(ws, tmp, 'remote connection is unrecoverable', false);
      }
      if (rsc.role > Role.stopped) stopAction(rsc, node, false);
      if (rsc.remoteReconnectMs) rsc.nextRole = Role.stopped;
      break;
  }
  if (rsc.failed && rsc.isRemoteNode) {
    const tmp = findNode(ws, rsc.id);
    if (tmp && tmp.unclean) tmp.unseen = false;
  }
  if (rsc.role !== Role.stopped && rsc.role !== Role.unknown) {
    addRunning(ws, rsc, node, saveOnFail !== 'ignore');
    switch (onFail) {
      case 'ignore':
        break;
      case 'demote':
      case 'block':
        rsc.failed = true;
        break;
      default:
        rsc.failed = true;
        rsc.stopNeeded = true;
    }
  } else if (rsc.cloneName !== undefined && rsc.cloneName.includes(':')) {
    rsc.cloneName = undefined;
  } else {
    for (const stop of resourceActions(rsc, node, 'stop', false)) stop.flags |= ActionFlag.optional;
  }
  if (
    rsc.role === Role.stopped &&
    rsc.partialMigrationSource === node &&
    rsc.partialMigrationTarget !== undefined &&
    rsc.runningOn.length > 0
  ) {
    rsc.role = Role.started;
  }
}

/** A resource that is in the history but no longer configured (Pacemaker's process_orphan_resource). */
function orphanResource(ws: WorkingSet, entry: XmlElement): Resource | undefined {
  const rsc = createFakeResource(ws, entry);
  if (!rsc) return undefined;
  if (!ws.flags.stopRscOrphans) rsc.managed = false;
  else resourceLocation(rsc, undefined, MINUS_INFINITY, '__orphan_do_not_run__');
  return rsc;
}

function createFakeResource(ws: WorkingSet, entry: XmlElement): Resource | undefined {
  const id = entry.get('id')!;
  const xml = new XmlElement('primitive', []);
  const a = entry.attrs;
  for (let i = 0; i < a.length; i += 2) xml.set(a[i]!, a[i + 1]!);
  xml.set('id', id);
  const rsc = unpackResource(ws, xml, undefined);
  if (!rsc) return undefined;
  if (containsRemoteNode(xml)) {
    let node = findNode(ws, id);
    if (!node) {
      node = newNode(id, id, 'remote', 0 as Score);
      addNode(ws, node);
      ws.flags.haveRemoteNodes = true;
    }
    linkRemoteConnection(ws, rsc);
    node.shutdown = true;
  }
  if (entry.get('container') !== undefined) rsc.orphanContainerFiller = true;
  rsc.orphan = true;
  ws.resources.push(rsc);
  return rsc;
}

/** The resource a history entry belongs to (Pacemaker's unpack_find_resource). */
function findHistoryResource(ws: WorkingSet, node: Node, rscId: string): Resource | undefined {
  let rsc = findResource(ws, rscId);
  let parent: Resource | undefined;
  if (rsc === undefined) {
    const clone0 = findResource(ws, `${cloneStrip(rscId)}:0`);
    if (clone0 && !clone0.unique) {
      rsc = clone0;
      parent = topResource(clone0);
    }
  } else if (rsc.variant !== 'primitive') {
    return undefined;
  } else {
    parent = topResource(rsc);
  }
  if (parent && isAnonClone(parent)) {
    rsc = parent.methods.findAnonymousInstance?.(parent, node, cloneStrip(rscId));
  }
  if (rsc && !eqCase(rscId, rsc.id) && !eqCase(rscId, rsc.cloneName)) rsc.cloneName = rscId;
  return rsc;
}

/** One <lrm_resource>: the history of one resource on one node (Pacemaker's unpack_lrm_resource). */
export function unpackLrmResource(ws: WorkingSet, node: Node, entry: XmlElement): Resource | undefined {
  const rscId = entry.get('id');
  if (rscId === undefined) return undefined;
  const ops = entry.elements('lrm_rsc_op');
  if (!ws.flags.shutdownLock && ops.length === 0) return undefined;
  let rsc = findHistoryResource(ws, node, rscId);
  if (rsc === undefined) {
    if (ops.length === 0) return undefined;
    rsc = orphanResource(ws, entry);
    if (rsc === undefined) return undefined;
  }
  if (ws.flags.shutdownLock) unpackShutdownLock(ws, entry, rsc, node);
  const savedRole = rsc.role;
  rsc.role = Role.unknown;
  const sorted = sortOpsByCallId(ops);
  const st: UnpackState = { lastFailure: undefined, onFail: 'ignore' };
  for (const op of sorted) unpackRscOp(ws, rsc, node, op, st);
  const { start, stop } = calculateActiveOps(sorted);
  processRecurring(ws, node, rsc, start, stop, sorted);
  processRscState(ws, rsc, node, st.onFail);
  const req = targetRole(rsc);
  if (req !== undefined && (rsc.nextRole === Role.unknown || req < rsc.nextRole)) rsc.nextRole = req;
  if (savedRole > rsc.role) rsc.role = savedRole;
  return rsc;
}

function unpackShutdownLock(ws: WorkingSet, entry: XmlElement, rsc: Resource, node: Node): void {
  const lockTime = intAttr(entry, 'shutdown-lock', 0);
  if (lockTime === 0) return;
  if (ws.shutdownLockLimit > 0 && ws.now > lockTime + ws.shutdownLockLimit) {
    customAction(rsc, ws, opKey(rsc.id, 'lrm_delete'), 'lrm_delete', node, false);
  } else {
    rsc.lockNode = node;
    rsc.lockTime = lockTime;
  }
}

// ---- migration history ----------------------------------------------------------------------

function findLrmOp(ws: WorkingSet, rscId: string, op: string, nodeName: string, source: string | undefined, targetRc: number): XmlElement | undefined {
  const entry = historyEntry(ws, nodeName, rscId);
  if (!entry) return undefined;
  let found: XmlElement | undefined;
  for (const x of entry.elements('lrm_rsc_op')) {
    if (x.get('operation') !== op) continue;
    if (source !== undefined && op === 'migrate_to' && x.get('migrate_target') !== source) continue;
    if (source !== undefined && op === 'migrate_from' && x.get('migrate_source') !== source) continue;
    found = x;
    break;
  }
  if (found && targetRc >= 0) {
    const rc = intAttr(found, 'rc-code', Ocf.unknownError);
    const status = intAttr(found, 'op-status', Exec.error);
    if (rc !== targetRc || status !== Exec.done) return undefined;
  }
  return found;
}

function unknownOnNode(ws: WorkingSet, rscId: string, nodeName: string): boolean {
  const entry = historyEntry(ws, nodeName, rscId);
  return entry === undefined || entry.first('lrm_rsc_op') === undefined;
}

function monitorNotRunningAfter(ws: WorkingSet, rscId: string, nodeName: string, xmlOp: XmlElement, sameNode: boolean): boolean {
  const monitor = findLrmOp(ws, rscId, 'monitor', nodeName, undefined, Ocf.notRunning);
  return monitor !== undefined && isNewerOp(monitor, xmlOp, sameNode) > 0;
}

function nonMonitorAfter(ws: WorkingSet, rscId: string, nodeName: string, xmlOp: XmlElement, sameNode: boolean): boolean {
  const entry = historyEntry(ws, nodeName, rscId);
  if (!entry) return false;
  for (const op of entry.elements('lrm_rsc_op')) {
    if (op === xmlOp) continue;
    const task = op.get('operation');
    if ((task === 'start' || task === 'stop' || task === 'migrate_to' || task === 'migrate_from') && isNewerOp(op, xmlOp, sameNode) > 0) {
      return true;
    }
  }
  return false;
}

function newerStateAfterMigrate(ws: WorkingSet, rscId: string, nodeName: string, migrateTo: XmlElement | undefined, migrateFrom: XmlElement | undefined): boolean {
  let xmlOp = migrateFrom ?? migrateTo!;
  const source = xmlOp.get('migrate_source');
  const target = xmlOp.get('migrate_target');
  let sameNode = false;
  if (eqCase(nodeName, target)) {
    if (migrateFrom) {
      xmlOp = migrateFrom;
      sameNode = true;
    } else {
      xmlOp = migrateTo!;
    }
  } else if (eqCase(nodeName, source)) {
    if (migrateTo) {
      xmlOp = migrateTo;
      sameNode = true;
    } else {
      xmlOp = migrateFrom!;
    }
  }
  return nonMonitorAfter(ws, rscId, nodeName, xmlOp, sameNode) || monitorNotRunningAfter(ws, rscId, nodeName, xmlOp, sameNode);
}

function unpackMigrateToSuccess(ws: WorkingSet, rsc: Resource, node: Node, xmlOp: XmlElement): void {
  const source = xmlOp.get('migrate_source');
  const target = xmlOp.get('migrate_target');
  if (source === undefined || target === undefined || source !== node.uname) return;
  const sourceNewerOp = nonMonitorAfter(ws, rsc.id, source, xmlOp, true);
  const migrateFrom = findLrmOp(ws, rsc.id, 'migrate_from', target, source, -1);
  if (sourceNewerOp && migrateFrom) return;
  const targetNewerState = newerStateAfterMigrate(ws, rsc.id, target, xmlOp, migrateFrom);
  if (sourceNewerOp && targetNewerState) return;
  rsc.role = Role.started;
  const targetNode = findNode(ws, target);
  const sourceNode = findNode(ws, source);
  let fromRc = 0;
  let fromStatus = 0;
  if (migrateFrom) {
    fromRc = intAttr(migrateFrom, 'rc-code', 0);
    fromStatus = intAttr(migrateFrom, 'op-status', 0);
  }
  if (migrateFrom && fromRc === Ocf.ok && fromStatus === Exec.done) {
    rsc.role = Role.stopped;
    rsc.danglingMigrations.unshift(node);
  } else if (migrateFrom && fromStatus !== Exec.pending) {
    if (!targetNewerState && targetNode && targetNode.online) {
      addRunning(ws, rsc, targetNode, true);
    } else {
      rsc.failed = true;
      rsc.stopNeeded = true;
      rsc.allowMigrate = false;
    }
  } else {
    // the migrate_from is pending, erased or still to come: with no history at all on an online
    // target, it was probably cleaned, and a probe there will tell
    if (targetNode && targetNode.online && unknownOnNode(ws, rsc.id, target)) return;
    if (!targetNewerState && targetNode && targetNode.online) {
      addRunning(ws, rsc, targetNode, false);
      if (sourceNode && sourceNode.online) {
        rsc.partialMigrationTarget = targetNode;
        rsc.partialMigrationSource = sourceNode;
      }
    } else if (!sourceNewerOp) {
      rsc.failed = true;
      rsc.stopNeeded = true;
      rsc.allowMigrate = false;
    }
  }
}

function unpackMigrateToFailure(ws: WorkingSet, rsc: Resource, node: Node, xmlOp: XmlElement): void {
  const source = xmlOp.get('migrate_source');
  const target = xmlOp.get('migrate_target');
  if (source === undefined || target === undefined || source !== node.uname) return;
  rsc.role = Role.started;
  const targetMigrateFrom = findLrmOp(ws, rsc.id, 'migrate_from', target, source, Ocf.ok);
  if (!unknownOnNode(ws, rsc.id, target) && !newerStateAfterMigrate(ws, rsc.id, target, xmlOp, targetMigrateFrom)) {
    const targetNode = findNode(ws, target);
    if (targetNode && targetNode.online) addRunning(ws, rsc, targetNode, false);
  } else if (!nonMonitorAfter(ws, rsc.id, source, xmlOp, true)) {
    rsc.danglingMigrations.unshift(node);
  }
}

function unpackMigrateFromFailure(ws: WorkingSet, rsc: Resource, node: Node, xmlOp: XmlElement): void {
  const source = xmlOp.get('migrate_source');
  const target = xmlOp.get('migrate_target');
  if (source === undefined || target === undefined || target !== node.uname) return;
  rsc.role = Role.started;
  const sourceMigrateTo = findLrmOp(ws, rsc.id, 'migrate_to', source, target, Ocf.ok);
  if (!unknownOnNode(ws, rsc.id, source) && !newerStateAfterMigrate(ws, rsc.id, source, sourceMigrateTo, xmlOp)) {
    const sourceNode = findNode(ws, source);
    if (sourceNode && sourceNode.online) addRunning(ws, rsc, sourceNode, true);
  }
}
