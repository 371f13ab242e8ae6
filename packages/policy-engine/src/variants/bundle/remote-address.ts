// A bundle connection without an address of its own (Pacemaker's REMOTE_CONTAINER_HACK,
// pe__add_bundle_remote_name): its addr is "#uname", which stands for the host its container runs
// on, so that bundles can run on remote nodes without an IP range.

import type { Node, Resource } from '../../model/types.js';
import { resourceParams } from '../../unpack/params.js';
import { currentNode } from '../../unpack/resource-helpers.js';
import { containsRemoteNode } from '../../unpack/resources.js';
import type { BundleReplica } from './data.js';

/**
 * Pacemaker's pe__bundle_needs_remote_name: a connection whose address stands for its container's
 * host, which is not known for sure before assignment.
 */
export function bundleNeedsRemoteName(remote: Resource): boolean {
  const addr = resourceParams(remote, undefined).get('addr');
  return addr !== undefined && addr.toLowerCase() === '#uname' && containsRemoteNode(remote.xml);
}

/** The replica whose connection this is. */
function replicaOfRemote(remote: Resource): BundleReplica | undefined {
  return remote.parent?.bundle?.replicas.find((r) => r.remote === remote);
}

/** The container's host (where it will run, else where it runs now) for a "#uname" connection. */
function remoteHost(remote: Resource): Node | undefined {
  if (!bundleNeedsRemoteName(remote)) return undefined;
  const replica = replicaOfRemote(remote);
  if (replica === undefined) return undefined;
  return replica.container.assignedTo?.node ?? currentNode(replica.container);
}

/**
 * Pacemaker's pe__add_bundle_remote_name: the address a bundle connection's digests and actions
 * use in place of "#uname" (undefined for any other resource).
 */
export function bundleRemoteName(rsc: Resource): string | undefined {
  if (!rsc.isRemoteNode || rsc.parent?.bundle === undefined) return undefined;
  return remoteHost(rsc)?.uname;
}

/**
 * Resolves the replica's connection address to the container's host (where it will run, else
 * where it runs now), in the configuration and in the node-independent parameters, from which
 * the graph takes it. A connection that will run nowhere keeps "#uname": nothing will need it.
 */
export function bundleRemoteAddress(replica: BundleReplica): void {
  const remote = replica.remote;
  if (remote === undefined) return;
  const node = remoteHost(remote);
  if (node === undefined) return;
  for (const set of remote.xml.elements('instance_attributes')) {
    for (const pair of set.elements('nvpair')) if (pair.get('name') === 'addr') pair.set('value', node.uname);
  }
  resourceParams(remote, undefined).set('addr', node.uname);
}
