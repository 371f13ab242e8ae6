// Resources from <resources> (Pacemaker's pe__unpack_resource and the variants' unpack
// functions): templates expanded, meta-attributes resolved (own sets, the parents', rsc_defaults),
// flags and numbers read from them, members of groups and clones unpacked below their parent.

import { ruleTime } from '../util/rules.js';
import { INFINITY, XmlElement, type Score } from '@hacluster/cib';
import { parseIntervalSpec } from '../util/interval.js';
import { Role, parseRoleN, type RoleN } from '../model/role.js';
import type { RecoveryType, Resource, Variant, WorkingSet } from '../model/types.js';
import { unpackNvpairs } from '../util/nvpairs.js';
import { char2score } from '../util/score.js';
import { eqCase, isTrue, toBoolean } from '../util/strings.js';
import { expandIdref } from '../util/xml.js';
import { methodsFor } from '../variants/registry.js';
import { resourceLocation } from '../constraints/resource-location.js';
import { resourceParams } from './params.js';
import { topResource } from './resource-helpers.js';
import { linkRemoteConnection } from './remote.js';

function variantOf(name: string): Variant | undefined {
  switch (name) {
    case 'primitive':
      return 'primitive';
    case 'group':
      return 'group';
    case 'clone':
    case 'master':
      return 'clone';
    case 'bundle':
      return 'bundle';
    default:
      return undefined;
  }
}

/** Is this the primitive of a Pacemaker Remote connection (ocf:pacemaker:remote)? */
export function containsRemoteNode(xml: XmlElement): boolean {
  return (
    xml.name === 'primitive' &&
    eqCase(xml.get('class'), 'ocf') &&
    eqCase(xml.get('provider'), 'pacemaker') &&
    eqCase(xml.get('type'), 'remote')
  );
}

function templateOpKey(op: XmlElement): string {
  let role = op.get('role');
  if (role === undefined || eqCase(role, 'Started') || eqCase(role, 'Unpromoted') || eqCase(role, 'Slave')) role = 'Unknown';
  return `${op.get('name')}-${role}`;
}

/**
 * A primitive based on a template, as Pacemaker expands it: the template's XML renamed to the
 * primitive's id with the primitive's own children added, and the template's operations kept
 * where the primitive does not define the same name and role.
 */
function expandTemplate(ws: WorkingSet, xml: XmlElement): XmlElement | undefined | null {
  const ref = xml.get('template');
  if (ref === undefined) return undefined;
  const id = xml.get('id');
  if (id === undefined || ref === id) return null;
  const template = ws.templates.get(ref);
  if (template === undefined) return null;
  const copy = template.clone();
  copy.name = xml.name;
  copy.set('id', id);
  const incarnation = xml.get('clone');
  if (incarnation !== undefined) copy.set('clone', incarnation);
  const templateOps = copy.first('operations');
  let rscOps: XmlElement | undefined;
  for (const c of xml.elements()) {
    const child = c.clone();
    copy.children.push(child);
    child.parent = copy;
    if (child.name === 'operations') rscOps = child;
  }
  if (templateOps && rscOps) {
    const own = new Set(rscOps.elements().map(templateOpKey));
    for (const op of templateOps.elements()) {
      if (!own.has(templateOpKey(op))) {
        const c = op.clone();
        rscOps.children.push(c);
        c.parent = rscOps;
      }
    }
    copy.children = copy.children.filter((c) => c !== templateOps);
  }
  const list = ws.templateRscSets.get(ref) ?? [];
  if (!list.includes(id)) list.push(id);
  ws.templateRscSets.set(ref, list);
  return copy;
}

function opsOf(ws: WorkingSet, xml: XmlElement): XmlElement[] {
  const ops = xml.first('operations');
  if (!ops) return [];
  const expanded = expandIdref(ops, ws.idIndex) ?? ops;
  return expanded.elements('op');
}

function addIfAbsent(into: Map<string, string>, name: string, value: string): void {
  if (!into.has(name)) into.set(name, value);
}

