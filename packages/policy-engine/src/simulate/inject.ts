// Changes crm_simulate makes to a CIB's status section (Pacemaker's pcmk_injections.c): nodes
// coming up, going down or failing, operation results, fail counts, quorum. They edit the XML tree
// in place; the cluster is then unpacked again from the same tree.

import { XmlElement } from '@hacluster/cib';
import { SchedulerError } from '../errors.js';
import { notifyKey, opKey, parseOpKey } from '../util/opkey.js';
import { operationDigest, filterForDigest } from '../actions/digest.js';
import { SCHEDULER_FEATURE_SET } from '../output/graph.js';

const FAKE_TE_ID = 'xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx';

function appendChild(parent: XmlElement, child: XmlElement): XmlElement {
  child.parent = parent;
  parent.children.push(child);
  return child;
}

function statusOf(cib: XmlElement): XmlElement {
  let status = cib.first('status');
  if (!status) status = appendChild(cib, new XmlElement('status', []));
  return status;
}

function nodeIdFromConfig(cib: XmlElement, uname: string): string | undefined {
  const nodes = cib.first('configuration')?.first('nodes');
  for (const n of nodes?.elements('node') ?? []) if (n.get('uname') === uname) return n.get('id');
  return undefined;
}

/** The node_state of a node, created if missing (Pacemaker's pcmk__inject_node). */
export function injectNode(cib: XmlElement, node: string, uuid?: string): XmlElement {
  const status = statusOf(cib);
  for (const s of status.elements('node_state')) if (s.get('uname') === node) return s;
  const id = uuid ?? nodeIdFromConfig(cib, node) ?? node;
  // An entry may not have a uname yet (a peer that has not joined the process group)
  for (const s of status.elements('node_state')) {
    if (s.get('id') === id) {
      s.set('uname', node);
      return s;
    }
  }
  return appendChild(status, XmlElement.create('node_state', { id, uname: node }));
}

/** Marks a node up (member, online) or down (Pacemaker's pcmk__inject_node_state_change). */
export function injectNodeStateChange(cib: XmlElement, node: string, up: boolean): XmlElement {
  const state = injectNode(cib, node);
  if (up) {
    state.set('in_ccm', 'true');
    state.set('crmd', 'online');
    state.set('join', 'member');
    state.set('expected', 'member');
  } else {
    state.set('in_ccm', 'false');
    state.set('crmd', 'offline');
    state.set('join', 'down');
    state.set('expected', 'down');
  }
  state.set('crm-debug-origin', 'crm_simulate');
  return state;
}

function removeChildren(el: XmlElement, name: string): void {
  el.children = el.children.filter((c) => !(c.kind === 'element' && c.name === name));
}

/** A node that goes down loses its resource history and transient attributes. */
export function injectNodeDown(cib: XmlElement, node: string): void {
  const state = injectNodeStateChange(cib, node, false);
  removeChildren(state, 'lrm');
  removeChildren(state, 'transient_attributes');
}

/** A node failing: member of the cluster layer's view but not of the membership (will be fenced). */
export function injectNodeFail(cib: XmlElement, node: string): void {
  const state = injectNodeStateChange(cib, node, true);
  state.set('in_ccm', 'false');
}

export function injectQuorum(cib: XmlElement, quorum: string): void {
  cib.set('have-quorum', quorum);
}

/** Sets a transient node attribute; "value++" increments the current value. */
export function injectTransientAttr(state: XmlElement, name: string, value: string): void {
  const nodeId = state.get('id') ?? '';
  let attrs = state.first('transient_attributes');
  if (!attrs) attrs = appendChild(state, XmlElement.create('transient_attributes', { id: nodeId }));
  let set = attrs.first('instance_attributes');
  if (!set) set = appendChild(attrs, XmlElement.create('instance_attributes', { id: nodeId }));
  let pair = set.elements('nvpair').find((p) => p.get('name') === name);
  let newValue = value;
  if (value === 'value++') {
    const old = pair?.get('value');
    const n = old === undefined ? 0 : Number.parseInt(old, 10) || 0;
    newValue = String(Math.min(n + 1, 1_000_000));
  }
  if (!pair) pair = appendChild(set, XmlElement.create('nvpair', { id: `${set.get('id')}-${name}`, name, value: newValue }));
  else pair.set('value', newValue);
}

