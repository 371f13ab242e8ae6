// `pcs cluster node add-remote|add-guest|remove-remote|remove-guest`: Pacemaker Remote nodes in
// the CIB. A remote node is an ocf:pacemaker:remote primitive (its id is the node's name, its
// `server` the address); a guest node is a resource (a VM, a container) whose meta-attributes
// name the node running inside it (remote-node, remote-addr, remote-port, remote-connect-timeout).
// On a live cluster pcs also copies the Pacemaker authkey to the node and starts pacemaker_remote
// there; on a CIB file those steps are reported as left to the user, as pcs does with -f.

import type { Cib, XmlElement } from '@hacluster/cib';
import { arrangeFirstNvset, META, nvsetPairs, type Pairs } from '../cib/nvpair.js';
import { findResourceElement, notFoundReport } from '../cib/resource/common.js';
import type { OperationSpec } from '../cib/resource/operations.js';
import { idExists, IdProvider, remove } from '../cib/tools.js';
import type { LibraryEnvironment } from '../env.js';
import { error, forceable, info, LibraryError, type ReportItem } from '../reports/item.js';
import * as v from '../validate.js';
import { agentMetadata } from './agent.js';
import { buildPrimitive } from './resource/create.js';
import { deleteResource } from './resource/remove.js';

export const REMOTE_AGENT = { standard: 'ocf', provider: 'pacemaker', type: 'remote' } as const;

/** The meta-attributes that make a resource a guest node, besides remote-node itself. */
export const GUEST_OPTIONS = ['remote-port', 'remote-addr', 'remote-connect-timeout'];

const primitives = (cib: Cib): XmlElement[] => [...(cib.scope('resources')?.descendants() ?? [])].filter((el) => el.name === 'primitive');

const isRemoteResource = (el: XmlElement) =>
  el.get('class') === REMOTE_AGENT.standard && el.get('provider') === REMOTE_AGENT.provider && el.get('type') === REMOTE_AGENT.type;

const firstValue = (el: XmlElement, tag: string, name: string): string | undefined =>
  el
    .elements(tag)
    .flatMap((s) => nvsetPairs(s))
    .find(([k]) => k === name)?.[1];

const guestName = (el: XmlElement): string | undefined => {
  const name = firstValue(el, META, 'remote-node');
  return name ? name : undefined;
};

interface KnownNode {
  name: string;
  addr: string;
}

/**
 * Nodes the new one must not clash with: cluster nodes of the CIB (pcs would read corosync.conf,
 * which a CIB file does not come with), remote nodes and guest nodes.
 */
function knownNodes(cib: Cib): KnownNode[] {
  const out: KnownNode[] = [];
  for (const n of cib.scope('nodes')?.elements('node') ?? []) {
    const name = n.get('uname');
    if (name && (n.get('type') ?? 'member') === 'member') out.push({ name, addr: name });
  }
  for (const el of primitives(cib)) {
    const id = el.get('id') ?? '';
    if (isRemoteResource(el)) out.push({ name: id, addr: firstValue(el, 'instance_attributes', 'server') || id });
    const guest = guestName(el);
    if (guest) out.push({ name: guest, addr: firstValue(el, META, 'remote-addr') ?? guest });
  }
  return out;
}

function skippedOnFile(env: LibraryEnvironment, node: string, adding: boolean): void {
  env.reports.report(info({ code: 'REMOTE_NODE_STEPS_LEFT_TO_USER', node, adding }));
}

/** The address defaults to the node's name (pcs would look in pcsd's known hosts first). */
function defaultAddress(env: LibraryEnvironment, node: string, given: string | undefined): string {
  if (given !== undefined) return given;
  env.reports.report(info({ code: 'USING_DEFAULT_ADDRESS_FOR_HOST', node, address: node }));
  return node;
}

export interface AddRemoteRequest {
  node: string;
  /** The host pacemaker_remote listens on; the node's name when not given. */
  address?: string | undefined;
  instance: Pairs;
  meta: Pairs;
  operations: OperationSpec[];
  noDefaultOps?: boolean;
  /** --force: unknown options and operations become warnings. */
  force?: boolean;
}

/** `cluster node add-remote NODE [ADDRESS] [options] [op …] [meta …]`. */
export async function nodeAddRemote(env: LibraryEnvironment, req: AddRemoteRequest): Promise<void> {
  const cib = env.getCib('cluster node add-remote');
  const known = knownNodes(cib);
  const address = defaultAddress(env, req.node, req.address);
  const md = await agentMetadata(env, REMOTE_AGENT, req.force ?? false);
  const problems: ReportItem[] = [];
  if (req.instance.some(([k]) => k === 'server')) {
    const allowed = md.parameters.map((p) => p.name).filter((n) => n !== 'server');
    problems.push(error({ code: 'INVALID_OPTIONS', optionNames: ['server'], allowed: allowed.sort(), optionType: 'resource' }));
  }
  const addrUsed = known.some((n) => n.addr === address);
  if (addrUsed) problems.push(error({ code: 'ID_ALREADY_EXISTS', id: address }));
  if ((!addrUsed || address !== req.node) && known.some((n) => n.name === req.node)) problems.push(error({ code: 'ID_ALREADY_EXISTS', id: req.node }));
  env.reports.reportList(problems).throwOnErrors();
  const ids = new IdProvider(cib);
  const instance: [string, string][] = [...req.instance.filter(([k]) => k !== 'server').map(([k, val]) => [k, val] as [string, string]), ['server', address]];
  buildPrimitive(env, cib, ids, { id: req.node, agent: 'ocf:pacemaker:remote', instance, meta: req.meta, operations: req.operations, placement: { kind: 'alone' }, noDefaultOps: req.noDefaultOps ?? false, force: req.force ?? false }, md, 'resource');
  if (!env.isCibLive) skippedOnFile(env, req.node, true);
  env.pushCib(cib);
}

