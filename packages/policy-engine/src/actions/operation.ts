// What an action inherits from its configuration (Pacemaker's unpack_operation): meta-attributes
// from op_defaults and the <op>, the timeout, what a start needs (quorum, fencing), what a failure
// leads to (on-fail) and the role after a failure.

import { parseIsoDateTime, type XmlElement } from '@hacluster/cib';
import { getMsec, parseIntervalSpec } from '../util/interval.js';
import type { Action, OnFail, OpConfig, Resource } from '../model/types.js';
import { Role, parseRoleN } from '../model/role.js';
import { unpackNvpairs } from '../util/nvpairs.js';
import { eqCase, toBoolean } from '../util/strings.js';
import { resourceParams } from '../unpack/params.js';
import { deleteActionMeta, giveOwnMeta, setActionMeta, shareActionMeta } from './action-meta.js';
import { isRemoteConnection } from '../unpack/resource-helpers.js';

const DEFAULT_TIMEOUT_MS = 20_000;

export { getMsec };

/** Whether the <op> is disabled (enabled="false"). */
export function opDisabled(op: XmlElement): boolean {
  return toBoolean(op.get('enabled')) === false;
}

/**
 * The <op> configured for an operation key (Pacemaker's find_rsc_op_entry). Migrate and notify
 * keys fall back to the generic "migrate" / "notify" op.
 */
export function findOpEntry(rsc: Resource, key: string, includeDisabled: boolean): XmlElement | undefined {
  let search = key;
  for (let attempt = 0; attempt < 2; attempt++) {
    for (const op of rsc.ops) {
      if (!includeDisabled && opDisabled(op)) continue;
      const name = op.get('name') ?? '';
      const interval = parseIntervalSpec(op.get('interval'));
      let matched = eqCase(search, `${rsc.id}_${name}_${interval}`);
      if (!matched && rsc.cloneName !== undefined) matched = eqCase(search, `${rsc.cloneName}_${name}_${interval}`);
      if (matched) return op;
    }
    if (key.includes('migrate')) search = `${rsc.id}_migrate_0`;
    else if (key.includes('_notify_')) search = `${rsc.id}_notify_0`;
    else return undefined;
  }
  return undefined;
}

function minIntervalMonitor(rsc: Resource): XmlElement | undefined {
  let best: XmlElement | undefined;
  let min = Number.MAX_SAFE_INTEGER;
  for (const op of rsc.ops) {
    if (opDisabled(op)) continue;
    if (!eqCase(op.get('name'), 'monitor')) continue;
    const interval = parseIntervalSpec(op.get('interval'));
    if (interval && interval < min) {
      min = interval;
      best = op;
    }
  }
  return best;
}

function validStopOnFail(value: string | undefined): boolean {
  const v = value?.toLowerCase();
  return v !== 'standby' && v !== 'demote' && v !== 'stop';
}

function onFailValue(action: Action): string | undefined {
  const rsc = action.rsc!;
  let value = action.meta.get('on-fail');
  if (eqCase(action.task, 'stop') && !validStopOnFail(value)) {
    // not allowed for stops: dropped (and not passed on to the graph)
    deleteActionMeta(action, 'on-fail');
    return undefined;
  } else if (eqCase(action.task, 'demote') && value === undefined) {
    for (const op of rsc.ops) {
      const onFail = op.get('on-fail');
      if (onFail === undefined) continue;
      if (opDisabled(op)) continue;
      const role = op.get('role');
      if (!eqCase(op.get('name'), 'monitor') || !(eqCase(role, 'Promoted') || eqCase(role, 'Master'))) continue;
      if (parseIntervalSpec(op.get('interval')) === 0) continue;
      if (eqCase(onFail, 'demote')) continue;
      value = onFail;
      break;
    }
  } else if (eqCase(action.task, 'lrm_delete')) {
    // deleting history cannot fail in a way worth recovering from; the graph says so
    value = 'ignore';
    setActionMeta(action, 'on-fail', value);
  } else if (eqCase(value, 'demote')) {
    const entry = action.opConfig?.entry;
    const name = entry?.get('name');
    const role = entry?.get('role');
    const interval = parseIntervalSpec(entry?.get('interval'));
    if (!eqCase(name, 'promote') && (!eqCase(name, 'monitor') || !(eqCase(role, 'Promoted') || eqCase(role, 'Master')) || interval === 0)) {
      deleteActionMeta(action, 'on-fail');
      return undefined;
    }
  }
  return value;
}

