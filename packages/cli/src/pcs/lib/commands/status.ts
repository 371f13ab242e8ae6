// The cluster status offline: the CIB file unpacked by the scheduler's reader
// (@hacluster/policy-engine) and laid out as crm_mon does, which is what `pcs status`,
// `pcs resource status` and `pcs stonith status` print (pcs runs crm_mon and passes its text on).

import type { Resource, WorkingSet } from '@hacluster/policy-engine';
import { isTrue } from '../pacemaker/values.js';
import type { LibraryEnvironment } from '../env.js';
import { error, LibraryError } from '../reports/item.js';

export interface StatusRequest {
  /** Inactive resources too (crm_mon --inactive; pcs's default). */
  inactive: boolean;
  /** A resource or tag id: only what it names (crm_mon --resource). */
  resource?: string | undefined;
  /** Only what concerns this node (crm_mon --node): see filterByNode. */
  node?: string | undefined;
}

async function workingSet(env: LibraryEnvironment): Promise<WorkingSet> {
  const { unpackCluster } = await import('@hacluster/policy-engine');
  return unpackCluster(env.getCib('status').root);
}

/** Resource ids a filter names: the id itself, or a tag's members. */
function filterIds(ws: WorkingSet, id: string): Set<string> {
  return new Set(ws.tags.get(id) ?? [id]);
}

function named(rsc: Resource, ids: ReadonlySet<string>): boolean {
  return ids.has(rsc.id) || ids.has(rsc.xml.get('id') ?? '');
}

/** A copy of a resource with some of its fields replaced: the status writer reads the copy. */
function resourceView(rsc: Resource, fields: Partial<Resource>): Resource {
  return Object.assign(Object.create(Object.getPrototypeOf(rsc) as object), rsc, fields) as Resource;
}

/**
 * The resources crm_mon --resource shows: a named resource whole, and of a group or clone only
 * the members that are named.
 */
function filterResources(list: readonly Resource[], ids: ReadonlySet<string>): Resource[] {
  const out: Resource[] = [];
  for (const rsc of list) {
    if (named(rsc, ids)) {
      out.push(rsc);
      continue;
    }
    if (rsc.variant === 'group') {
      const children = filterResources(rsc.children, ids);
      if (children.length) out.push(resourceView(rsc, { children }));
    } else if (rsc.children.some((c) => named(c, ids) || c.children.some((g) => named(g, ids)))) {
      out.push(rsc);
    }
  }
  return out;
}

const sameNode = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/**
 * crm_mon --node: an active resource shows only if it runs on the node, an inactive one always
 * (pcmk__rsc_filtered_by_node); a clone lists only its instances on the node and, as stopped,
 * only the node itself.
 */
function filterByNode(list: readonly Resource[], node: string): Resource[] {
  const out: Resource[] = [];
  for (const rsc of list) {
    if (rsc.methods.active(rsc, false) && !rsc.runningOn.some((n) => sameNode(n.uname, node))) continue;
    if (rsc.variant === 'group') {
      const children = filterByNode(rsc.children, node);
      if (children.length) out.push(resourceView(rsc, { children }));
    } else if (rsc.variant === 'clone') {
      const allowedNodes = new Map([...rsc.allowedNodes].filter(([, ns]) => sameNode(ns.node.uname, node)));
      const knownOn = new Map([...rsc.knownOn].filter(([, n]) => sameNode(n.uname, node)));
      out.push(resourceView(rsc, { children: filterByNode(rsc.children, node), allowedNodes, knownOn }));
    } else {
      out.push(rsc);
    }
  }
  return out;
}

export interface ResourcesStatus {
  /** crm_mon's "Full List of Resources" lines (or the Active Resources with inactive off). */
  lines: string[];
  anyActive: boolean;
  anyResource: boolean;
}

export async function resourcesStatus(env: LibraryEnvironment, req: StatusRequest): Promise<ResourcesStatus> {
  const ws = await workingSet(env);
  const { TextOutput, writeClusterStatus } = await import('@hacluster/policy-engine');
  let resources = ws.resources.filter((r) => !(r.orphan && !r.methods.active(r, true)));
  const only = req.resource !== undefined ? filterIds(ws, req.resource) : undefined;
  if (req.resource !== undefined) {
    resources = filterResources(resources, only!);
    if (!resources.length) throw new LibraryError(error({ code: 'STATUS_RESOURCE_NOT_FOUND', id: req.resource }));
  }
  if (req.node !== undefined) resources = filterByNode(resources, req.node);
  const anyActive = resources.some((r) => r.methods.active(r, false));
  if (!req.inactive) resources = resources.filter((r) => r.methods.active(r, false));
  const view: WorkingSet = Object.assign(Object.create(Object.getPrototypeOf(ws) as object), ws, { resources, nodes: [] });
  const out = new TextOutput(true);
  // (a bundle shows only the named parts of its replicas)
  writeClusterStatus(view, out, { onlyResources: only });
  const lines = out.lines().slice(1).filter((l) => l !== '  * No resources');
  return { lines: [...lines], anyActive, anyResource: resources.length > 0 };
}

export interface NodesStatus {
  cluster: Record<'online' | 'standby' | 'standbyWithResources' | 'maintenance' | 'offline', string[]>;
  remote: Record<'online' | 'standby' | 'standbyWithResources' | 'maintenance' | 'offline', string[]>;
}

