// Placing a bundle (Pacemaker's pcmk__bundle_assign and assign_replica): the containers first,
// as the instances of a collective, so that it is known which hosts the bundle will be on; then
// each replica's IP address and connection; then each replica's instance, which can only go to
// its own guest node; and last the bundled clone itself, limited to the bundle's guest nodes.

import { INFINITY, MINUS_INFINITY } from '@hacluster/cib';
import type { Node, NodeScore, Resource } from '../../model/types.js';
import { newColocation } from '../../constraints/colocation.js';
import { showNodeScores } from '../../output/scores.js';
import { thresholdReached } from '../../stages/node-criteria.js';
import { glibSort } from '../../util/glib-sort.js';
import { assignInstances, instanceComparator } from '../instances/assign.js';
import { bundleContainers, isBundleNode, type BundleReplica } from './data.js';

function assignReplica(bundle: Resource, replica: BundleReplica, prefer: Node | undefined, stopIfFail: boolean): void {
  if (replica.ip !== undefined) replica.ip.methods.assign(replica.ip, prefer, stopIfFail);
  const host = replica.container.assignedTo?.node;
  if (replica.remote !== undefined) {
    if (host !== undefined && host.type === 'remote' && host.remoteRsc !== undefined) {
      // pacemaker-remoted takes one connection only: a nested connection goes where the host's does
      newColocation(bundle.cluster, '#replica-remote-with-host-remote', undefined, INFINITY, replica.remote, host.remoteRsc, undefined, undefined, true, false);
    }
    replica.remote.methods.assign(replica.remote, prefer, stopIfFail);
  }
  const child = replica.child;
  if (child !== undefined && replica.node !== undefined) {
    for (const allowed of child.allowedNodes.values()) {
      if (allowed.node !== replica.node.node) allowed.weight = MINUS_INFINITY;
      else if (thresholdReached(child, allowed.node) === undefined) allowed.weight = INFINITY;
    }
    const clone = child.parent!;
    clone.allocating = true;
    child.methods.assign(child, replica.node.node, stopIfFail);
    clone.allocating = false;
  }
}

export function bundleAssign(rsc: Resource, prefer: Node | undefined, stopIfFail: boolean): NodeScore | undefined {
  const data = rsc.bundle!;
  // (no guard against a second call, as upstream: what is placed already stays, and the scores
  // are shown again)
  rsc.allocating = true;
  showNodeScores(rsc.cluster, rsc, 'pcmk__bundle_assign', rsc.allowedNodes);
  const containers = glibSort(bundleContainers(rsc), instanceComparator());
  assignInstances(rsc, containers, data.nreplicas, data.nreplicasPerHost);
  for (const replica of data.replicas) assignReplica(rsc, replica, prefer, stopIfFail);
  const child = data.child;
  if (child !== undefined) {
    for (const allowed of child.allowedNodes.values()) allowed.weight = isBundleNode(rsc, allowed.node) ? (0 as typeof allowed.weight) : MINUS_INFINITY;
    child.methods.assign(child, prefer, stopIfFail);
  }
  rsc.allocating = false;
  rsc.provisional = false;
  return undefined;
}
