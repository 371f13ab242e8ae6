// The cluster status as crm_mon and crm_simulate print it (Pacemaker's pe_output.c, native.c,
// group.c): the Node List and the Full List of Resources. Exported for `pcs status`, which uses
// the same layout.

import { Role, parseRoleN, roleText, type RoleN } from '../model/role.js';
import type { Node, Resource, WorkingSet } from '../model/types.js';
import { currentNode, printableId, topResource } from '../unpack/resource-helpers.js';
import { isDisabled } from '../unpack/resources.js';
import { isGuestNode, isRemoteNode } from '../unpack/nodes.js';
import { nodeHealth } from '../stages/node-health.js';
import { isTrue } from '../util/strings.js';
import { parseOpKey } from '../util/opkey.js';
import { TextOutput } from './text.js';
import { formatClone } from '../variants/clone/format.js';
import { formatBundle } from '../variants/bundle/format.js';

export interface StatusOptions {
  /** Show pending operations ("Starting", "(Monitoring)"): crm_simulate's view before scheduling. */
  showPending?: boolean;
  /**
   * Only these resources (crm_mon --resource; ids or configured ids): a collective resource that
   * is not named itself shows only its named parts (bundles so far).
   */
  onlyResources?: ReadonlySet<string>;
  /** Show the resources a bundle makes implicitly, replica by replica (crm_mon --show-detail). */
  showImplicit?: boolean;
}

const EXIT_TEXT: Record<number, string> = {
  0: 'OK',
  1: 'Error occurred',
  2: 'Invalid parameter',
  3: 'Unimplemented',
  4: 'Insufficient privileges',
  5: 'Not installed',
  6: 'Not configured',
  7: 'Not running',
  8: 'Promoted',
  9: 'Failed in promoted role',
};

/** Pacemaker's crm_exit_str for the OCF range. */
export function exitText(rc: number): string {
  return EXIT_TEXT[rc] ?? 'Unknown exit status';
}

function nodeTextStatus(node: Node): string {
  if (node.unclean) {
    if (node.online) return 'UNCLEAN (online)';
    if (node.pending) return 'UNCLEAN (pending)';
    return 'UNCLEAN (offline)';
  }
  if (node.pending) return 'pending';
  if (node.standbyOnFail && node.online) return 'standby (on-fail)';
  if (node.standby) {
    if (node.online) return node.runningRsc.length ? 'standby (with active resources)' : 'standby';
    return 'OFFLINE (standby)';
  }
  if (node.maintenance) return node.online ? 'maintenance' : 'OFFLINE (maintenance)';
  if (node.online) return 'online';
  return 'OFFLINE';
}

function nodeList(ws: WorkingSet, out: TextOutput): void {
  let started = false;
  const online: string[] = [];
  const offline: string[] = [];
  const remoteOnline: string[] = [];
  const remoteOffline: string[] = [];
  const guestOnline: string[] = [];
  for (const node of ws.nodes) {
    if (!started) {
      out.beginList('Node List');
      started = true;
    }
    const health = nodeHealth(ws, node);
    if (node.unclean || node.pending || (node.standbyOnFail && node.online) || node.standby || node.maintenance || health <= 0) {
      let text = `${isGuestNode(node) ? 'GuestNode' : isRemoteNode(node) ? 'RemoteNode' : 'Node'} ${node.uname}: ${nodeTextStatus(node)}`;
      if (health < 0) text += ' (health is RED)';
      else if (health === 0) text += ' (health is YELLOW)';
      out.listItem(text);
    } else if (node.online) {
      if (isGuestNode(node)) guestOnline.push(node.uname);
      else if (isRemoteNode(node)) remoteOnline.push(node.uname);
      else online.push(node.uname);
    } else if (isRemoteNode(node)) {
      remoteOffline.push(node.uname);
    } else if (!isGuestNode(node)) {
      offline.push(node.uname);
    }
  }
  if (online.length) out.listItem(`[ ${online.join(' ')} ]`, 'Online');
  if (offline.length) out.listItem(`[ ${offline.join(' ')} ]`, 'OFFLINE');
  if (remoteOnline.length) out.listItem(`[ ${remoteOnline.join(' ')} ]`, 'RemoteOnline');
  if (remoteOffline.length) out.listItem(`[ ${remoteOffline.join(' ')} ]`, 'RemoteOFFLINE');
  if (guestOnline.length) out.listItem(`[ ${guestOnline.join(' ')} ]`, 'GuestOnline');
  if (started) out.endList();
}