/** `pcs status nodes`: node names by state, cluster nodes and Pacemaker Remote nodes apart. */
export async function nodesStatus(env: LibraryEnvironment): Promise<NodesStatus> {
  const ws = await workingSet(env);
  const empty = () => ({ online: [], standby: [], standbyWithResources: [], maintenance: [], offline: [] }) as NodesStatus['cluster'];
  const out: NodesStatus = { cluster: empty(), remote: empty() };
  for (const n of ws.nodes) {
    const bucket = n.type === 'member' ? out.cluster : out.remote;
    if (!n.online) bucket.offline.push(n.uname);
    else if (n.maintenance) bucket.maintenance.push(n.uname);
    else if (n.standby) (n.runningRsc.length ? bucket.standbyWithResources : bucket.standby).push(n.uname);
    else bucket.online.push(n.uname);
  }
  for (const b of [out.cluster, out.remote]) for (const k of Object.keys(b) as (keyof typeof b)[]) b[k].sort();
  return out;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** C's asctime layout, which crm_mon prints times in (local time). */
export function asctime(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${WEEKDAYS[d.getDay()]} ${MONTHS[d.getMonth()]} ${String(d.getDate()).padStart(2, ' ')} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())} ${d.getFullYear()}`;
}

/** crm_mon's whole text: Cluster Summary, Node List, Full List of Resources. */
export async function clusterStatusText(env: LibraryEnvironment, req: { inactive: boolean; now: Date }): Promise<string> {
  const ws = await workingSet(env);
  const { TextOutput, writeClusterStatus } = await import('@hacluster/policy-engine');
  const root = ws.input;
  const crm = new Map<string, string>();
  for (const set of root.first('configuration')?.first('crm_config')?.elements('cluster_property_set') ?? []) {
    for (const p of set.elements('nvpair')) if (!crm.has(p.get('name') ?? '')) crm.set(p.get('name') ?? '', p.get('value') ?? '');
  }
  const lines = ['Cluster Summary:'];
  lines.push(`  * Stack: ${crm.get('cluster-infrastructure') ?? 'unknown'}`);
  const dc = ws.dcNode;
  lines.push(`  * Current DC: ${dc ? `${dc.uname} (version ${crm.get('dc-version') ?? 'unknown'}) - partition ${ws.flags.haveQuorum ? 'with' : 'WITHOUT'} quorum` : 'NONE'}`);
  lines.push(`  * Last updated: ${asctime(req.now)}`);
  const written = root.get('cib-last-written');
  const change = [written ?? '', root.get('update-user') ? ` by ${root.get('update-user')}` : '', root.get('update-client') ? ` via ${root.get('update-client')}` : '', root.get('update-origin') ? ` on ${root.get('update-origin')}` : ''].join('');
  lines.push(`  * Last change:  ${change}`);
  lines.push(`  * ${ws.nodes.length} node${ws.nodes.length === 1 ? '' : 's'} configured`);
  const notes: string[] = [];
  if (ws.disabledResources) notes.push(`${ws.disabledResources} DISABLED`);
  if (ws.blockedResources) notes.push(`${ws.blockedResources} BLOCKED from further action due to failure`);
  lines.push(`  * ${ws.ninstances} resource instance${ws.ninstances === 1 ? '' : 's'} configured${notes.length ? ` (${notes.join(', ')})` : ''}`);
  if (isTrue(crm.get('maintenance-mode') ?? 'false')) lines.push('', '              *** Resource management is DISABLED ***', '  The cluster will not attempt to start, stop or recover services');
  const out = new TextOutput(true);
  const view: WorkingSet = req.inactive ? ws : (Object.assign(Object.create(Object.getPrototypeOf(ws) as object), ws, { resources: ws.resources.filter((r) => r.methods.active(r, false)) }) as WorkingSet);
  writeClusterStatus(view, out);
  return [...lines, '', ...out.lines()].join('\n');
}

/** What pcs warns about above the status: fencing, leftover move constraints. */
export function statusWarnings(env: LibraryEnvironment): string[] {
  const cib = env.getCib('status');
  const warnings: string[] = [];
  let stonithEnabled = true;
  for (const set of cib.scope('crm_config')?.elements('cluster_property_set') ?? []) {
    const p = set.elements('nvpair').find((x) => x.get('name') === 'stonith-enabled');
    if (p) {
      stonithEnabled = isTrue(p.get('value') ?? 'true');
      break;
    }
  }
  const fence: string[] = [];
  const withAction: string[] = [];
  const withCycle: string[] = [];
  for (const el of cib.scope('resources')?.descendants() ?? []) {
    if (el.name !== 'primitive' || el.get('class') !== 'stonith') continue;
    fence.push(el.get('id') ?? '');
    const attrs = new Map((el.first('instance_attributes')?.elements('nvpair') ?? []).map((p) => [p.get('name'), p.get('value')]));
    if (attrs.has('action')) withAction.push(el.get('id') ?? '');
    if (attrs.get('method') === 'cycle') withCycle.push(el.get('id') ?? '');
  }
  if (stonithEnabled && !fence.length) warnings.push('No stonith devices and stonith-enabled is not false');
  if (withAction.length) warnings.push(`Following stonith devices have the 'action' option set, it is recommended to set 'pcmk_off_action', 'pcmk_reboot_action' instead: '${withAction.sort().join("', '")}'`);
  if (withCycle.length) warnings.push(`Following stonith devices have the 'method' option set to 'cycle' which is potentially dangerous, please consider using 'onoff': '${withCycle.sort().join("', '")}'`);
  const moved = [...new Set((cib.scope('constraints')?.elements('rsc_location') ?? []).filter((c) => (c.get('id') ?? '').startsWith('cli-')).map((c) => c.get('rsc') ?? ''))];
  if (moved.length) {
    warnings.push(`Following resources have been moved and their move constraints are still in place: '${moved.sort().join("', '")}'`);
    warnings.push("Run 'pcs constraint location' or 'pcs resource clear <resource id>' to view or remove the constraints, respectively");
  }
  return warnings;
}
