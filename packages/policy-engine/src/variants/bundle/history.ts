// Whose history is whose inside a bundle (the bundle branch of Pacemaker's
// unpack_find_resource): history of the bundled primitive on a bundle node belongs to the
// instance of the replica that node is, not to whichever anonymous instance is free.

import type { Node, Resource } from '../../model/types.js';
import type { VariantMethods } from '../methods.js';
import { cloneMethods } from '../clone/index.js';

/** Pacemaker's pe__find_bundle_replica: the instance running in the replica that `node` is. */
function replicaInstanceOn(clone: Resource, node: Node): Resource | undefined {
  const bundle = clone.parent!;
  return bundle.bundle!.replicas.find((r) => r.node?.node === node)?.child;
}

/** The methods of a bundle's clone: a clone's, with history mapped by replica. */
export const bundledCloneMethods: VariantMethods = {
  ...cloneMethods,
  findAnonymousInstance: replicaInstanceOn,
};
