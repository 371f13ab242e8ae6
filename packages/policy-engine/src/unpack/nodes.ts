// Nodes: the configured <node> entries, then their state from <node_state> (membership, expected
// state, transient attributes), as Pacemaker's unpack_nodes and unpack_node_state do.

import { ruleTime } from '../util/rules.js';
import { INFINITY, MINUS_INFINITY, type Score, type XmlElement } from '@hacluster/cib';
import { Discover, type Node, type NodeType, type WorkingSet } from '../model/types.js';
import { unpackNvpairs } from '../util/nvpairs.js';
import { char2score } from '../util/score.js';
import { isTrue, numericStrcasecmp, toBoolean } from '../util/strings.js';
import { clusterOption } from './config.js';
import { fenceNode } from './fence.js';

export function newNode(id: string, uname: string, type: NodeType, weight: Score): Node {
  const attrs = new Map<string, string>();
  attrs.set('#kind', type === 'remote' ? 'remote' : 'cluster');
  return {
    id,
    uname,
    type,
    index: 0,
    online: false,
    unclean: false,
    unseen: false,
    pending: false,
    standby: false,
    standbyOnFail: false,
    maintenance: false,
    shutdown: false,
    expectedUp: false,
    isDc: false,
    rscDiscoveryEnabled: true,
    remoteRequiresReset: false,
    remoteWasFenced: false,
    remoteMaintenance: false,
    unpacked: false,
    priority: 0,
    numResources: 0,
    attrs,
    utilization: new Map(),
    runningRsc: [],
    assignedRsc: [],
    remoteRsc: undefined,
    weight,
    fixed: false,
    digestCache: new Map(),
    discoverMode: Discover.always,
  };
}

/** Adds a node, keeping the list sorted by name (a new node goes before an equal name). */
export function addNode(ws: WorkingSet, node: Node): void {
  const nodes = ws.nodes;
  let i = 0;
  while (i < nodes.length && numericStrcasecmp(node.uname, nodes[i]!.uname) > 0) i++;
  nodes.splice(i, 0, node);
  for (let k = i; k < nodes.length; k++) nodes[k]!.index = k;
  if (!ws.nodeById.has(node.id)) ws.nodeById.set(node.id, node);
  const key = node.uname.toLowerCase();
  if (!ws.nodeByUname.has(key)) ws.nodeByUname.set(key, node);
}

/** Pacemaker's pe_find_node: by name, case-insensitively. */
export function findNode(ws: WorkingSet, uname: string | undefined): Node | undefined {
  return uname === undefined ? undefined : ws.nodeByUname.get(uname.toLowerCase());
}

/** Pacemaker's pe_find_node_any: by id first, then by name. */
export function findNodeAny(ws: WorkingSet, id: string | undefined, uname: string | undefined): Node | undefined {
  return (id !== undefined ? ws.nodeById.get(id) : undefined) ?? findNode(ws, uname);
}

export function isGuestOrRemote(node: Node): boolean {
  return node.type === 'remote';
}

export function isGuestNode(node: Node): boolean {
  return node.type === 'remote' && node.remoteRsc?.container !== undefined;
}

export function isRemoteNode(node: Node): boolean {
  return node.type === 'remote' && (node.remoteRsc === undefined || node.remoteRsc.container === undefined);
}

export function handleStartupFencing(ws: WorkingSet, node: Node): void {
  if (node.type === 'remote' && node.remoteRsc === undefined) return;
  node.unclean = ws.flags.startupFencing;
  node.unseen = true;
}

