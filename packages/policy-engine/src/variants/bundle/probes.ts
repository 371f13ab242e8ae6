// Probing a bundle on a node (Pacemaker's pcmk__bundle_create_probe): each replica's IP address
// and container, its instance only on its own guest node, and its connection once the container
// is known to run.

import { OrderFlag } from '../../model/flags.js';
import type { Node, Resource } from '../../model/types.js';
import { findFirstAction } from '../../actions/action.js';
import { newOrdering } from '../../constraints/ordering.js';
import { opKey } from '../../util/opkey.js';

export function bundleCreateProbe(rsc: Resource, node: Node): boolean {
  const data = rsc.bundle!;
  const ws = rsc.cluster;
  let any = false;
  for (const replica of data.replicas) {
    if (replica.ip !== undefined && replica.ip.methods.createProbe(replica.ip, node)) any = true;
    const child = replica.child;
    if (child !== undefined && replica.node?.node === node && child.methods.createProbe(child, node)) any = true;
    const container = replica.container;
    if (container.methods.createProbe(container, node)) {
      any = true;
      // With one replica per host (no IP range, usually), no container starts until it is known
      // that no copy runs already: the port mappings hold no address to tell them apart.
      if (data.nreplicasPerHost === 1) {
        for (const other of data.replicas) {
          if (other === replica) continue;
          newOrdering(ws, container, opKey(container.id, 'monitor'), undefined, other.container, opKey(other.container.id, 'start'), undefined, OrderFlag.optional | OrderFlag.sameNode);
        }
      }
    }
    const remote = replica.remote;
    if (remote !== undefined && remote.methods.createProbe(remote, node)) {
      // the connection's address may be its container's host: probe it once that is known
      const probe = findFirstAction(remote.actions, opKey(remote.id, 'monitor'), undefined, node);
      if (probe !== undefined) {
        any = true;
        newOrdering(ws, container, opKey(container.id, 'start'), undefined, remote, undefined, probe, OrderFlag.probe);
      }
    }
  }
  return any;
}
