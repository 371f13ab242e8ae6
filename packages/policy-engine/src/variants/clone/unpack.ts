// A clone as the CIB configures it (Pacemaker's clone_unpack and pe__create_clone_child in
// lib/pengine/clone.c, find_anonymous_clone in lib/pengine/unpack.c): its limits, one instance
// per instance number (copies of the cloned primitive or group, numbered ":0", ":1", …), and the
// mapping of an anonymous clone's history on a node to one of its instances.

import type { CloneData, Node, Resource } from '../../model/types.js';
import { unpackResource } from '../../unpack/resources.js';
import { isGuestNode } from '../../unpack/nodes.js';
import { isTrue } from '../../util/strings.js';
import { LocationKind } from '../methods.js';

/**
 * A non-negative integer meta-attribute (Pacemaker's unpack_meta_int): the default when unset,
 * the leading integer when set (0 when it is not a number or is negative).
 */
function metaInt(rsc: Resource, name: string, legacy: string | undefined, fallback: number): number {
  let value = rsc.meta.get(name);
  if (value === undefined && legacy !== undefined) value = rsc.meta.get(legacy);
  if (value === undefined) return fallback;
  const m = /^\s*([+-]?\d+)/.exec(value);
  if (m === null) return 0;
  return Math.max(0, Math.min(Number(m[1]), 2_147_483_647));
}

/**
 * Adds the next instance (Pacemaker's pe__create_clone_child). Instance numbers count up from 0;
 * an instance past clone-max is an orphan (history of more instances than are allowed).
 */
export function createCloneChild(clone: Resource): Resource | undefined {
  const data = clone.clone!;
  const removed = data.totalClones >= data.cloneMax;
  const copy = data.childXml.clone();
  copy.set('clone', String(data.totalClones));
  const child = unpackResource(clone.cluster, copy, clone);
  if (child === undefined) return undefined;
  data.totalClones++;
  clone.children.push(child);
  if (removed) markOrphan(child);
  child.meta.set('clone-max', String(data.cloneMax));
  return child;
}

function markOrphan(rsc: Resource): void {
  rsc.orphan = true;
  for (const child of rsc.children) markOrphan(child);
}

/** The clone row's unpack method (Pacemaker's clone_unpack). */
export function cloneUnpack(rsc: Resource): boolean {
  const nodeCount = rsc.cluster.nodes.length;
  const childXml = rsc.xml.elements().find((e) => e.name === 'primitive' || e.name === 'group');
  if (childXml === undefined) return false;
  const data: CloneData = {
    cloneMax: metaInt(rsc, 'clone-max', undefined, Math.max(1, nodeCount)),
    cloneNodeMax: metaInt(rsc, 'clone-node-max', undefined, 1),
    promotedMax: rsc.promotable ? metaInt(rsc, 'promoted-max', 'master-max', 1) : 0,
    promotedNodeMax: rsc.promotable ? metaInt(rsc, 'promoted-node-max', 'master-node-max', 1) : 0,
    promotionAdded: false,
    promotionConstrained: false,
    totalClones: 0,
    ordered: isTrue(rsc.meta.get('ordered')),
    childXml,
  };
  // anonymous clones run at most one instance per node
  if (!rsc.unique && data.cloneNodeMax > 1) data.cloneNodeMax = 1;
  rsc.clone = data;
  // ever so slightly sticky by default, so that instances are not shuffled for no benefit
  if (!rsc.meta.has('resource-stickiness')) rsc.meta.set('resource-stickiness', '1');
  // instances inherit the flag as it was decided for the clone
  rsc.meta.set('globally-unique', rsc.unique ? 'true' : 'false');
  // with clone-max=0, one instance still exists so that history can be matched to the clone
  if (data.cloneMax <= 0) return createCloneChild(rsc) !== undefined;
  // (clone-max is read again each time: an instance's agent can lower it, see primitiveUnpack)
  for (let i = 0; i < data.cloneMax; i++) {
    if (createCloneChild(rsc) === undefined) return false;
  }
  return true;
}

/**
 * Pacemaker's find_rsc with pcmk_rsc_match_clone_only: within a clone instance, the resource
 * (the instance itself, or a member of a cloned group) whose configured id is `id`.
 */
function findCloneMember(rsc: Resource, id: string): Resource | undefined {
  if (rsc.id === id || rsc.xml.get('id') === id) return rsc;
  for (const child of rsc.children) {
    const found = findCloneMember(child, id);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** Whether a clone has an instance for every node (Pacemaker's pe__is_universal_clone). */
function isUniversalClone(rsc: Resource): boolean {
  return rsc.clone !== undefined && rsc.clone.cloneMax === rsc.cluster.nodes.length;
}

/**
 * The instance of an anonymous clone that a history entry on a node belongs to (Pacemaker's
 * find_anonymous_clone): the instance already active there, else the first inactive one (not
 * blocked, not pending elsewhere), else a new orphan instance.
 */
export function findAnonymousInstance(clone: Resource, node: Node, baseId: string): Resource {
  let rsc: Resource | undefined;
  let inactive: Resource | undefined;
  let skipInactive = false;
  for (const child of clone.children) {
    if (rsc !== undefined) break;
    const locations: Node[] = [];
    child.methods.location(child, locations, LocationKind.currentOrPending);
    if (locations.length > 0) {
      if (locations[0] === node) {
        rsc = findCloneMember(child, baseId);
        // a second history entry for the same node (globally-unique was switched off): orphan
        if (rsc !== undefined && rsc.runningOn.length > 0) {
          skipInactive = true;
          rsc = undefined;
        }
      }
    } else if (!skipInactive && inactive === undefined && !child.blocked) {
      inactive = findCloneMember(child, baseId);
      if (inactive !== undefined && inactive.pendingNode !== undefined && inactive.pendingNode !== node) inactive = undefined;
    }
  }
  if (rsc === undefined && !skipInactive) rsc = inactive;
  // An instance that needs no fencing on a lost node (outside guests) would hold an instance
  // number a clean node could use: it is treated as an orphan instead.
  if (rsc !== undefined && !rsc.needsFencing && (!node.online || node.unclean) && !isGuestNode(node) && !isUniversalClone(clone)) {
    rsc = undefined;
  }
  if (rsc === undefined) {
    const top = createCloneChild(clone);
    rsc = top === undefined ? undefined : findCloneMember(top, baseId);
  }
  if (rsc === undefined) throw new Error(`no instance of ${clone.id} for ${baseId}`);
  return rsc;
}
