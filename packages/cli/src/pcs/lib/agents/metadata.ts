// Agent meta-data the way pcs uses it: OCF 1.0 and 1.1 read into one form, then cleaned up
// (fence agents lose help/version, 'action' becomes deprecated, 'port' optional; heartbeat and
// pacemaker agents gain trace_ra/trace_file; Pacemaker daemons' enums come out of their texts).

import type { AgentMetadata, AgentParameter } from '@hacluster/agents';
import { fullName, type ResourceAgentName } from './name.js';

export interface PcsAgentParameter {
  name: string;
  shortdesc: string | undefined;
  longdesc: string | undefined;
  type: string;
  default: string | undefined;
  enumValues: string[] | undefined;
  required: boolean;
  advanced: boolean;
  deprecated: boolean;
  deprecatedBy: string[];
  deprecatedDesc: string | undefined;
  uniqueGroup: string | undefined;
  reloadable: boolean;
}

export interface PcsAgentAction {
  name: string;
  timeout: string | undefined;
  interval: string | undefined;
  role: string | undefined;
  startDelay: string | undefined;
  depth: string | undefined;
  automatic: boolean;
  onTarget: boolean;
}

export interface PcsAgentMetadata {
  name: ResourceAgentName;
  exists: boolean;
  ocfVersion: '1.0' | '1.1';
  shortdesc: string | undefined;
  longdesc: string | undefined;
  parameters: PcsAgentParameter[];
  actions: PcsAgentAction[];
}

export const STONITH_ACTION_REPLACED_BY = ['pcmk_off_action', 'pcmk_reboot_action'];
export const UNIQUE_GROUP_PREFIX = '_pcs_unique_group_';

/** Current role names for the legacy ones agents still declare. */
export function primaryRole(role: string): string {
  if (role === 'Master') return 'Promoted';
  if (role === 'Slave') return 'Unpromoted';
  return role;
}

export function voidMetadata(name: ResourceAgentName): PcsAgentMetadata {
  return { name, exists: false, ocfVersion: '1.0', shortdesc: undefined, longdesc: undefined, parameters: [], actions: [] };
}

function actionOf(a: AgentMetadata['actions'][number]): PcsAgentAction {
  const attr = (n: string) => a.attributes.find(([k]) => k === n)?.[1];
  return {
    name: a.name,
    timeout: a.timeout,
    interval: a.interval,
    role: a.role === undefined ? undefined : primaryRole(a.role),
    startDelay: a.startDelay,
    depth: a.depth,
    automatic: attr('automatic') === '1',
    onTarget: attr('on_target') === '1',
  };
}

function unify(name: ResourceAgentName, md: AgentMetadata): PcsAgentMetadata {
  const v11 = md.ocfVersion === '1.1';
  const obsoletedBy = new Map<string, string[]>();
  if (!v11) {
    for (const p of md.parameters) {
      if (p.obsoletes) obsoletedBy.set(p.obsoletes, [...(obsoletedBy.get(p.obsoletes) ?? []), p.name]);
    }
  }
  const param = (p: AgentParameter): PcsAgentParameter => ({
    name: p.name,
    shortdesc: p.shortdesc || undefined,
    longdesc: p.longdesc || undefined,
    type: p.type,
    default: p.default,
    enumValues: p.type === 'select' ? p.options : undefined,
    required: p.required,
    advanced: false,
    deprecated: p.deprecated,
    deprecatedBy: v11 ? p.replacedWith : [...(obsoletedBy.get(p.name) ?? [])].sort(),
    deprecatedDesc: undefined,
    uniqueGroup: v11 ? p.uniqueGroup : p.unique ? UNIQUE_GROUP_PREFIX + p.name : undefined,
    reloadable: v11 ? p.reloadable : p.unique,
  });
  return {
    name,
    exists: true,
    ocfVersion: v11 ? '1.1' : '1.0',
    shortdesc: md.shortdesc || undefined,
    longdesc: md.longdesc || undefined,
    parameters: md.parameters.map(param),
    actions: md.actions.map(actionOf),
  };
}