/** Meta-attributes in force (Pacemaker's get_meta_attributes). */
function metaAttributes(ws: WorkingSet, xml: XmlElement, parent: Resource | undefined): Map<string, string> {
  const meta = new Map<string, string>();
  const ctx = {
    ...ruleTime(ws),
    resourceAgent: { class: xml.get('class'), provider: xml.get('provider'), type: xml.get('type') },
  };
  const a = xml.attrs;
  for (let i = 0; i < a.length; i += 2) addIfAbsent(meta, a[i]!, a[i + 1]!);
  unpackNvpairs(xml, 'meta_attributes', ctx, meta, ws.idIndex);
  if (parent !== undefined) {
    const parentOrig = new Map<string, string>();
    for (let p: Resource | undefined = parent; p !== undefined; p = p.parent) {
      unpackNvpairs(p.xml, 'meta_attributes', ctx, parentOrig, ws.idIndex);
    }
    for (const [k, v] of parentOrig) addIfAbsent(meta, k, v);
  }
  unpackNvpairs(ws.rscDefaults, 'meta_attributes', ctx, meta, ws.idIndex);
  if (parent !== undefined) for (const [k, v] of parent.meta) addIfAbsent(meta, k, v);
  return meta;
}

/**
 * Whether a clone (or instance) is globally unique (Pacemaker's detect_unique): as configured,
 * and when globally-unique is not set, whether more than one instance may run per node.
 */
function detectUnique(meta: Map<string, string>): boolean {
  const value = meta.get('globally-unique');
  if (value !== undefined) return isTrue(value);
  const nodeMax = meta.get('clone-node-max');
  if (nodeMax === undefined) return false;
  const m = /^\s*([+-]?\d+)/.exec(nodeMax);
  return m !== null && Number(m[1]) > 1;
}

/** Pacemaker's get_target_role: the target-role when it restricts the resource. */
export function targetRole(rsc: Resource): RoleN | undefined {
  const value = rsc.meta.get('target-role');
  if (value === undefined || eqCase(value, 'started') || eqCase(value, 'default')) return undefined;
  const role = parseRoleN(value);
  if (role === Role.unknown) return undefined;
  if (role > Role.started) {
    if (!topResource(rsc).promotable || role > Role.unpromoted) return undefined;
  }
  return role;
}

function unpackRequires(rsc: Resource, value: string | undefined): void {
  const ws = rsc.cluster;
  switch (value?.toLowerCase()) {
    case 'nothing':
      return;
    case 'quorum':
      rsc.needsQuorum = true;
      return;
    case 'fencing':
      rsc.needsFencing = true;
      return;
    case 'unfencing':
      if (rsc.fenceDevice || !ws.flags.stonithEnabled) {
        rsc.needsQuorum = true;
      } else {
        rsc.needsFencing = true;
        rsc.needsUnfencing = true;
      }
      return;
  }
  let v: string;
  if (rsc.fenceDevice) v = 'quorum';
  else if (rsc.variant === 'primitive' && containsRemoteNode(rsc.xml)) v = 'quorum';
  else if (ws.flags.enableUnfencing) v = 'unfencing';
  else if (ws.flags.stonithEnabled) v = 'fencing';
  else if (ws.noQuorumPolicy === 'ignore') v = 'nothing';
  else v = 'quorum';
  unpackRequires(rsc, v);
}

function recoveryOf(value: string | undefined): RecoveryType {
  switch (value?.toLowerCase()) {
    case 'stop_only':
      return 'stop_only';
    case 'block':
      return 'block';
    case 'stop_unexpected':
      return 'stop_unexpected';
    default:
      return 'stop_start';
  }
}

