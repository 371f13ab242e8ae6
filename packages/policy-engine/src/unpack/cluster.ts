// Unpacking a CIB into the scheduler's working set (Pacemaker's cluster_status): options, nodes,
// resources, tags, then the status section.

import { buildIdIndex, parseIsoDateTime, type XmlElement } from '@hacluster/cib';
import type { ClusterFlags, WorkingSet } from '../model/types.js';
import { isTrue } from '../util/strings.js';
import { unpackConfig } from './config.js';
import { unpackNodes } from './nodes.js';
import { countResource, unpackResources } from './resources.js';
import { unpackStatus } from './status.js';
import { unpackRemoteNodes } from './remote.js';
import { MINUS_INFINITY, type Score } from '@hacluster/cib';

export interface UnpackOptions {
  /** "Now" in seconds since the epoch; default: the CIB's execution-date, else the clock. */
  now?: number;
  showScores?: boolean;
  showUtilization?: boolean;
  /** crm_simulate's default: secure digests are compared too. */
  sanitized?: boolean;
}

function defaultFlags(): ClusterFlags {
  return {
    haveQuorum: false,
    symmetricCluster: true,
    maintenanceMode: false,
    stonithEnabled: false,
    haveStonithResource: false,
    enableUnfencing: false,
    concurrentFencing: false,
    stopRscOrphans: true,
    stopActionOrphans: true,
    stopEverything: false,
    startFailureFatal: false,
    removeAfterStop: false,
    startupFencing: false,
    shutdownLock: false,
    startupProbes: false,
    haveRemoteNodes: false,
    sanitized: false,
    showScores: false,
    showUtilization: false,
  };
}

/** The effective "now": an explicit time, else the CIB's execution-date, else the clock. */
export function effectiveNow(root: XmlElement, explicit?: number): number {
  if (explicit !== undefined) return explicit;
  const exec = root.get('execution-date');
  if (exec !== undefined && /^\s*[0-9]+/.test(exec)) {
    const n = Number.parseInt(exec, 10);
    if (n > 0) return n;
  }
  return Math.floor(Date.now() / 1000);
}

/** Parses a -t/--set-datetime value (ISO 8601); undefined if it is not a date. */
export function parseUseDate(text: string): number | undefined {
  return parseIsoDateTime(text)?.epoch;
}

function configSection(root: XmlElement, name: string): XmlElement | undefined {
  return root.first('configuration')?.first(name);
}

export function newWorkingSet(root: XmlElement, options: UnpackOptions = {}): WorkingSet {
  const flags = defaultFlags();
  flags.showScores = options.showScores ?? false;
  flags.showUtilization = options.showUtilization ?? false;
  flags.sanitized = options.sanitized ?? false;
  return {
    input: root,
    now: effectiveNow(root, options.now),
    nowOffset: 0,
    flags,
    options: new Map(),
    noQuorumPolicy: 'stop',
    stonithAction: 'reboot',
    placementStrategy: 'default',
    priorityFencingDelay: 0,
    shutdownLockLimit: 0,
    nodeHealth: { red: MINUS_INFINITY, yellow: 0 as Score, green: 0 as Score },
    dcUuid: root.get('dc-uuid'),
    dcNode: undefined,
    nodes: [],
    nodeById: new Map(),
    nodeByUname: new Map(),
    resources: [],
    resourceById: new Map(),
    templates: new Map(),
    tickets: new Map(),
    ticketConstraints: [],
    templateRscSets: new Map(),
    tags: new Map(),
    idIndex: buildIdIndex(root),
    opDefaults: configSection(root, 'op_defaults'),
    rscDefaults: configSection(root, 'rsc_defaults'),
    failed: [],
    stopNeeded: [],
    recheckBy: 0,
    ruleChange: { epoch: undefined },
    nodePendingTimeout: 0,
    ninstances: 0,
    disabledResources: 0,
    blockedResources: 0,
    actions: [],
    nextActionId: 1,
    singletons: new Map(),
    nodeActionsByKey: new Map(),
    orderings: [],
    nextOrderingId: 1,
    colocations: [],
    locations: [],
    paramChecks: [],
    trace: { lines: [] },
  };
}

function unpackTags(ws: WorkingSet, section: XmlElement | undefined): void {
  if (!section) return;
  for (const tag of section.elements('tag')) {
    const id = tag.get('id');
    if (id === undefined) continue;
    const refs = ws.tags.get(id) ?? [];
    for (const ref of tag.elements('obj_ref')) {
      const r = ref.get('id');
      if (r !== undefined && !refs.includes(r)) refs.push(r);
    }
    ws.tags.set(id, refs);
  }
}

/** Unpacks the whole CIB (Pacemaker's cluster_status). */
export function unpackCluster(root: XmlElement, options: UnpackOptions = {}): WorkingSet {
  const ws = newWorkingSet(root, options);
  ws.flags.haveQuorum = isTrue(root.get('have-quorum'));
  const resources = configSection(root, 'resources');
  if (resources) for (const t of resources.elements('template')) if (t.get('id') !== undefined) ws.templates.set(t.get('id')!, t);
  unpackConfig(ws, configSection(root, 'crm_config'), resources);
  unpackNodes(ws, configSection(root, 'nodes'));
  const guestConnections = unpackRemoteNodes(ws, resources);
  unpackResources(ws, resources, guestConnections);
  unpackTags(ws, configSection(root, 'tags'));
  unpackStatus(ws, root.first('status'));
  for (const rsc of ws.resources) countResource(ws, rsc);
  return ws;
}
