// A bundle's unpacking (Pacemaker's pe__unpack_bundle, create_replica_resources and
// create_remote_resource, lib/pengine/bundle.c): the bundled primitive becomes a clone with one
// instance per replica; each replica gets a container, an IP address when the bundle has a range,
// and — when a primitive runs inside — a connection to pacemaker-remoted in the container, which
// makes a guest node (`<bundle>-<n>`) where that replica's instance, and only it, may run.

import { MINUS_INFINITY, type Score } from '@hacluster/cib';
import { Discover, type NodeScore, type Resource, type WorkingSet } from '../../model/types.js';
import { unpackResource } from '../../unpack/resources.js';
import { addNode, findNode, newNode } from '../../unpack/nodes.js';
import { remoteConnectionXml } from '../../unpack/remote.js';
import type { BundleData, BundleReplica, ReplicaPlan } from './data.js';
import { readBundleSettings, validNetwork, nextIp } from './settings.js';
import { bundledCloneXml, containerXml, hostOption, ipXml, BUNDLE_LOG_DIR, DEFAULT_REMOTE_KEY_LOCATION, DEFAULT_REMOTE_PORT } from './generate.js';
import { bundledCloneMethods } from './history.js';

/** Pacemaker's disallow_node: a bundle node is banned from resources unpacked before it existed. */
function disallowNode(rsc: Resource, nodeId: string): void {
  const match = rsc.allowedNodes.get(nodeId);
  if (match !== undefined) {
    match.weight = MINUS_INFINITY;
    match.discoverMode = Discover.never;
  }
  for (const child of rsc.children) disallowNode(child, nodeId);
}

/** The replica's connection resource and guest node (Pacemaker's create_remote_resource). */
function createRemote(bundle: Resource, data: BundleData, replica: BundleReplica): boolean {
  const ws = bundle.cluster;
  const child = replica.child;
  if (child === undefined) return true;
  let id = `${data.prefix}-${replica.offset}`;
  // a configured resource already has the name: fall back to one nobody would choose
  if (ws.resourceById.has(id)) id = `pcmk-internal-${child.id}-remote-${replica.offset}`;
  const xml = remoteConnectionXml({
    id,
    container: replica.container.id,
    // "#uname" stands for the container's host, for bundles running on remote nodes
    server: replica.ipaddr ?? '#uname',
    port: data.controlPort ?? DEFAULT_REMOTE_PORT,
  });
  let node = findNode(ws, id);
  if (node === undefined) {
    node = newNode(id, id, 'remote', MINUS_INFINITY);
    addNode(ws, node);
    ws.flags.haveRemoteNodes = true;
  } else {
    node.weight = MINUS_INFINITY;
  }
  node.discoverMode = Discover.never;
  // resources unpacked before the node existed may have it with a usable score
  for (const rsc of ws.resources) disallowNode(rsc, node.id);
  const replicaNode: NodeScore = { node, weight: 500 as Score, fixed: node.fixed, count: 0, discoverMode: Discover.exclusive };
  replica.node = replicaNode;
  // the replica's instance may run on its own guest node only, and the clone on none
  child.allowedNodes = new Map([[node.id, { ...replicaNode }]]);
  child.parent!.allowedNodes.set(node.id, { ...replicaNode, weight: MINUS_INFINITY });
  const remote = unpackResource(ws, xml, bundle);
  if (remote === undefined) return false;
  // connections run on cluster nodes only (nesting is arranged at assignment)
  for (const allowed of remote.allowedNodes.values()) if (allowed.node.type === 'remote') allowed.weight = MINUS_INFINITY;
  node.remoteRsc = remote;
  remote.container = replica.container;
  // a bundle node is closer to a guest node than to a remote node
  node.attrs.set('#kind', 'container');
  remote.allowRemoteRemotes = true;
  replica.remote = remote;
  bundle.children.push(remote);
  return true;
}