function pendingState(rsc: Resource): string | undefined {
  switch (rsc.pendingTask) {
    case 'start':
      return 'Starting';
    case 'stop':
      return 'Stopping';
    case 'migrate_to':
    case 'migrate_from':
      return 'Migrating';
    case 'promote':
      return 'Promoting';
    case 'demote':
      return 'Demoting';
    default:
      return undefined;
  }
}

function displayableRole(rsc: Resource): RoleN {
  if (rsc.role === Role.started && topResource(rsc).promotable) return Role.unpromoted;
  return rsc.role;
}

/** A failed probe that only means the resource cannot run on that node (Not installed, …). */
export function failedProbeFor(rsc: Resource, nodeName: string | undefined): { rc: number } | undefined {
  const parent = topResource(rsc);
  let rscId = rsc.id;
  if (rsc.variant === 'clone') rscId = rsc.children[0]?.xml.get('id') ?? rsc.id;
  else if (parent.variant === 'clone') rscId = parent.children[0]?.xml.get('id') ?? rsc.id;
  for (const f of rsc.cluster.failed) {
    const xml = f.xml;
    if (xml.get('operation') !== 'monitor' || (Number.parseInt(xml.get('interval') ?? '0', 10) || 0) !== 0) continue;
    const rc = Number.parseInt(xml.get('rc-code') ?? '0', 10) || 0;
    const status = Number.parseInt(xml.get('op-status') ?? '0', 10) || 0;
    if (!(rc === 5 || rc === 2 || status === 7)) continue;
    const target = xml.get('on_node');
    if (target === undefined || (nodeName !== undefined && target.toLowerCase() !== nodeName.toLowerCase())) continue;
    const key = xml.get('operation_key') ?? xml.get('id') ?? '';
    if (parseOpKey(key)?.rscId !== rscId) continue;
    return { rc };
  }
  return undefined;
}

/** One primitive's line (Pacemaker's pcmk__native_output_string). */
/**
 * A primitive's status line. `shown` replaces the name and node (a bundle replica shows its
 * instance under the replica's name, on its container's host).
 */
export function primitiveLine(rsc: Resource, options: StatusOptions, shown?: { name: string; node: Node | undefined }): string {
  let node = shown !== undefined ? shown.node : (currentNode(rsc) ?? rsc.pendingNode);
  const cls = rsc.xml.get('class') ?? 'unknown';
  const provider = cls.toLowerCase() === 'ocf' ? rsc.xml.get('provider') : undefined;
  const kind = rsc.xml.get('type') ?? 'unknown';
  if (node === undefined && rsc.lockNode !== undefined) node = rsc.lockNode;
  const multiple = rsc.runningOn.length > 1;
  if (multiple) node = undefined;
  let s = `${shown?.name ?? printableId(rsc)}\t(${cls}${provider !== undefined ? `:${provider}` : ''}:${kind}):\t`;
  if (rsc.orphan) s += ' ORPHANED';
  if (rsc.failed) {
    const role = displayableRole(rsc);
    s += ' FAILED';
    if (role > Role.unpromoted) s += ` ${roleText(role)}`;
  } else {
    const state = (options.showPending ? pendingState(rsc) : undefined) ?? roleText(displayableRole(rsc));
    s += ` ${state}`;
  }
  if (node !== undefined) s += ` ${node.uname}`;
  if (displayableRole(rsc) === Role.stopped) {
    const probe = failedProbeFor(rsc, node?.uname);
    if (probe !== undefined) s += ` (${exitText(probe.rc)}) `;
  }
  const flags: string[] = [];
  if (node !== undefined && !node.online && node.unclean) flags.push('UNCLEAN');
  if (node !== undefined && node === rsc.lockNode) flags.push('LOCKED');
  if (options.showPending && rsc.pendingTask === 'monitor') flags.push('Monitoring');
  const targetRole = rsc.meta.get('target-role');
  if (targetRole !== undefined) {
    const t = parseRoleN(targetRole);
    if (t === Role.stopped) flags.push('disabled');
    else if (topResource(rsc).promotable && t === Role.unpromoted) flags.push(`target-role:${targetRole}`);
  }
  if (rsc.blocked) flags.push('blocked');
  else if (rsc.maintenance) flags.push('maintenance');
  else if (!rsc.managed) flags.push('unmanaged');
  if (rsc.failureIgnored) flags.push('failure ignored');
  if (flags.length) s += ` (${flags.join(', ')})`;
  if (multiple) {
    const desc = rsc.xml.get('description');
    if (desc !== undefined) s += ` ${desc}`;
    s += ` [ ${rsc.runningOn.map((n) => n.uname).join(' ')} ]`;
  }
  return s;
}