function stonithCleanup(md: PcsAgentMetadata): PcsAgentMetadata {
  const params = md.parameters
    .filter((p) => p.name !== 'help' && p.name !== 'version')
    .map((p) =>
      p.name === 'action'
        ? { ...p, required: false, advanced: true, deprecated: true, deprecatedBy: [...STONITH_ACTION_REPLACED_BY, ...p.deprecatedBy] }
        : p,
    );
  // 'port' and whatever replaces it are filled in by Pacemaker from pcmk_host_map/list.
  const portRelated = new Set<string>();
  let next = new Set(['port']);
  while (next.size) {
    const cur = next;
    next = new Set();
    for (const p of params) {
      if (cur.has(p.name) && !portRelated.has(p.name)) {
        portRelated.add(p.name);
        for (const d of p.deprecatedBy) next.add(d);
      }
    }
  }
  return { ...md, parameters: params.map((p) => (portRelated.has(p.name) ? { ...p, required: false } : p)) };
}

/** Pacemaker daemons describe enums in the long description ("  Allowed values: a, b"). */
function daemonCleanup(md: PcsAgentMetadata): PcsAgentMetadata {
  const split = (longdesc: string | undefined): [string[], string | undefined] => {
    if (!longdesc) return [[], longdesc];
    const parts = longdesc.split('  Allowed values: ');
    return parts.length === 2 ? [parts[1]!.split(', '), parts[0]] : [[], longdesc];
  };
  const params = md.parameters.map((p) => {
    let q = { ...p };
    if (q.type === 'enum') {
      const [values, longdesc] = split(q.longdesc);
      if (q.default !== undefined && !values.includes(q.default)) values.push(q.default);
      q = { ...q, type: 'select', longdesc, enumValues: values };
    } else if (q.type === 'select') {
      q = { ...q, longdesc: split(q.longdesc)[1] };
    }
    if (q.shortdesc === q.longdesc) q = { ...q, longdesc: undefined };
    if (q.shortdesc !== undefined && q.longdesc !== undefined) q = { ...q, longdesc: `${q.shortdesc}\n${q.longdesc}`.trim() };
    if (q.shortdesc && (q.shortdesc.startsWith('Advanced use only: ') || q.shortdesc.startsWith('*** Advanced Use Only *** '))) {
      q = { ...q, advanced: true };
    }
    return q;
  });
  return { ...md, parameters: params };
}

/** Meta-data of an installed agent, cleaned up as pcs does. */
export function toPcsMetadata(name: ResourceAgentName, md: AgentMetadata, isPacemakerDaemon = false): PcsAgentMetadata {
  let out = unify(name, md);
  if (isPacemakerDaemon) out = daemonCleanup(out);
  if (name.standard === 'stonith') out = stonithCleanup(out);
  return out;
}

export const providesPromotability = (md: PcsAgentMetadata): boolean =>
  md.actions.some((a) => a.name === 'promote') && md.actions.some((a) => a.name === 'demote');

export function uniqueParameterGroups(md: PcsAgentMetadata): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const p of md.parameters) if (p.uniqueGroup) out.set(p.uniqueGroup, [...(out.get(p.uniqueGroup) ?? []), p.name]);
  return out;
}

/** trace_ra / trace_file, which ocf:heartbeat and ocf:pacemaker agents read through ocf-shellfuncs. */
export function traceParameters(existing: readonly PcsAgentParameter[]): PcsAgentParameter[] {
  const names = new Set(existing.map((p) => p.name.toLowerCase()));
  const base = { enumValues: undefined, required: false, advanced: true, deprecated: false, deprecatedBy: [], deprecatedDesc: undefined, uniqueGroup: undefined, reloadable: false };
  const out: PcsAgentParameter[] = [];
  if (!names.has('trace_ra')) {
    const s = 'Set to 1 to turn on resource agent tracing (expect large output)';
    out.push({
      ...base,
      name: 'trace_ra',
      shortdesc: s,
      longdesc: `${s} The trace output will be saved to trace_file, if set, or by default to $HA_VARRUN/ra_trace/<type>/<id>.<action>.<timestamp> e.g. $HA_VARRUN/ra_trace/oracle/db.start.2012-11-27.08:37:08`,
      type: 'integer',
      default: '0',
    });
  }
  if (!names.has('trace_file')) {
    const s = 'Path to a file to store resource agent tracing log';
    out.push({ ...base, name: 'trace_file', shortdesc: s, longdesc: s, type: 'string', default: '' });
  }
  return out;
}

export { fullName };
