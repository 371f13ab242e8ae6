// A bundle in the cluster status (Pacemaker's pe__bundle_text, lib/pengine/bundle.c): a
// "Container bundle" header, then one line per replica, showing the instance inside (or the
// container, for a bundle without one) under the replica's name, on the container's host.

import type { Resource } from '../../model/types.js';
import { primitiveLine, type StatusOptions } from '../../output/cluster-status.js';
import type { TextOutput } from '../../output/text.js';
import { currentNode, printableId } from '../../unpack/resource-helpers.js';

function headerLine(rsc: Resource): string {
  const data = rsc.bundle!;
  let s = `Container bundle${data.nreplicas > 1 ? ' set' : ''}: ${rsc.id} [${data.image ?? ''}]`;
  if (rsc.unique) s += ' (unique)';
  if (rsc.maintenance) s += ' (maintenance)';
  else if (!rsc.managed) s += ' (unmanaged)';
  return s;
}

export function formatBundle(rsc: Resource, out: TextOutput, options: StatusOptions): void {
  const data = rsc.bundle!;
  let header = false;
  for (const replica of data.replicas) {
    if (!header) {
      out.beginList(headerLine(rsc));
      header = true;
    }
    const shownRsc = replica.child ?? replica.container;
    let name = printableId(replica.remote ?? replica.container);
    if (replica.ipaddr !== undefined) name += ` (${replica.ipaddr})`;
    out.listItem(primitiveLine(shownRsc, options, { name, node: currentNode(replica.container) }));
  }
  if (header) out.endList();
}
