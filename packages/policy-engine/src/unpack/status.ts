// The status section (Pacemaker's unpack_status): node states first, then resource histories
// node by node. Histories are unpacked in passes because a remote node's history can only be read
// once its connection resource's state is known.

import type { XmlElement } from '@hacluster/cib';
import { Role } from '../model/role.js';
import type { Node, WorkingSet } from '../model/types.js';
import { stopAction } from '../actions/action.js';
import { addNodeAttrs, findNodeAny, isGuestNode, isGuestOrRemote, isRemoteNode, shutdownRequested, unpackNodeState } from './nodes.js';
import { unpackLrmResource } from './history.js';
import { lrmResources } from './history-index.js';
import { currentNode } from './resource-helpers.js';
import { isTrue } from '../util/strings.js';
import { unpackTicketsState } from './tickets.js';
import { findResource } from './resources.js';

/** Whether a remote node is online, from its connection resource (determine_remote_online_status). */
export function determineRemoteOnlineStatus(node: Node): void {
  const rsc = node.remoteRsc;
  if (rsc === undefined) {
    node.online = false;
    return;
  }
  const container = rsc.container;
  let host: Node | undefined;
  if (container && rsc.runningOn.length === 1) host = rsc.runningOn[0];
  if (rsc.role === Role.started) node.online = true;
  if (rsc.role === Role.started && rsc.nextRole === Role.stopped) node.shutdown = true;
  if (container && container.failed) {
    node.online = false;
    node.remoteRequiresReset = true;
  } else if (rsc.failed) {
    node.online = false;
  } else if (rsc.role === Role.stopped || (container && container.role === Role.stopped)) {
    node.online = false;
    node.remoteRequiresReset = false;
  } else if (host && !host.online && host.unclean) {
    node.online = false;
    node.remoteRequiresReset = true;
  }
}

function unpackHandleRemoteAttrs(ws: WorkingSet, node: Node, state: XmlElement): void {
  node.remoteMaintenance = (Number.parseInt(state.get('node_in_maintenance') ?? '0', 10) || 0) !== 0;
  const rsc = node.remoteRsc;
  if (!node.remoteRequiresReset) {
    node.unclean = false;
    node.unseen = false;
  }
  addNodeAttrsFromState(ws, state, node);
  if (shutdownRequested(node)) node.shutdown = true;
  if (isTrue(node.attrs.get('standby'))) node.standby = true;
  if (isTrue(node.attrs.get('maintenance')) || (rsc !== undefined && !rsc.managed)) node.maintenance = true;
  const discovery = node.attrs.get('resource-discovery-enabled');
  if (discovery !== undefined && !isTrue(discovery)) {
    if (!(isRemoteNode(node) && !ws.flags.stonithEnabled)) node.rscDiscoveryEnabled = false;
  }
}

function addNodeAttrsFromState(ws: WorkingSet, state: XmlElement, node: Node): void {
  addNodeAttrs(ws, state.first('transient_attributes'), node, true);
}

/**
 * Pacemaker's handle_orphaned_container_fillers: a removed resource that ran inside a container
 * (a guest node's connection, say) belongs to that container again.
 */
function mapOrphanedContainerFillers(ws: WorkingSet, entries: readonly XmlElement[]): void {
  for (const entry of entries) {
    const containerId = entry.get('container');
    const rscId = entry.get('id');
    if (containerId === undefined || rscId === undefined) continue;
    const container = findResource(ws, containerId);
    const rsc = findResource(ws, rscId);
    if (container === undefined || rsc === undefined || rsc.container !== undefined || !rsc.orphanContainerFiller) continue;
    rsc.container = container;
    container.fillers.push(rsc);
  }
}

function unpackNodeHistory(ws: WorkingSet, status: XmlElement, fence: boolean): boolean {
  let again = false;
  for (const state of status.elements('node_state')) {
    const id = state.get('id');
    const uname = state.get('uname');
    if (id === undefined) continue;
    const node = findNodeAny(ws, id, uname);
    if (!node || node.unpacked) continue;
    if (fence) {
      // everything left is unpacked in the final pass
    } else if (isGuestNode(node)) {
      const rsc = node.remoteRsc;
      if (!rsc || rsc.role !== Role.started || rsc.container?.role !== Role.started) continue;
    } else if (isRemoteNode(node)) {
      const rsc = node.remoteRsc;
      if (!rsc || (!ws.flags.shutdownLock && rsc.role !== Role.started)) continue;
    } else if (!ws.flags.stonithEnabled && !ws.flags.shutdownLock && !node.online) {
      continue;
    }
    if (isGuestOrRemote(node)) {
      determineRemoteOnlineStatus(node);
      unpackHandleRemoteAttrs(ws, node, state);
    }
    node.unpacked = true;
    const entries = lrmResources(state);
    let orphanedFillers = false;
    for (const entry of entries) {
      const rsc = unpackLrmResource(ws, node, entry);
      if (rsc?.orphanContainerFiller) orphanedFillers = true;
    }
    // with everything on this node unpacked, removed resources can find their containers
    if (orphanedFillers) mapOrphanedContainerFillers(ws, entries);
    again = true;
  }
  return again;
}

export function unpackStatus(ws: WorkingSet, status: XmlElement | undefined): void {
  if (!status) return;
  for (const el of status.elements()) {
    if (el.name === 'tickets') unpackTicketsState(ws, el);
    else if (el.name === 'node_state') unpackNodeState(ws, el);
  }
  while (unpackNodeHistory(ws, status, false)) {
    // another pass: remote connections found active may make more histories readable
  }
  unpackNodeHistory(ws, status, ws.flags.stonithEnabled);
  for (const container of ws.stopNeeded) {
    const node = currentNode(container);
    if (node) stopAction(container, node, false);
  }
  ws.stopNeeded = [];
  for (const node of ws.nodes) {
    if (!isGuestOrRemote(node)) continue;
    if (node.shutdown && node.remoteRsc) node.remoteRsc.nextRole = Role.stopped;
    if (!node.unpacked) determineRemoteOnlineStatus(node);
  }
}