function applyOnFail(action: Action, intervalMs: number): void {
  const rsc = action.rsc!;
  const ws = rsc.cluster;
  const container = rsc.container;
  let value = onFailValue(action);
  let set: OnFail | undefined;
  switch (value?.toLowerCase()) {
    case undefined:
      break;
    case 'block':
      set = 'block';
      setActionMeta(action, 'on-fail', 'block');
      break;
    case 'fence':
      set = 'fence';
      if (!ws.flags.stonithEnabled) {
        set = 'stop';
        action.failRole = Role.stopped;
      }
      break;
    case 'standby':
      set = 'standby';
      break;
    case 'ignore':
    case 'nothing':
      set = 'ignore';
      break;
    case 'migrate':
      set = 'migrate';
      break;
    case 'stop':
      set = 'stop';
      action.failRole = Role.stopped;
      break;
    case 'restart':
      set = 'recover';
      break;
    case 'restart-container':
      if (container) set = 'restart_container';
      else value = undefined;
      break;
    case 'demote':
      set = 'demote';
      break;
    default:
      value = undefined;
  }
  if (set !== undefined) {
    action.onFail = set;
    return;
  }
  if (container) {
    action.onFail = 'restart_container';
  } else if (
    (value === undefined || !rsc.managed) &&
    isRemoteConnection(rsc) &&
    !(eqCase(action.task, 'monitor') && intervalMs === 0) &&
    !eqCase(action.task, 'start')
  ) {
    if (!rsc.managed) {
      action.onFail = 'stop';
      action.failRole = Role.stopped;
    } else {
      if (rsc.remoteReconnectMs) action.failRole = Role.stopped;
      action.onFail = 'reset_remote';
    }
  } else if (value === undefined && eqCase(action.task, 'stop')) {
    action.onFail = ws.flags.stonithEnabled ? 'fence' : 'block';
  } else if (value === undefined) {
    action.onFail = 'recover';
  }
}

/**
 * The <op> entry and configured meta-attributes of an operation (op_defaults, then the probe
 * timeout from the shortest monitor, then the <op>), read once per resource and key.
 */
export function opConfig(rsc: Resource, key: string, task: string, intervalMs: number): OpConfig {
  let byTask = rsc.opConfigCache.get(key);
  let cached = byTask?.get(task);
  if (cached !== undefined) return cached;
  const ws = rsc.cluster;
  const entry = findOpEntry(rsc, key, true);
  const meta = new Map<string, string>();
  const ctx = {
    now: { epoch: ws.now, offset: ws.nowOffset },
    resourceAgent: { class: rsc.xml.get('class'), provider: rsc.xml.get('provider'), type: rsc.xml.get('type') },
    operation: { name: task, intervalMs },
  };
  unpackNvpairs(ws.opDefaults, 'meta_attributes', ctx, meta, ws.idIndex);
  if (task === 'monitor' && intervalMs === 0) {
    const t = minIntervalMonitor(rsc)?.get('timeout');
    if (t !== undefined) meta.set('timeout', t);
  }
  if (entry) {
    unpackNvpairs(entry, 'meta_attributes', ctx, meta, ws.idIndex, { overwrite: true });
    const a = entry.attrs;
    for (let i = 0; i < a.length; i += 2) meta.set(a[i]!, a[i + 1]!);
  }
  meta.delete('id');
  if (intervalMs > 0) meta.set('interval', String(intervalMs));
  else meta.delete('interval');
  cached = { entry, meta };
  if (byTask === undefined) {
    byTask = new Map();
    rsc.opConfigCache.set(key, byTask);
  }
  byTask.set(task, cached);
  return cached;
}

