// Small CIBs for the stage tests: a few nodes, resources and constraints written inline, with
// operation history built from (resource, task, result) triples.

import { Cib, type XmlElement } from '@hacluster/cib';
import { calculateDigests } from '../src/actions/digest.js';
import { unpackCluster, type UnpackOptions } from '../src/unpack/cluster.js';
import type { WorkingSet } from '../src/model/types.js';

export interface HistoryOp {
  rsc: string;
  task: string;
  rc: number;
  /** Expected result (default: 7 for probes, else 0). */
  target?: number;
  interval?: number;
  callId?: number;
  status?: number;
  lastRcChange?: number;
  /** The agent recorded with the history (default ocf:pacemaker:Dummy). */
  agent?: { class: string; provider?: string; type: string };
}

export interface NodeSpec {
  name: string;
  /** online (default), offline, unclean (lost from the membership), pending, or no node_state at all. */
  state?: 'online' | 'offline' | 'unclean' | 'pending' | 'none';
  attrs?: Record<string, string>;
  transient?: Record<string, string>;
  /** Node capacity (<utilization> in the node's configuration). */
  utilization?: Record<string, string>;
  history?: HistoryOp[];
}

export interface CibSpec {
  nodes: (string | NodeSpec)[];
  options?: Record<string, string>;
  resources?: string;
  constraints?: string;
  rscDefaults?: string;
  opDefaults?: string;
  quorum?: boolean;
  extraStatus?: string;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

function nvpairs(id: string, values: Record<string, string> | undefined): string {
  return Object.entries(values ?? {})
    .map(([k, v]) => `<nvpair id="${id}-${k}" name="${k}" value="${esc(v)}"/>`)
    .join('');
}

/** A Dummy primitive with a 10 s monitor. */
export function dummy(id: string, meta: Record<string, string> = {}): string {
  const m = Object.keys(meta).length ? `<meta_attributes id="${id}-meta">${nvpairs(`${id}-meta`, meta)}</meta_attributes>` : '';
  return `<primitive id="${id}" class="ocf" provider="pacemaker" type="Dummy">${m}<operations><op id="${id}-mon" name="monitor" interval="10s"/></operations></primitive>`;
}

/** A clone of `child` (a primitive or group), with meta-attributes. */
export function clone(id: string, child: string, meta: Record<string, string> = {}): string {
  const m = Object.keys(meta).length ? `<meta_attributes id="${id}-meta">${nvpairs(`${id}-meta`, meta)}</meta_attributes>` : '';
  return `<clone id="${id}">${m}${child}</clone>`;
}

/** A fencing device. */
export function fencing(id: string): string {
  return `<primitive id="${id}" class="stonith" type="fence_dummy"/>`;
}

function opXml(node: string, op: HistoryOp, index: number): string {
  const interval = op.interval ?? 0;
  const target = op.target ?? (op.task === 'monitor' && interval === 0 ? 7 : 0);
  const callId = op.callId ?? index + 1;
  const key = `${op.rsc}_${op.task}_${interval}`;
  const id = interval > 0 ? key : index === 0 ? `${op.rsc}_last_0` : `${op.rsc}_last_${index}`;
  const tkey = `${callId}:1:${target}:00000000-0000-0000-0000-000000000000`;
  return (
    `<lrm_rsc_op id="${id}" operation_key="${key}" operation="${op.task}" transition-key="${tkey}" ` +
    `transition-magic="${op.status ?? 0}:${op.rc};${tkey}" call-id="${callId}" rc-code="${op.rc}" op-status="${op.status ?? 0}" ` +
    `interval="${interval}" last-rc-change="${op.lastRcChange ?? 1_700_000_000}" exec-time="1" queue-time="0" on_node="${node}"/>`
  );
}

function nodeState(n: NodeSpec, id: string): string {
  const state = n.state ?? 'online';
  if (state === 'none') return '';
  const attrs =
    state === 'online'
      ? 'in_ccm="true" crmd="online" join="member" expected="member"'
      : state === 'offline'
        ? 'in_ccm="false" crmd="offline" join="down" expected="down"'
        : state === 'unclean'
          ? 'in_ccm="false" crmd="offline" join="down" expected="member"'
          : 'in_ccm="true" crmd="offline" join="down"';
  const byRsc = new Map<string, HistoryOp[]>();
  for (const op of n.history ?? []) {
    if (!byRsc.has(op.rsc)) byRsc.set(op.rsc, []);
    byRsc.get(op.rsc)!.push(op);
  }
  const lrm = [...byRsc.entries()]
    .map(([rsc, ops]) => {
      const agent = ops[0]!.agent ?? { class: 'ocf', provider: 'pacemaker', type: 'Dummy' };
      const provider = agent.provider !== undefined ? ` provider="${agent.provider}"` : '';
      return `<lrm_resource id="${rsc}" class="${agent.class}"${provider} type="${agent.type}">${ops.map((o, i) => opXml(n.name, o, i)).join('')}</lrm_resource>`;
    })
    .join('');
  const transient = n.transient
    ? `<transient_attributes id="${id}"><instance_attributes id="status-${id}">${nvpairs(`status-${id}`, n.transient)}</instance_attributes></transient_attributes>`
    : '';
  return `<node_state id="${id}" uname="${n.name}" ${attrs}>${transient}<lrm id="${id}"><lrm_resources>${lrm}</lrm_resources></lrm></node_state>`;
}

export function cibXml(spec: CibSpec): string {
  const nodes = spec.nodes.map((n) => (typeof n === 'string' ? { name: n } : n));
  const given = spec.options ?? {};
  const options = 'fencing-enabled' in given || 'stonith-enabled' in given ? given : { 'fencing-enabled': 'false', ...given };
  const nodeXml = nodes
    .map((n, i) => {
      const attrs = n.attrs ? `<instance_attributes id="nodes-${i + 1}">${nvpairs(`nodes-${i + 1}`, n.attrs)}</instance_attributes>` : '';
      const util = n.utilization ? `<utilization id="nodes-${i + 1}-u">${nvpairs(`nodes-${i + 1}-u`, n.utilization)}</utilization>` : '';
      return `<node id="${i + 1}" uname="${n.name}">${attrs}${util}</node>`;
    })
    .join('');
  const rscDefaults = spec.rscDefaults ? `<rsc_defaults><meta_attributes id="rsc-options">${spec.rscDefaults}</meta_attributes></rsc_defaults>` : '';
  const opDefaults = spec.opDefaults ? `<op_defaults><meta_attributes id="op-options">${spec.opDefaults}</meta_attributes></op_defaults>` : '';
  return (
    `<cib crm_feature_set="3.19.0" validate-with="pacemaker-3.10" epoch="1" num_updates="0" admin_epoch="0" have-quorum="${spec.quorum === false ? 0 : 1}" dc-uuid="1" execution-date="1700000100">` +
    `<configuration><crm_config><cluster_property_set id="cib-bootstrap-options">${nvpairs('opt', options)}</cluster_property_set></crm_config>` +
    `<nodes>${nodeXml}</nodes><resources>${spec.resources ?? ''}</resources><constraints>${spec.constraints ?? ''}</constraints>${rscDefaults}${opDefaults}</configuration>` +
    `<status>${nodes.map((n, i) => nodeState(n, String(i + 1))).join('')}${spec.extraStatus ?? ''}</status></cib>`
  );
}

/**
 * The CIB of a spec, with each history entry's op-digest set to the digest of the current
 * configuration (as the executor would have recorded it), so nothing looks changed.
 */
export function cibRoot(spec: CibSpec): XmlElement {
  const root = Cib.parse(cibXml(spec), 'test.xml').root;
  const ws = unpackCluster(root, {});
  for (const state of root.first('status')?.elements('node_state') ?? []) {
    const node = ws.nodeByUname.get(state.get('uname') ?? '');
    for (const entry of state.first('lrm')?.first('lrm_resources')?.elements('lrm_resource') ?? []) {
      // anonymous clone instances have their history under the configured id
      const id = entry.get('id') ?? '';
      const rsc = ws.resourceById.get(id) ?? ws.resourceById.get(`${id}:0`);
      if (rsc === undefined || node === undefined) continue;
      for (const op of entry.elements('lrm_rsc_op')) {
        const digest = calculateDigests(rsc, op.get('operation')!, Number(op.get('interval')), node, op, false);
        op.set('op-digest', digest.allCalc);
      }
    }
  }
  const digested = Cib.parse(cibXml(spec), 'test.xml').root;
  const ops = (r: XmlElement) => [...r.descendants()].filter((d) => d.name === "lrm_rsc_op");
  const withDigest = ops(root);
  ops(digested).forEach((op, i) => op.set('op-digest', withDigest[i]!.get('op-digest')!));
  return digested;
}

export function unpack(spec: CibSpec, options: UnpackOptions = {}): WorkingSet {
  return unpackCluster(cibRoot(spec), options);
}

/** A probe that found the resource stopped, then (optionally) a start. */
export function probedStopped(rsc: string): HistoryOp {
  return { rsc, task: 'monitor', rc: 7 };
}

export function started(rsc: string, callId = 2): HistoryOp {
  return { rsc, task: 'start', rc: 0, callId };
}