/** The built-in and configured attributes of a node (Pacemaker's add_node_attrs). */
export function addNodeAttrs(ws: WorkingSet, xml: XmlElement | undefined, node: Node, overwrite: boolean): void {
  node.attrs.set('#uname', node.uname);
  node.attrs.set('#id', node.id);
  if (ws.dcUuid !== undefined && ws.dcUuid.toLowerCase() === node.id.toLowerCase()) {
    ws.dcNode = node;
    node.isDc = true;
    node.attrs.set('#is_dc', 'true');
  } else {
    node.attrs.set('#is_dc', 'false');
  }
  const clusterName = clusterOption(ws, 'cluster-name');
  if (clusterName !== undefined) node.attrs.set('#cluster-name', clusterName);
  unpackNvpairs(xml, 'instance_attributes', ruleTime(ws), node.attrs, ws.idIndex, {
    overwrite,
  });
  // utilization from the status section does not replace the configured capacity
  unpackNvpairs(xml, 'utilization', ruleTime(ws), node.utilization, ws.idIndex);
  if (!node.attrs.has('#site-name')) {
    const site = node.attrs.get('site-name') ?? clusterName;
    if (site !== undefined) node.attrs.set('#site-name', site);
  }
}

/** The configured nodes (Pacemaker's unpack_nodes). */
export function unpackNodes(ws: WorkingSet, section: XmlElement | undefined): void {
  if (!section) return;
  for (const el of section.elements('node')) {
    const id = el.get('id');
    if (id === undefined) continue;
    const typeText = el.get('type');
    const t = typeText?.toLowerCase();
    const type: NodeType = t === undefined || t === 'member' ? 'member' : t === 'remote' ? 'remote' : 'ping';
    if (type === 'remote') ws.flags.haveRemoteNodes = true;
    const node = newNode(id, el.get('uname') ?? id, type, char2score(el.get('score')));
    addNode(ws, node);
    handleStartupFencing(ws, node);
    addNodeAttrs(ws, el, node, false);
  }
}

export function shutdownRequested(node: Node): boolean {
  const v = node.attrs.get('shutdown');
  return v !== undefined && v !== '0';
}

/** The node_state's transient attributes, then standby and maintenance from them. */
function unpackTransientAttributes(ws: WorkingSet, state: XmlElement, node: Node): void {
  addNodeAttrs(ws, state.first('transient_attributes'), node, true);
  if (isTrue(node.attrs.get('standby'))) node.standby = true;
  if (isTrue(node.attrs.get('maintenance'))) node.maintenance = true;
}

/**
 * When the node became a cluster member (in_ccm): an epoch time as DCs from 2.1.7 write it, or a
 * boolean as older DCs wrote it (true counts as "now"). 0 when not a member, -1 when unknown.
 */
function whenMember(ws: WorkingSet, value: string | undefined): number {
  if (value === undefined) return -1;
  const b = toBoolean(value);
  if (b !== undefined) return b ? ws.now : 0;
  if (!/^[+-]?[0-9]+/.test(value.trim())) return -1;
  const n = Number.parseInt(value, 10);
  return n < 0 ? -1 : n;
}

/** When the node's controller joined the process group (crmd): epoch time, 1 for "online", or 0. */
function whenOnline(value: string | undefined): number {
  if (value === undefined || value.toLowerCase() === 'offline') return 0;
  if (value.toLowerCase() === 'online') return 1;
  if (!/^[+-]?[0-9]+/.test(value.trim())) return 0;
  const n = Number.parseInt(value, 10);
  return n < 0 ? 0 : n;
}

/** The node's "terminate" attribute: a boolean or an epoch time. */
function terminationRequested(node: Node): boolean {
  const value = node.attrs.get('terminate');
  if (value === undefined) return false;
  const b = toBoolean(value);
  if (b !== undefined) return b;
  if (!/^[+-]?[0-9]+/.test(value.trim())) return false;
  return Number.parseInt(value, 10) > 0;
}

function onlineWithoutFencing(ws: WorkingSet, state: XmlElement, node: Node): boolean {
  const join = state.get('join');
  const member = whenMember(ws, state.get('in_ccm'));
  if (member <= 0) return false;
  if (whenOnline(state.get('crmd')) > 0) return join?.toLowerCase() === 'member';
  if (!node.expectedUp) return false;
  fenceNode(ws, node, 'peer is unexpectedly down', false);
  return false;
}