/** Records a failure as the fail count and last-failure attributes (Pacemaker's pcmk__inject_failcount). */
export function injectFailcount(state: XmlElement, rsc: string, task: string, intervalMs: number, rc: number, now: number): string[] {
  if (rc === 0) return [];
  if (rc === 7 && intervalMs === 0) return [];
  const attrs: [string, string][] = [
    [`fail-count-${rsc}#${task}_${intervalMs}`, 'value++'],
    [`last-failure-${rsc}#${task}_${intervalMs}`, String(now)],
  ];
  for (const [name, value] of attrs) injectTransientAttr(state, name, value);
  // what crm_simulate reports for each (the node_state is a detached copy upstream, hence its path)
  return attrs.map(([name, value]) => `Injecting attribute ${name}=${value} into /node_state '${state.get('id') ?? ''}'`);
}

/** The lrm_resource of a resource on a node, created if missing (Pacemaker's pcmk__inject_resource_history). */
export function injectResourceHistory(
  state: XmlElement,
  resource: string,
  lrmName: string,
  rclass: string | undefined,
  rtype: string | undefined,
  rprovider: string | undefined,
): XmlElement {
  const lrmResources = state.first('lrm')?.first('lrm_resources');
  const index = lrmResources === undefined ? undefined : lrmIndex(lrmResources);
  const find = (id: string) => index?.get(id) ?? undefined;
  const existing = find(resource) ?? (resource !== lrmName ? find(lrmName) : undefined);
  if (existing) return existing;
  if (rclass === undefined || rtype === undefined) {
    throw new SchedulerError({
      code: 'INVALID_INJECTION',
      spec: resource,
      reason: `not found in the status section of ${state.get('id')}; please supply the class and type`,
    });
  }
  if (!['ocf', 'stonith', 'service', 'upstart', 'systemd', 'lsb'].includes(rclass.toLowerCase())) {
    throw new SchedulerError({ code: 'INVALID_INJECTION', spec: resource, reason: `invalid class ${rclass}` });
  }
  if (rclass.toLowerCase() === 'ocf' && rprovider === undefined) {
    throw new SchedulerError({ code: 'INVALID_INJECTION', spec: resource, reason: 'please specify the provider' });
  }
  let lrm = state.first('lrm');
  if (!lrm) lrm = appendChild(state, XmlElement.create('lrm', { id: state.get('id') }));
  let container = lrm.first('lrm_resources');
  if (!container) container = appendChild(lrm, new XmlElement('lrm_resources', []));
  // indexed before the new entry joins, so that it is not counted twice
  const idx = lrmIndex(container);
  const created = appendChild(container, XmlElement.create('lrm_resource', { id: lrmName, class: rclass, provider: rprovider, type: rtype }));
  idx.set(lrmName, idx.has(lrmName) ? null : created);
  return created;
}

/**
 * The lrm_resource entries of an lrm_resources element by id, built once and kept up to date as
 * entries are injected: a simulated transition looks one up per action. An id with several
 * entries maps to null: like upstream's XPath lookup, which wants exactly one match, the
 * injection then adds an entry of its own.
 */
const lrmIndexes = new WeakMap<XmlElement, Map<string, XmlElement | null>>();

function lrmIndex(container: XmlElement): Map<string, XmlElement | null> {
  let index = lrmIndexes.get(container);
  if (index === undefined) {
    index = new Map();
    for (const r of container.elements('lrm_resource')) {
      const id = r.get('id');
      if (id !== undefined) index.set(id, index.has(id) ? null : r);
    }
    lrmIndexes.set(container, index);
  }
  return index;
}

