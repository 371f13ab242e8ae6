// Pacemaker Remote nodes and guest nodes from the resource configuration (Pacemaker's
// unpack_remote_nodes, expand_remote_rsc_meta, pe_create_remote_xml and link_rsc2remotenode):
// an ocf:pacemaker:remote primitive is the connection of a remote node of the same name; a
// primitive with the remote-node meta-attribute (a VM, say) hosts a guest node, whose connection
// resource is generated here as Pacemaker does.

import { XmlElement, type Score } from '@hacluster/cib';
import type { Resource, WorkingSet } from '../model/types.js';
import { addNode, findNode, handleStartupFencing, newNode } from './nodes.js';
import { containsRemoteNode } from './resources.js';

export function element(name: string, attrs: Record<string, string | undefined>, children: XmlElement[] = []): XmlElement {
  const el = XmlElement.create(name, attrs, children);
  for (const c of children) c.parent = el;
  return el;
}

export function nvpair(setId: string, name: string, value: string): XmlElement {
  return element('nvpair', { id: `${setId}-${name}`, name, value });
}

function op(prefix: string, task: string, interval: string, timeout: string | undefined): XmlElement {
  return element('op', { id: `${prefix}-${task}-${interval}`, interval, timeout, name: task });
}

/** The guest-node settings of a resource (meta-attributes remote-node, remote-addr, …). */
interface GuestSettings {
  name: string | undefined;
  server: string | undefined;
  port: string | undefined;
  connectTimeout: string;
  allowMigrate: string | undefined;
  managed: string | undefined;
}

function guestSettings(xml: XmlElement): GuestSettings {
  const s: GuestSettings = { name: undefined, server: undefined, port: undefined, connectTimeout: '60s', allowMigrate: undefined, managed: undefined };
  for (const set of xml.elements('meta_attributes')) {
    for (const attr of set.elements()) {
      const name = attr.get('name');
      const value = attr.get('value');
      if (name === undefined || value === undefined) continue;
      switch (name) {
        case 'remote-node':
          s.name = value;
          break;
        case 'remote-addr':
          s.server = value;
          break;
        case 'remote-port':
          s.port = value;
          break;
        case 'remote-connect-timeout':
          s.connectTimeout = value;
          break;
        case 'remote-allow-migrate':
          s.allowMigrate = value;
          break;
        case 'is-managed':
          s.managed = value;
          break;
      }
    }
  }
  return s;
}

/** What a generated connection resource is made of (Pacemaker's pe_create_remote_xml arguments). */
export interface RemoteConnectionSettings {
  id: string;
  container?: string | undefined;
  allowMigrate?: string | undefined;
  managed?: string | undefined;
  startTimeout?: string | undefined;
  server?: string | undefined;
  port?: string | undefined;
}

/**
 * A generated connection resource, as Pacemaker makes them for guest nodes and bundle replicas:
 * an internal ocf:pacemaker:remote primitive named after the node, contained in its container.
 */
export function remoteConnectionXml(s: RemoteConnectionSettings): XmlElement {
  const metaId = `${s.id}-meta_attributes`;
  const meta = [nvpair(metaId, 'internal_rsc', 'true')];
  if (s.container !== undefined) meta.push(nvpair(metaId, 'container', s.container));
  if (s.allowMigrate !== undefined) meta.push(nvpair(metaId, 'allow-migrate', s.allowMigrate));
  if (s.managed !== undefined) meta.push(nvpair(metaId, 'is-managed', s.managed));
  const children = [element('meta_attributes', { id: metaId }, meta)];
  if (s.server !== undefined || s.port !== undefined) {
    const instId = `${s.id}-instance_attributes`;
    const inst: XmlElement[] = [];
    if (s.server !== undefined) inst.push(nvpair(instId, 'addr', s.server));
    if (s.port !== undefined) inst.push(nvpair(instId, 'port', s.port));
    children.push(element('instance_attributes', { id: instId }, inst));
  }
  const ops = [op(s.id, 'monitor', '30s', '30s')];
  if (s.startTimeout !== undefined) ops.push(op(s.id, 'start', '0', s.startTimeout));
  children.push(element('operations', {}, ops));
  return element('primitive', { id: s.id, class: 'ocf', provider: 'pacemaker', type: 'remote' }, children);
}

/** The connection resource of a guest node. */
function guestConnectionXml(container: string, s: GuestSettings & { name: string }): XmlElement {
  return remoteConnectionXml({ id: s.name, container, allowMigrate: s.allowMigrate, managed: s.managed, startTimeout: s.connectTimeout, server: s.server, port: s.port });
}

function addRemoteNode(ws: WorkingSet, id: string): void {
  if (findNode(ws, id) !== undefined) return;
  addNode(ws, newNode(id, id, 'remote', 0 as Score));
  ws.flags.haveRemoteNodes = true;
}

/** A guest node defined by a primitive's meta-attributes: its generated connection, if any. */
function expandGuest(ws: WorkingSet, xml: XmlElement, section: XmlElement): XmlElement | undefined {
  const s = guestSettings(xml);
  const container = xml.get('id');
  if (s.name === undefined || container === undefined) return undefined;
  const connection = guestConnectionXml(container, { ...s, name: s.name });
  connection.parent = section;
  addRemoteNode(ws, s.name);
  return connection;
}

/**
 * Creates the remote and guest nodes the resources define, before the resources are unpacked.
 * Returns the generated guest connection resources, to be unpacked after the configured ones (as
 * if appended to <resources>; the input document itself is left as it is).
 */
export function unpackRemoteNodes(ws: WorkingSet, section: XmlElement | undefined): XmlElement[] {
  const generated: XmlElement[] = [];
  if (section === undefined) return generated;
  for (const xml of section.elements()) {
    if (containsRemoteNode(xml)) {
      const id = xml.get('id');
      if (id !== undefined) addRemoteNode(ws, id);
    } else if (xml.name === 'primitive') {
      const connection = expandGuest(ws, xml, section);
      if (connection) generated.push(connection);
    } else if (xml.name === 'group') {
      // guest nodes may be group members (not clone instances)
      for (const member of xml.elements()) {
        const connection = expandGuest(ws, member, section);
        if (connection) generated.push(connection);
      }
    }
  }
  return generated;
}

/** Links a connection resource to its node (Pacemaker's link_rsc2remotenode). */
export function linkRemoteConnection(ws: WorkingSet, rsc: Resource): void {
  if (!rsc.isRemoteNode) return;
  const node = findNode(ws, rsc.id);
  if (node === undefined) return;
  node.remoteRsc = rsc;
  if (rsc.container === undefined) {
    // a remote node's startup fencing works as a cluster node's does
    handleStartupFencing(ws, node);
  } else {
    node.attrs.set('#kind', 'container');
  }
}