function newResource(ws: WorkingSet, xml: XmlElement, id: string, variant: Variant, parent: Resource | undefined): Resource {
  const rsc: Resource = {
    id,
    variant,
    xml,
    parent,
    children: [],
    cluster: ws,
    methods: methodsFor(variant),
    meta: new Map(),
    paramCache: new Map(),
    ops: opsOf(ws, xml),
    utilization: new Map(),
    allowedNodes: new Map(),
    knownOn: new Map(),
    runningOn: [],
    assignedTo: undefined,
    role: Role.stopped,
    nextRole: Role.unknown,
    priority: 0 as Score,
    stickiness: 0 as Score,
    migrationThreshold: INFINITY,
    failureTimeout: 0,
    recoveryType: 'stop_start',
    restartType: 'ignore',
    cloneName: undefined,
    pendingTask: undefined,
    pendingNode: undefined,
    lockNode: undefined,
    lockTime: 0,
    partialMigrationSource: undefined,
    partialMigrationTarget: undefined,
    danglingMigrations: [],
    exclusiveDiscover: false,
    isRemoteNode: false,
    container: undefined,
    fillers: [],
    remoteReconnectMs: 0,
    orphan: false,
    managed: false,
    blocked: false,
    failed: false,
    stopNeeded: false,
    provisional: true,
    allocating: false,
    merging: false,
    runnable: true,
    starting: false,
    stopping: false,
    restarting: false,
    reload: false,
    failureIgnored: false,
    notify: false,
    unique: false,
    promotable: false,
    critical: false,
    fenceDevice: false,
    needsFencing: false,
    needsQuorum: false,
    needsUnfencing: false,
    maintenance: false,
    allowMigrate: false,
    startPending: false,
    stopUnexpected: false,
    orphanContainerFiller: false,
    isContainer: false,
    allowRemoteRemotes: false,
    thisWith: [],
    withThis: [],
    locations: [],
    actions: [],
    actionsByKey: new Map(),
    opConfigCache: new Map(),
    ticketConstraints: [],
    groupOrdered: true,
    groupColocated: true,
    clone: undefined,
    bundle: undefined,
  };
  return rsc;
}

export type UnpackResult = { ok: true; rsc: Resource } | { ok: false; reason: string };

/** One resource and everything below it (Pacemaker's pe__unpack_resource). */
export function unpackResource(ws: WorkingSet, original: XmlElement, parent: Resource | undefined): Resource | undefined {
  const configuredId = original.get('id');
  if (configuredId === undefined) return undefined;
  const expanded = expandTemplate(ws, original);
  if (expanded === null) return undefined;
  const xml = expanded ?? original;
  const variant = variantOf(xml.name);
  if (variant === undefined) return undefined;
  const incarnation = xml.get('clone');
  const id = incarnation !== undefined ? `${configuredId}:${incarnation}` : configuredId;
  const rsc = newResource(ws, xml, id, variant, parent);
  rsc.meta = metaAttributes(ws, xml, parent);
  if (incarnation !== undefined) addIfAbsent(rsc.meta, 'clone', incarnation);
  resourceParams(rsc, undefined);
  if (!ws.flags.maintenanceMode) rsc.managed = true;
  const meta = rsc.meta;
  rsc.priority = char2score(meta.get('priority'));
  const critical = meta.get('critical');
  rsc.critical = critical === undefined || isTrue(critical);
  rsc.notify = isTrue(meta.get('notify'));
  let remoteNode = false;
  if (containsRemoteNode(xml)) {
    rsc.isRemoteNode = true;
    if (meta.get('container') === undefined) remoteNode = true;
  }
  const allowMigrate = meta.get('allow-migrate');
  if (isTrue(allowMigrate) || (allowMigrate === undefined && remoteNode)) rsc.allowMigrate = true;
  const managed = meta.get('is-managed');
  if (managed !== undefined && !eqCase(managed, 'default')) rsc.managed = isTrue(managed);
  if (isTrue(meta.get('maintenance')) || ws.flags.maintenanceMode) {
    rsc.managed = false;
    rsc.maintenance = true;
  }
  const top = parent === undefined ? rsc : topResource(parent);
  // (a bundle's clone is a clone in its own right: the bundle is not a clone)
  if (top.variant === 'clone' || (variant === 'clone' && (parent === undefined || parent.variant === 'bundle'))) {
    if (detectUnique(meta)) rsc.unique = true;
    if (isTrue(meta.get('promotable')) || xml.name === 'master') {
      if (!isTrue(meta.get('promotable'))) meta.set('promotable', 'true');
      rsc.promotable = true;
    }
  } else {
    rsc.unique = true;
  }
  rsc.restartType = eqCase(meta.get('restart-type'), 'restart') ? 'restart' : 'ignore';
  rsc.recoveryType = recoveryOf(meta.get('multiple-active'));
  const stickiness = meta.get('resource-stickiness');
  if (stickiness !== undefined && !eqCase(stickiness, 'default')) rsc.stickiness = char2score(stickiness);
  const threshold = meta.get('migration-threshold');
  if (threshold !== undefined && !eqCase(threshold, 'default')) {
    rsc.migrationThreshold = char2score(threshold);
    if (rsc.migrationThreshold < 0) rsc.migrationThreshold = 1 as Score;
  }
  if (eqCase(xml.get('class'), 'stonith')) {
    ws.flags.haveStonithResource = true;
    rsc.fenceDevice = true;
  }
  unpackRequires(rsc, meta.get('requires'));
  const failureTimeout = meta.get('failure-timeout');
  if (failureTimeout !== undefined) rsc.failureTimeout = Math.floor(parseIntervalSpec(failureTimeout) / 1000);
  if (remoteNode) {
    const reconnect = resourceParams(rsc, undefined).get('reconnect_interval');
    if (reconnect !== undefined) {
      rsc.remoteReconnectMs = parseIntervalSpec(reconnect);
      rsc.failureTimeout = Math.floor(rsc.remoteReconnectMs / 1000);
    }
  }
  const target = targetRole(rsc);
  if (target !== undefined) rsc.nextRole = target;
  if (!rsc.methods.unpack(rsc)) return undefined;
  if (ws.flags.symmetricCluster) {
    resourceLocation(rsc, undefined, 0 as Score, 'symmetric_default');
  } else if (rsc.isRemoteNode && !remoteNode) {
    resourceLocation(rsc, undefined, 0 as Score, 'remote_connection_default');
  }
  unpackNvpairs(xml, 'utilization', ruleTime(ws), rsc.utilization, ws.idIndex);
  registerResource(ws, rsc);
  return rsc;
}

