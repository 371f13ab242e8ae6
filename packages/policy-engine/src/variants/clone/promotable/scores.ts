// Promotion scores (Pacemaker's pcmk__add_promotion_scores and promotion_score): the master-<rsc>
// node attributes an agent sets with crm_attribute --promotion, read under the name the instance
// has in the resource history (else, for anonymous clones, the name without instance number),
// and only where the instance's state is known, so that an unprobed node cannot win promotion.

import { addScores, type Score } from '@hacluster/cib';
import type { Node, Resource } from '../../../model/types.js';
import { NodeAvail, nodeAvailableFor } from '../../../assign/nodes.js';
import { cloneStrip } from '../../../unpack/failcounts.js';
import { topResource } from '../../../unpack/resource-helpers.js';
import { char2score } from '../../../util/score.js';

/**
 * Where the instances of an anonymous clone's primitive (a cloned group has one per member) are
 * active and where they were probed, by node id: built once per clone, so that finding the
 * instance whose score counts on a node does not scan every instance for every node.
 */
interface AnonymousHistory {
  activeOn: Map<string, Resource>;
  knownOn: Set<string>;
}

const histories = new WeakMap<Resource, Map<string, AnonymousHistory>>();

function collectPrimitives(rsc: Resource, into: Map<string, AnonymousHistory>): void {
  if (rsc.variant !== 'primitive') {
    for (const child of rsc.children) collectPrimitives(child, into);
    return;
  }
  const id = cloneStrip(rsc.id);
  let entry = into.get(id);
  if (entry === undefined) into.set(id, (entry = { activeOn: new Map(), knownOn: new Set() }));
  // the first instance (in the clone's order) active on a node is the one upstream finds
  for (const node of rsc.runningOn) if (!entry.activeOn.has(node.id)) entry.activeOn.set(node.id, rsc);
  for (const nodeId of rsc.knownOn.keys()) entry.knownOn.add(nodeId);
}

function anonymousHistory(clone: Resource, id: string): AnonymousHistory | undefined {
  let byId = histories.get(clone);
  if (byId === undefined) {
    byId = new Map();
    for (const child of clone.children) collectPrimitives(child, byId);
    histories.set(clone, byId);
  }
  return byId.get(id);
}

function isAllowed(rsc: Resource, node: Node): boolean {
  const allowed = rsc.allowedNodes.get(node.id);
  return allowed !== undefined && allowed.weight >= 0;
}

/** Pacemaker's promotion_score_applies. */
function promotionScoreApplies(rsc: Resource, node: Node): boolean {
  const id = cloneStrip(rsc.id);
  const parent = topResource(rsc);
  let applies = false;
  if (!rsc.unique) {
    // the instance active on the node counts; with none active there, any probed one does
    const history = anonymousHistory(parent, id);
    const active = history?.activeOn.get(node.id);
    if (active === rsc || (active === undefined && history?.knownOn.has(node.id) === true)) applies = true;
  }
  // with the state unknown everywhere (cluster start), every permanent score counts
  if (!applies && rsc.runningOn.length === 0 && rsc.knownOn.size === 0) applies = true;
  if (!applies && (rsc.knownOn.has(node.id) || rsc.runningOn.some((n) => n.id === node.id))) applies = true;
  return applies && isAllowed(rsc, node);
}

/**
 * Pacemaker's pcmk__node_attr for promotion scores: a guest node's attribute is read on its
 * container's host when the resource asks for it (container-attribute-target=host); where the
 * host is currently while the instance is not placed yet, else where the host is placed.
 */
function promotionAttrValue(rsc: Resource, node: Node, name: string): string | undefined {
  const attr = `master-${name}`;
  const target = rsc.meta.get('container-attribute-target');
  const container = node.remoteRsc?.container;
  if (target === undefined || target.toLowerCase() !== 'host' || container === undefined) return node.attrs.get(attr);
  const host = rsc.provisional ? container.runningOn[0] : container.assignedTo?.node;
  return host?.attrs.get(attr);
}

/** An instance's promotion score on a node; `isDefault` when no score is set for it there. */
export function promotionScore(rsc: Resource, node: Node): { score: number; isDefault: boolean } {
  if (rsc.children.length > 0) {
    // a cloned group's instance: the sum of its members' scores
    let score = 0;
    let isDefault = true;
    for (const child of rsc.children) {
      const own = promotionScore(child, node);
      if (!own.isDefault) isDefault = false;
      score += own.score;
    }
    return { score, isDefault };
  }
  if (!promotionScoreApplies(rsc, node)) return { score: 0, isDefault: true };
  let value = promotionAttrValue(rsc, node, rsc.cloneName ?? rsc.id);
  if (value === undefined && !rsc.unique) {
    // no history yet, so no history name: the anonymous name without instance number
    const stripped = cloneStrip(rsc.id);
    if (stripped !== rsc.id) value = promotionAttrValue(rsc, node, stripped);
  }
  if (value === undefined) return { score: 0, isDefault: true };
  return { score: char2score(value), isDefault: false };
}

/**
 * Before the instances are placed: each instance's promotion scores join its node scores (so that
 * instances go where they can be promoted), and its priority becomes its best promotion score.
 */
export function addPromotionScores(clone: Resource): void {
  const data = clone.clone!;
  if (data.promotionAdded) return;
  data.promotionAdded = true;
  for (const child of clone.children) {
    for (const ns of child.allowedNodes.values()) {
      // a node that will never promote must not attract instances (that shuffles them)
      if (!nodeAvailableFor(ns, NodeAvail.alive | NodeAvail.usable)) continue;
      const { score } = promotionScore(child, ns.node);
      if (score > 0) ns.weight = addScores(ns.weight, score as Score);
      if (score > child.priority) child.priority = score as Score;
    }
  }
}