const guestValidator = v.all(
  v.namesIn(GUEST_OPTIONS, 'guest'),
  v.valueTimeInterval('remote-connect-timeout'),
  v.valueIntegerInRange('remote-port', 1, 65535),
);

/** `cluster node add-guest NODE RESOURCE [remote-addr=…] [remote-port=…] [remote-connect-timeout=…]`. */
export function nodeAddGuest(env: LibraryEnvironment, req: { node: string; resource: string; options: Pairs }): void {
  const cib = env.getCib('cluster node add-guest');
  const known = knownNodes(cib);
  const options = Object.fromEntries(req.options);
  options['remote-addr'] = defaultAddress(env, req.node, options['remote-addr']);
  const problems: ReportItem[] = [...guestValidator(options)];
  if (!req.node.trim()) problems.push(error({ code: 'INVALID_OPTION_VALUE', optionName: 'node name', optionValue: req.node, allowedValues: [], cannotBeEmpty: true }));
  const clashes = new Set<string>();
  if (idExists(cib, req.node) || known.some((n) => n.name === req.node)) clashes.add(req.node);
  if (known.some((n) => n.addr === options['remote-addr'])) clashes.add(options['remote-addr']);
  for (const id of clashes) problems.push(error({ code: 'ID_ALREADY_EXISTS', id }));
  const resource = findResourceElement(cib, req.resource, ['primitive']);
  if (!resource) problems.push(notFoundReport(cib, req.resource, ['primitive']));
  else if (guestName(resource) !== undefined) problems.push(error({ code: 'RESOURCE_IS_GUEST_NODE_ALREADY', id: req.resource }));
  env.reports.reportList(problems).throwOnErrors();
  const meta: [string, string][] = [['remote-node', req.node], ...GUEST_OPTIONS.filter((k) => options[k]).map((k) => [k, options[k]!] as [string, string])];
  arrangeFirstNvset(META, resource!, meta, new IdProvider(cib));
  if (!env.isCibLive) skippedOnFile(env, req.node, true);
  env.pushCib(cib);
}

/** The resources that stand for the node: more than one only with --force. */
function toRemove(env: LibraryEnvironment, found: XmlElement[], identifier: string, kind: 'remote' | 'guest', force: boolean): XmlElement[] {
  if (!found.length) throw new LibraryError(error({ code: 'REMOTE_NODE_NOT_FOUND', node: identifier, kind }));
  if (found.length > 1) {
    const ids = found.map((el) => el.get('id') ?? '');
    env.reports.report(forceable({ code: 'MULTIPLE_RESULTS_FOUND', kind: 'resource', ids, search: identifier }, force)).throwOnErrors();
  }
  return found;
}

/** `cluster node remove-remote NODE`: the node's resource goes, with its constraints. */
export function nodeRemoveRemote(env: LibraryEnvironment, identifier: string, force: boolean): void {
  const cib = env.getCib('cluster node remove-remote');
  const found = primitives(cib).filter((el) => isRemoteResource(el) && (el.get('id') === identifier || firstValue(el, 'instance_attributes', 'server') === identifier));
  const resources = toRemove(env, found, identifier, 'remote', force);
  const names = [...new Set(resources.map((el) => el.get('id') ?? ''))].sort();
  if (!env.isCibLive) for (const n of names) skippedOnFile(env, n, false);
  for (const el of resources) deleteResource(env, cib, { id: el.get('id') ?? '' });
  env.pushCib(cib);
}

/**
 * `cluster node remove-guest NODE`: the resource stays, without its guest meta-attributes (their
 * set stays too, even empty: ACLs may allow changing nvpairs but not sets).
 */
export function nodeRemoveGuest(env: LibraryEnvironment, identifier: string, force: boolean): void {
  const cib = env.getCib('cluster node remove-guest');
  const found = primitives(cib).filter((el) => {
    const name = guestName(el);
    if (name === undefined) return false;
    return el.get('id') === identifier || name === identifier || firstValue(el, META, 'remote-addr') === identifier;
  });
  const resources = toRemove(env, found, identifier, 'guest', force);
  const names = [...new Set(resources.map((el) => guestName(el) ?? ''))].sort();
  if (!env.isCibLive) for (const n of names) skippedOnFile(env, n, false);
  for (const el of resources) {
    for (const set of el.elements(META)) {
      for (const p of set.elements('nvpair')) if ([...GUEST_OPTIONS, 'remote-node'].includes(p.get('name') ?? '')) remove(p);
    }
  }
  env.pushCib(cib);
}