function createReplicaResources(bundle: Resource, data: BundleData, plan: ReplicaPlan): BundleReplica | undefined {
  const ws = bundle.cluster;
  const container = unpackResource(ws, containerXml(data, plan), bundle);
  if (container === undefined) return undefined;
  const replica: BundleReplica = { ...plan, container, ip: undefined, remote: undefined, node: undefined };
  bundle.children.push(container);
  const ip = ipXml(data, plan);
  if (ip !== undefined) {
    replica.ip = unpackResource(ws, ip, bundle);
    if (replica.ip === undefined) return undefined;
    bundle.children.push(replica.ip);
  }
  if (!createRemote(bundle, data, replica)) return undefined;
  if (replica.child !== undefined && replica.ipaddr !== undefined) replica.child.meta.set('external-ip', replica.ipaddr);
  return replica;
}

/** Each replica's address from the range, in order, with the host options they make. */
function allocateIps(data: BundleData, plans: ReplicaPlan[]): ReplicaPlan[] {
  if (data.ipRangeStart === undefined) return plans;
  let last: string | undefined;
  let options = '';
  const out: ReplicaPlan[] = [];
  for (const plan of plans) {
    // (as upstream: after an address past the end of the range, the next starts it again)
    const ipaddr = last === undefined ? data.ipRangeStart : nextIp(last);
    last = ipaddr;
    out.push({ ...plan, ipaddr });
    options += hostOption(data, { ...plan, ipaddr });
  }
  data.containerHostOptions = options;
  return out;
}

/** The bundle row's unpack method. */
export function bundleUnpack(rsc: Resource): boolean {
  const ws: WorkingSet = rsc.cluster;
  const s = readBundleSettings(rsc.xml);
  if (s === undefined) return false;
  // one replica per host needs no unique instances
  if (s.nreplicasPerHost === 1) rsc.unique = false;
  const primitiveXml = rsc.xml.first('primitive');
  const managed = primitiveXml !== undefined && validNetwork(s);
  // a primitive inside that the cluster could not reach is a configuration error
  if (primitiveXml !== undefined && !managed) return false;
  const data: BundleData = { ...s, prefix: rsc.id, containerHostOptions: '', child: undefined, replicas: [] };
  rsc.bundle = data;
  const plans: ReplicaPlan[] = [];
  if (managed) {
    const child = unpackResource(ws, bundledCloneXml(data, primitiveXml), rsc);
    if (child === undefined) return false;
    child.methods = bundledCloneMethods;
    data.child = child;
    // the authentication key is always where pacemaker-remoted looks for it
    data.mounts.push({ source: DEFAULT_REMOTE_KEY_LOCATION, target: DEFAULT_REMOTE_KEY_LOCATION, options: undefined, subdir: false });
    if (s.needLogMount) data.mounts.push({ source: BUNDLE_LOG_DIR, target: '/var/log', options: undefined, subdir: true });
    const port = data.controlPort ?? DEFAULT_REMOTE_PORT;
    data.ports.push({ source: port, target: port });
    child.children.forEach((instance, offset) => {
      instance.exclusiveDiscover = true;
      if (instance.notify) child.notify = true;
      plans.push({ offset, ipaddr: undefined, child: instance });
    });
    const target = child.children[child.children.length - 1]?.meta.get('container-attribute-target');
    if (target !== undefined) {
      rsc.meta.set('container-attribute-target', target);
      child.meta.set('container-attribute-target', target);
    }
  } else {
    for (let offset = 0; offset < data.nreplicas; offset++) plans.push({ offset, ipaddr: undefined, child: undefined });
  }
  for (const plan of allocateIps(data, plans)) {
    const replica = createReplicaResources(rsc, data, plan);
    if (replica === undefined) return false;
    data.replicas.push(replica);
    // utilization configured for the bundled primitive is what its container uses
    if (replica.child !== undefined) {
      const empty = replica.container.utilization;
      replica.container.utilization = replica.child.utilization;
      replica.child.utilization = empty;
    }
  }
  if (data.child !== undefined) rsc.children.push(data.child);
  return true;
}