/** Whether a pending node has been pending longer than node-pending-timeout. */
function pendingTooLong(ws: WorkingSet, member: number, online: number): boolean {
  if (ws.nodePendingTimeout > 0 && member > 0 && online <= 0) {
    const timeout = member + ws.nodePendingTimeout;
    if (ws.now >= timeout) return true;
    if (timeout > ws.now && (ws.recheckBy === 0 || ws.recheckBy > timeout)) ws.recheckBy = timeout;
  }
  return false;
}

function onlineWithFencing(ws: WorkingSet, state: XmlElement, node: Node): boolean {
  const terminate = terminationRequested(node);
  const join = state.get('join');
  const expState = state.get('expected');
  const member = whenMember(ws, state.get('in_ccm'));
  const online = whenOnline(state.get('crmd'));
  if (node.shutdown) return online > 0;
  if (member < 0) {
    fenceNode(ws, node, 'peer has not been seen by the cluster', false);
    return false;
  }
  if (join === 'banned') {
    fenceNode(ws, node, 'peer failed Pacemaker membership criteria', false);
  } else if (terminate) {
    if (member <= 0 && online <= 0 && join === 'down') return false;
    fenceNode(ws, node, 'fencing was requested', false);
  } else if (expState === undefined || expState === 'down') {
    if (pendingTooLong(ws, member, online)) {
      fenceNode(ws, node, 'peer pending timed out on joining the process group', false);
    } else if (member > 0 || online > 0) {
      node.standby = true;
      node.pending = true;
    }
  } else if (member <= 0) {
    fenceNode(ws, node, 'peer is no longer part of the cluster', true);
  } else if (online <= 0) {
    fenceNode(ws, node, 'peer process is no longer available', false);
  } else if (join === 'member') {
    // online and a full member
  } else if (join === 'pending' || join === 'down') {
    node.standby = true;
    node.pending = true;
  } else {
    fenceNode(ws, node, 'peer was in an unknown state', false);
  }
  return member > 0;
}

/** Pacemaker's determine_online_status. */
export function determineOnlineStatus(ws: WorkingSet, state: XmlElement, node: Node): void {
  node.shutdown = false;
  node.expectedUp = false;
  if (shutdownRequested(node)) node.shutdown = true;
  else if (state.get('expected')?.toLowerCase() === 'member') node.expectedUp = true;
  let online: boolean;
  if (node.type === 'ping') {
    node.unclean = false;
    online = false;
  } else if (!ws.flags.stonithEnabled) {
    online = onlineWithoutFencing(ws, state, node);
  } else {
    online = onlineWithFencing(ws, state, node);
  }
  if (online) {
    node.online = true;
  } else {
    node.fixed = true;
    node.weight = MINUS_INFINITY;
  }
  if (online && node.shutdown) {
    node.fixed = true;
    node.weight = MINUS_INFINITY;
  }
}

/** One <node_state> (Pacemaker's unpack_node_state): everything but its resource history. */
export function unpackNodeState(ws: WorkingSet, state: XmlElement): void {
  const id = state.get('id');
  const uname = state.get('uname');
  if (id === undefined) return;
  // A joining peer's entry may lack a uname until it joins the process group: it is found by id.
  const node = findNodeAny(ws, id, uname);
  if (!node) return;
  if (isGuestOrRemote(node)) {
    node.remoteWasFenced = (Number.parseInt(state.get('node_fenced') ?? '0', 10) || 0) !== 0;
    return;
  }
  unpackTransientAttributes(ws, state, node);
  node.unclean = false;
  node.unseen = false;
  determineOnlineStatus(ws, state, node);
  if (!ws.flags.haveQuorum && node.online && ws.noQuorumPolicy === 'suicide') {
    fenceNode(ws, node, 'cluster does not have quorum', false);
  }
}

export { INFINITY };