function registerResource(ws: WorkingSet, rsc: Resource): void {
  if (!ws.resourceById.has(rsc.id)) ws.resourceById.set(rsc.id, rsc);
}

/** The configured resources, in priority order (Pacemaker's unpack_resources). */
export function unpackResources(ws: WorkingSet, section: XmlElement | undefined, generated: readonly XmlElement[] = []): void {
  if (!section) return;
  for (const el of [...section.elements(), ...generated]) {
    const id = el.get('id');
    if (id === undefined || id === '') continue;
    if (el.name === 'template') {
      if (!ws.templateRscSets.has(id)) ws.templateRscSets.set(id, []);
      continue;
    }
    const rsc = unpackResource(ws, el, undefined);
    if (rsc) ws.resources.push(rsc);
  }
  for (const rsc of ws.resources) {
    setupContainer(ws, rsc);
    linkRemoteConnection(ws, rsc);
  }
  const indexed = ws.resources.map((r, i) => ({ r, i }));
  indexed.sort((a, b) => b.r.priority - a.r.priority || a.i - b.i);
  ws.resources = indexed.map((x) => x.r);
}

function setupContainer(ws: WorkingSet, rsc: Resource): void {
  if (rsc.children.length) {
    for (const c of rsc.children) setupContainer(ws, c);
    return;
  }
  const containerId = rsc.meta.get('container');
  if (containerId !== undefined && !eqCase(containerId, rsc.id)) {
    const container = findResource(ws, containerId);
    if (container) {
      rsc.container = container;
      container.isContainer = true;
      container.fillers.push(rsc);
    }
  }
}

/** Pacemaker's pe_find_resource: a top-level resource or descendant by its id. */
export function findResource(ws: WorkingSet, id: string): Resource | undefined {
  return ws.resourceById.get(id);
}

/** Whether target-role disables the resource (Stopped, or Unpromoted for promotable clones). */
export function isDisabled(rsc: Resource): boolean {
  const value = rsc.meta.get('target-role');
  if (value === undefined) return false;
  const role = parseRoleN(value);
  return role === Role.stopped || (role === Role.unpromoted && topResource(rsc).promotable);
}

/** Counts instances, disabled and blocked ones (for the "DISABLED and BLOCKED" line). */
export function countResource(ws: WorkingSet, rsc: Resource): void {
  if (rsc.children.length) {
    for (const c of rsc.children) countResource(ws, c);
  } else if (!rsc.orphan || rsc.role > Role.stopped) {
    ws.ninstances++;
    if (isDisabled(rsc)) ws.disabledResources++;
    if (rsc.blocked) ws.blockedResources++;
  }
}

export { toBoolean };
