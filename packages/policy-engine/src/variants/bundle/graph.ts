// A bundle in the transition summary and the transition graph (Pacemaker's
// pcmk__output_bundle_actions and pcmk__bundle_add_actions_to_graph).

import type { Resource } from '../../model/types.js';
import type { GraphBuilder } from '../../output/graph.js';
import type { SummarySink } from '../../output/transition-summary.js';
import { bundleRemoteAddress } from './remote-address.js';

/** Replica by replica: IP address, container, connection, then the instance inside. */
export function bundleOutputActions(rsc: Resource, sink: SummarySink): void {
  for (const replica of rsc.bundle!.replicas) {
    if (replica.ip !== undefined) replica.ip.methods.outputActions(replica.ip, sink);
    replica.container.methods.outputActions(replica.container, sink);
    if (replica.remote !== undefined) replica.remote.methods.outputActions(replica.remote, sink);
    if (replica.child !== undefined) replica.child.methods.outputActions(replica.child, sink);
  }
}

/**
 * The bundled clone's actions, then each replica's (its connection's "#uname" address resolved to
 * the container's host first). The bundle's own pseudo-actions go in with the other remaining
 * actions, at the end.
 */
export function bundleAddActionsToGraph(rsc: Resource, builder: GraphBuilder): void {
  const data = rsc.bundle!;
  if (data.child !== undefined) data.child.methods.addActionsToGraph(data.child, builder);
  for (const replica of data.replicas) {
    if (replica.remote !== undefined) bundleRemoteAddress(replica);
    if (replica.ip !== undefined) replica.ip.methods.addActionsToGraph(replica.ip, builder);
    replica.container.methods.addActionsToGraph(replica.container, builder);
    if (replica.remote !== undefined) replica.remote.methods.addActionsToGraph(replica.remote, builder);
  }
}

