// A bundle in the cluster status (Pacemaker's pe__bundle_text, lib/pengine/bundle.c): a
// "Container bundle" header, then one line per replica, showing the instance inside (or the
// container, for a bundle without one) under the replica's name, on the container's host. With
// the implicit resources shown, or when only some of its parts are asked for, each replica lists
// its IP address, instance, container and connection that are shown, under "Replica[n]".

import type { Resource } from '../../model/types.js';
import { primitiveLine, type StatusOptions } from '../../output/cluster-status.js';
import type { TextOutput } from '../../output/text.js';
import { currentNode, printableId } from '../../unpack/resource-helpers.js';
import type { BundleReplica } from './data.js';

function headerLine(rsc: Resource): string {
  const data = rsc.bundle!;
  let s = `Container bundle${data.nreplicas > 1 ? ' set' : ''}: ${rsc.id} [${data.image ?? ''}]`;
  if (rsc.unique) s += ' (unique)';
  if (rsc.maintenance) s += ' (maintenance)';
  else if (!rsc.managed) s += ' (unmanaged)';
  return s;
}

function named(rsc: Resource, only: ReadonlySet<string> | undefined): boolean {
  return only === undefined || only.has('*') || only.has(printableId(rsc)) || only.has(rsc.id);
}

/** Pacemaker's pe__native_is_filtered: shown when named, or (checking the parent) its bundle is. */
function filtered(rsc: Resource | undefined, bundle: Resource, options: StatusOptions, checkParent: boolean): boolean {
  if (rsc === undefined) return true;
  if (named(rsc, options.onlyResources)) return false;
  return !(checkParent && named(bundle, options.onlyResources));
}

/** The parts of a replica shown, in upstream's order: IP address, instance, container, connection. */
function shownParts(replica: BundleReplica, bundle: Resource, options: StatusOptions, everything: boolean): Resource[] {
  const parts = [replica.ip, replica.child, replica.container, replica.remote];
  return parts.filter((p): p is Resource => !filtered(p, bundle, options, everything));
}

export function formatBundle(rsc: Resource, out: TextOutput, options: StatusOptions): void {
  const data = rsc.bundle!;
  const only = options.onlyResources;
  // a bundle none of whose parts is asked for is not shown at all
  const anyNamed = named(rsc, only) || data.replicas.some((r) => shownParts(r, rsc, options, false).length > 0);
  if (!anyNamed) return;
  const everything = named(rsc, only);
  let header = false;
  const ensureHeader = () => {
    if (!header) out.beginList(headerLine(rsc));
    header = true;
  };
  for (const replica of data.replicas) {
    const parts = shownParts(replica, rsc, options, everything);
    if (options.showImplicit || (!everything && parts.length > 0)) {
      ensureHeader();
      if (data.replicas.length > 1) out.listItem(`Replica[${replica.offset}]`);
      out.beginList();
      for (const part of parts) out.listItem(primitiveLine(part, options));
      out.endList();
    } else if (!everything) {
      continue;
    } else {
      ensureHeader();
      const shown = replica.child ?? replica.container;
      let name = printableId(replica.remote ?? replica.container);
      if (replica.ipaddr !== undefined) name += ` (${replica.ipaddr})`;
      out.listItem(primitiveLine(shown, options, { name, node: currentNode(replica.container) }));
    }
  }
  if (header) out.endList();
}