export interface InjectedResult {
  task: string;
  intervalMs: number;
  rc: number;
  status: number;
  targetRc: number;
  /** The operation's parameters (graph attributes), for the digest. */
  params?: ReadonlyMap<string, string>;
  migrateSource?: string;
  migrateTarget?: string;
  now: number;
}

function nextCallId(rscEntry: XmlElement): number {
  let max = 0;
  for (const op of rscEntry.elements()) {
    const v = Number.parseInt(op.get('call-id') ?? '0', 10) || 0;
    if (v > max) max = v;
  }
  return max + 1;
}

function didFail(status: number, rc: number, targetRc: number): boolean {
  switch (status) {
    case 1:
    case -1:
      return false;
    case 3:
    case 2:
    case 4:
    case 8:
    case 9:
      return true;
    default:
      return targetRc !== rc;
  }
}

/** Records an operation result in a resource's history (Pacemaker's pcmk__create_history_xml). */
export function injectActionResult(rscEntry: XmlElement, injected: InjectedResult): void {
  let result = injected;
  const rscId = rscEntry.get('id') ?? '';
  let task = result.task;
  if (task === 'reload' || task === 'reload-agent') task = result.status === 0 ? 'start' : 'monitor';
  const key = opKey(rscId, task, result.intervalMs);
  const callId = nextCallId(rscEntry);
  let ids: string[];
  if (task === 'notify') {
    // each notification keeps its own entry, and its result is never a failure
    const type = result.params?.get('CRM_meta_notify_type') ?? '';
    const operation = result.params?.get('CRM_meta_notify_operation') ?? '';
    ids = [notifyKey(rscId, type, operation)];
    result = { ...result, rc: 0, status: 0 };
  } else if (task === 'migrate_to' || task === 'migrate_from') ids = [key];
  else if (didFail(result.status, result.rc, result.targetRc)) ids = result.intervalMs === 0 ? [`${rscId}_last_failure_0`, `${rscId}_last_0`] : [`${rscId}_last_failure_0`];
  else if (result.intervalMs > 0) ids = [key];
  else ids = [`${rscId}_last_0`];
  const transitionKey = `${callId}:-1:${result.targetRc}:${FAKE_TE_ID}`;
  let digest: string | undefined;
  if (result.params) {
    const params = new Map(result.params);
    filterForDigest(params);
    digest = operationDigest(params);
  }
  for (const id of ids) {
    let op = rscEntry.elements('lrm_rsc_op').find((o) => o.get('id') === id);
    if (!op) op = appendChild(rscEntry, new XmlElement('lrm_rsc_op', []));
    const set = (n: string, v: string | undefined) => {
      if (v !== undefined) op!.set(n, v);
    };
    set('id', id);
    set('operation_key', key);
    set('operation', task);
    set('crm-debug-origin', 'crm_simulate');
    set('crm_feature_set', SCHEDULER_FEATURE_SET);
    set('transition-key', transitionKey);
    set('transition-magic', `${result.status}:${result.rc};${transitionKey}`);
    set('exit-reason', '');
    set('call-id', String(callId));
    set('rc-code', String(result.rc));
    set('op-status', String(result.status));
    set('interval', String(result.intervalMs));
    set('last-rc-change', String(result.now));
    set('exec-time', '0');
    set('queue-time', '0');
    if (task === 'migrate_to' || task === 'migrate_from') {
      set('migrate_source', result.migrateSource);
      set('migrate_target', result.migrateTarget);
    }
    set('op-digest', digest);
  }
}

export interface OpSpec {
  rsc: string;
  task: string;
  intervalMs: number;
  node: string;
  rc: number;
}

/** Parses "<rsc>_<task>_<interval>@<node>=<rc>" (the --op-inject and --op-fail syntax). */
export function parseOpSpec(spec: string): OpSpec | undefined {
  const m = /^([^@]+)@([^=]+)=(-?\d+)/.exec(spec);
  if (!m) return undefined;
  const parsed = parseOpKey(m[1]!);
  if (!parsed) return undefined;
  return { rsc: parsed.rscId, task: parsed.task, intervalMs: parsed.intervalMs, node: m[2]!, rc: Number(m[3]) };
}