/**
 * Fills in a new action's meta-attributes, timeout, needs and failure handling. Only a fencing
 * device's start and probe depend on the action's node (its pcmk_monitor_timeout); every other
 * action takes what the first action of its configuration was given, unless a resource flag that
 * decides it has changed since.
 */
export function unpackOperation(action: Action, intervalMs: number, config: OpConfig): void {
  const rsc = action.rsc!;
  const isProbe = action.task === 'monitor' && intervalMs === 0;
  if (rsc.fenceDevice && (eqCase(action.task, 'start') || isProbe)) {
    unpackOperationAnew(action, intervalMs, config);
    return;
  }
  const known = config.unpacked;
  if (known !== undefined && known.managed === rsc.managed && known.needsFencing === rsc.needsFencing && known.needsQuorum === rsc.needsQuorum) {
    shareActionMeta(action, known.meta);
    action.needs = known.needs;
    action.onFail = known.onFail;
    action.failRole = known.failRole;
    return;
  }
  unpackOperationAnew(action, intervalMs, config);
  config.unpacked = {
    meta: action.meta,
    needs: action.needs,
    onFail: action.onFail,
    failRole: action.failRole,
    managed: rsc.managed,
    needsFencing: rsc.needsFencing,
    needsQuorum: rsc.needsQuorum,
  };
  shareActionMeta(action, action.meta);
}

function unpackOperationAnew(action: Action, intervalMs: number, config: OpConfig): void {
  const rsc = action.rsc!;
  const ws = rsc.cluster;
  const entry = config.entry;
  const isProbe = action.task === 'monitor' && intervalMs === 0;
  giveOwnMeta(action);
  for (const [k, v] of config.meta) setActionMeta(action, k, v);

  if (rsc.fenceDevice && (eqCase(action.task, 'start') || isProbe)) {
    const t = resourceParams(rsc, action.node).get('pcmk_monitor_timeout');
    if (t !== undefined) setActionMeta(action, 'timeout', t);
  }
  let timeout = getMsec(action.meta.get('timeout'));
  if (timeout < 0) timeout = DEFAULT_TIMEOUT_MS;
  setActionMeta(action, 'timeout', String(timeout));

  if (!eqCase(action.task, 'start') && !eqCase(action.task, 'promote')) action.needs = 'nothing';
  else if (rsc.needsFencing) action.needs = 'fencing';
  else if (rsc.needsQuorum) action.needs = 'quorum';
  else action.needs = 'nothing';

  applyOnFail(action, intervalMs);

  const roleAfter = entry ? action.meta.get('role_after_failure') : undefined;
  if (roleAfter !== undefined && action.failRole === Role.unknown) action.failRole = parseRoleN(roleAfter);
  if (action.failRole === Role.unknown) {
    action.failRole = eqCase(action.task, 'promote') ? Role.unpromoted : Role.started;
  }

  const startDelay = action.meta.get('start-delay');
  if (startDelay !== undefined) {
    const ms = Math.max(0, getMsec(startDelay));
    setActionMeta(action, 'start-delay', String(ms));
  } else {
    const origin = action.meta.get('interval-origin');
    if (origin !== undefined && intervalMs > 0) {
      const o = parseIsoDateTime(origin);
      if (o) {
        const intervalS = Math.floor(intervalMs / 1000);
        let result = (ws.now - o.epoch) % intervalS;
        result = (result <= 0 ? 0 : intervalS) - result;
        setActionMeta(action, 'start-delay', String(result * 1000));
      }
    }
  }
}
