// Operations of a primitive (<operations><op …/>). Creating a resource merges the operations
// the user gave with the agent's defaults; the older `op add`/`op remove` commands edit them
// one at a time.

import { XmlElement } from '@hacluster/cib';
import type { PcsAgentAction, PcsAgentMetadata } from '../../agents/metadata.js';
import { timeoutToSeconds } from '../../pacemaker/values.js';
import { deprecation, error, warning, type ReportItem, type SeverityFor } from '../../reports/item.js';
import * as v from '../../validate.js';
import { appendNewNvset, INSTANCE } from '../nvpair.js';
import { append, type IdProvider, subelementId } from '../tools.js';

export const OPERATION_ATTRIBUTES = [
  'id', 'description', 'enabled', 'interval', 'interval-origin', 'name', 'on-fail', 'record-pending', 'role',
  'start-delay', 'timeout', 'OCF_CHECK_LEVEL',
];
export const ON_FAIL_VALUES = ['block', 'demote', 'fence', 'ignore', 'restart', 'restart-container', 'standby', 'stop'];
export const ROLES = ['Stopped', 'Started', 'Promoted', 'Master', 'Unpromoted', 'Slave'];
const OP_BOOLEAN = ['0', '1', 'true', 'false'];

/** An operation as an ordered list of attributes (order is what ends up in the CIB). */
export type OperationSpec = [string, string][];

export const opGet = (op: OperationSpec, key: string) => op.find(([k]) => k === key)?.[1];
function opSet(op: OperationSpec, key: string, value: string): void {
  const i = op.findIndex(([k]) => k === key);
  if (i >= 0) op[i] = [key, value];
  else op.push([key, value]);
}

export const defaultInterval = (name: string) => (name === 'monitor' ? '60s' : '0s');

/** Role for the CIB: the current names when the schema knows them, the legacy ones otherwise. */
export function roleForCib(role: string, newNames: boolean): string {
  const promoted = role === 'Promoted' || role === 'Master';
  const unpromoted = role === 'Unpromoted' || role === 'Slave';
  if (newNames) return promoted ? 'Promoted' : unpromoted ? 'Unpromoted' : role;
  return promoted ? 'Master' : unpromoted ? 'Slave' : role;
}

function normalize(key: string, value: string): string {
  if (key === 'role') return value.charAt(0).toUpperCase() + value.slice(1).toLowerCase();
  if (key === 'on-fail' || key === 'record-pending' || key === 'enabled') return value.toLowerCase();
  return value;
}

function validateOperation(op: OperationSpec, allowedNames: readonly string[], severity: SeverityFor): ReportItem[] {
  const original = Object.fromEntries(op);
  const norm = Object.fromEntries(op.map(([k, val]) => [k, normalize(k, val)]));
  const out: ReportItem[] = [];
  out.push(...v.namesIn(OPERATION_ATTRIBUTES, 'resource operation')(original));
  out.push(...v.isRequiredAll(['name'], 'resource operation')(original));
  const check = (validator: v.Validator) => {
    for (const r of validator(norm)) {
      if (r.message.code === 'INVALID_OPTION_VALUE') r.message.optionValue = original[r.message.optionName === 'operation name' ? 'name' : r.message.optionName] ?? r.message.optionValue;
      out.push(r);
    }
  };
  check(v.valueIn('name', allowedNames, { reportName: 'operation name', severity }));
  check(v.valueIn('role', ROLES));
  const role = norm['role'];
  if (role === 'Master' || role === 'Slave') {
    out.push(deprecation({ code: 'DEPRECATED_OPTION_VALUE', optionName: 'role', deprecatedValue: original['role'] ?? role, replacedBy: role === 'Master' ? 'Promoted' : 'Unpromoted' }));
  }
  check(v.valueIn('on-fail', ON_FAIL_VALUES));
  check(v.valueIn('record-pending', OP_BOOLEAN));
  check(v.valueIn('enabled', OP_BOOLEAN));
  out.push(...v.mutuallyExclusive(['interval-origin', 'start-delay'], 'resource operation')(original));
  out.push(...v.valueId('id', 'operation id')(original));
  return out;
}

/** Operations whose name and interval (in seconds) repeat. */
export function intervalDuplications(ops: readonly OperationSpec[]): ReportItem[] {
  const byName = new Map<string, Map<string, string[]>>();
  for (const op of ops) {
    const name = opGet(op, 'name') ?? '';
    const interval = opGet(op, 'interval') ?? defaultInterval(name);
    const key = String(timeoutToSeconds(interval) ?? 'invalid');
    const m = byName.get(name) ?? new Map<string, string[]>();
    m.set(key, [...(m.get(key) ?? []), interval]);
    byName.set(name, m);
  }
  const dups: [string, string[][]][] = [];
  for (const [name, m] of byName) {
    const groups = [...m.values()].filter((g) => g.length > 1).sort((a, b) => (a.join() < b.join() ? -1 : 1));
    if (groups.length) dups.push([name, groups]);
  }
  return dups.length ? [error({ code: 'RESOURCE_OPERATION_INTERVAL_DUPLICATION', duplications: dups })] : [];
}