/** Writes one resource's status lines; each variant formats itself (a table, like upstream's). */
export type ResourceFormatter = (rsc: Resource, out: TextOutput, options: StatusOptions) => void;

function formatPrimitive(rsc: Resource, out: TextOutput, options: StatusOptions): void {
  if (isTrue(rsc.meta.get('internal_rsc'))) return;
  out.listItem(primitiveLine(rsc, options));
}

function formatGroup(rsc: Resource, out: TextOutput, options: StatusOptions): void {
  const attrs: string[] = [];
  if (isDisabled(rsc)) attrs.push('disabled');
  if (rsc.maintenance) attrs.push('maintenance');
  else if (!rsc.managed) attrs.push('unmanaged');
  let header = false;
  for (const child of rsc.children) {
    if (!header) {
      out.beginList(`Resource Group: ${rsc.id}${attrs.length ? ` (${attrs.join(', ')})` : ''}`);
      header = true;
    }
    formatResource(child, out, options);
  }
  if (header) out.endList();
}

const FORMATTERS: Partial<Record<Resource['variant'], ResourceFormatter>> = {
  primitive: formatPrimitive,
  group: formatGroup,
  clone: formatClone,
  bundle: formatBundle,
};

/** Lets a variant (clones, bundles) add its formatter. */
export function registerFormatter(variant: Resource['variant'], formatter: ResourceFormatter): void {
  FORMATTERS[variant] = formatter;
}

export function formatResource(rsc: Resource, out: TextOutput, options: StatusOptions): void {
  const f = FORMATTERS[rsc.variant];
  if (f === undefined) throw new Error(`no status formatter for ${rsc.variant} resources`);
  f(rsc, out, options);
}

function resourceList(ws: WorkingSet, out: TextOutput, options: StatusOptions, spacer: boolean): void {
  let header = false;
  let any = false;
  for (const rsc of ws.resources) {
    const active = rsc.methods.active(rsc, true);
    if (rsc.orphan && !active) continue;
    if (!header) {
      if (spacer) out.spacer();
      out.beginList('Full List of Resources');
      header = true;
    }
    formatResource(rsc, out, options);
    any = true;
  }
  if (!any) {
    if (!header) {
      if (spacer) out.spacer();
      out.beginList('Full List of Resources');
      header = true;
    }
    out.listItem('No resources');
  }
  if (header) out.endList();
}

/**
 * The node and resource sections of the cluster status into `out` (at its current nesting):
 * Pacemaker's cluster-status message with the nodes and resources sections.
 */
export function writeClusterStatus(ws: WorkingSet, out: TextOutput, options: StatusOptions = {}): void {
  nodeList(ws, out);
  resourceList(ws, out, options, ws.nodes.length > 0);
}

/** The "Node List / Full List of Resources" text of an unpacked cluster, crm_mon's layout. */
export function formatClusterStatus(ws: WorkingSet, options: StatusOptions = {}): string {
  const out = new TextOutput(true);
  writeClusterStatus(ws, out, options);
  return out.text();
}

export { nodeTextStatus };