/** The agent's default operations (monitor alone for fence agents, or when asked). */
export function defaultOperations(md: PcsAgentMetadata, necessaryOnly: boolean): PcsAgentAction[] {
  const isDefault = md.name.standard === 'stonith' ? (a: PcsAgentAction) => a.name === 'monitor' : (a: PcsAgentAction) => !['meta-data', 'status', 'validate-all'].includes(a.name);
  const list = md.actions.filter((a) => (necessaryOnly ? a.name === 'monitor' : isDefault(a)));
  if (!list.some((a) => a.name === 'monitor')) {
    list.push({ name: 'monitor', timeout: undefined, interval: undefined, role: undefined, startDelay: undefined, depth: undefined, automatic: false, onTarget: false });
  }
  return list;
}

function actionToSpec(a: PcsAgentAction, newRoleNames: boolean): OperationSpec {
  const op: OperationSpec = [['name', a.name], ['interval', a.interval || defaultInterval(a.name)]];
  if (a.timeout) op.push(['timeout', a.timeout]);
  if (a.role) op.push(['role', roleForCib(a.role, newRoleNames)]);
  if (a.startDelay) op.push(['start-delay', a.startDelay]);
  if (a.depth && a.depth !== '0') op.push(['OCF_CHECK_LEVEL', a.depth]);
  return op;
}

/**
 * The operations of a new primitive: the user's (validated, interval filled in) followed by the
 * agent's defaults for actions the user did not mention (intervals made distinct).
 */
export function prepareOperations(
  userOps: readonly OperationSpec[],
  defaults: readonly PcsAgentAction[],
  allowedNames: readonly string[],
  newRoleNames: boolean,
  severity: SeverityFor,
): { operations: OperationSpec[]; reports: ReportItem[] } {
  const reports: ReportItem[] = [];
  for (const op of userOps) reports.push(...validateOperation(op, allowedNames, severity));
  const ops: OperationSpec[] = userOps.map((op) =>
    op.map(([k, val]) => {
      const n = normalize(k, val);
      return [k, k === 'role' ? roleForCib(n, newRoleNames) : n] as [string, string];
    }),
  );
  reports.push(...intervalDuplications(ops));
  if (reports.some((r) => r.severity === 'error')) return { operations: [], reports };
  const userNames = new Set(ops.map((o) => opGet(o, 'name')));
  const used = new Map<string, Set<number>>();
  const remaining: OperationSpec[] = [];
  for (const a of defaults) {
    if (userNames.has(a.name)) continue;
    const spec = actionToSpec(a, newRoleNames);
    const interval = opGet(spec, 'interval')!;
    const secs = timeoutToSeconds(interval);
    if (secs !== undefined) {
      const set = used.get(a.name) ?? new Set<number>();
      let s = secs;
      while (set.has(s)) s++;
      set.add(s);
      used.set(a.name, set);
      if (s !== secs) {
        reports.push(warning({ code: 'RESOURCE_OPERATION_INTERVAL_ADAPTED', operation: a.name, original: interval, adapted: String(s) }));
        opSet(spec, 'interval', String(s));
      }
    }
    remaining.push(spec);
  }
  const completed = ops.map((op) => {
    const copy: OperationSpec = op.filter(([, val]) => val !== '');
    if (opGet(copy, 'interval') === undefined) copy.push(['interval', defaultInterval(opGet(copy, 'name') ?? '')]);
    return copy;
  });
  return { operations: [...completed, ...remaining], reports };
}

/** Appends one <op> (id made from name and interval unless given) to <operations>. */
export function appendOperation(operations: XmlElement, op: OperationSpec, ids: IdProvider, before?: XmlElement): XmlElement {
  const attrs = op.filter(([k]) => k !== 'OCF_CHECK_LEVEL');
  const record: Record<string, string> = Object.fromEntries(attrs);
  if (record['id'] === undefined) {
    record['id'] = subelementId(operations.parent ?? operations, `${record['name']}-interval-${record['interval']}`, ids);
  }
  const el = append(operations, XmlElement.create('op', record), before);
  const level = opGet(op, 'OCF_CHECK_LEVEL');
  if (level !== undefined) appendNewNvset(INSTANCE, el, [['OCF_CHECK_LEVEL', level]], ids);
  return el;
}

/** <operations> with the operations sorted by name. */
export function createOperations(primitive: XmlElement, ops: readonly OperationSpec[], ids: IdProvider): XmlElement {
  const operations = append(primitive, XmlElement.create('operations'));
  const sorted = [...ops].sort((a, b) => {
    const x = opGet(a, 'name') ?? '';
    const y = opGet(b, 'name') ?? '';
    return x < y ? -1 : x > y ? 1 : 0;
  });
  for (const op of sorted) appendOperation(operations, op, ids);
  return operations;
}

/** "monitor interval=10s timeout=20s (d1-monitor-interval-10s)" as pcs lists an existing op. */
export function operationToString(op: XmlElement): string {
  const parts = [op.get('name') ?? ''];
  for (const [k, val] of Object.entries(op.attributes()).sort((a, b) => (a[0] < b[0] ? -1 : 1))) if (k !== 'id' && k !== 'name') parts.push(`${k}=${val}`);
  for (const set of op.elements('instance_attributes')) for (const p of set.elements('nvpair')) parts.push(`${p.get('name')}=${p.get('value')}`);
  return `${parts.join(' ')} (${op.get('id') ?? ''})`;
}
