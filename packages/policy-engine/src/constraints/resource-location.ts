// Adding a score for a resource on a node (Pacemaker's resource_location): used for built-in
// preferences (symmetric default, stickiness, failure bans, not_managed_default, …).

import { MINUS_INFINITY, addScores, type Score } from '@hacluster/cib';
import { Discover, type Node, type NodeScore, type NodeTable, type Resource } from '../model/types.js';

export function copyNodeScore(node: Node, weight: Score = node.weight): NodeScore {
  return { node, weight, fixed: node.fixed, count: 0, discoverMode: node.discoverMode };
}

export function copyTable(table: NodeTable): NodeTable {
  const out: NodeTable = new Map();
  for (const [k, v] of table) out.set(k, { node: v.node, weight: v.weight, fixed: v.fixed, count: v.count, discoverMode: v.discoverMode });
  return out;
}

function resourceNodeScore(rsc: Resource, node: Node, discoverMode: number, score: Score, tag: string): void {
  if ((rsc.exclusiveDiscover || discoverMode === Discover.never || node.discoverMode === Discover.never) && tag === 'symmetric_default') return;
  for (const child of rsc.children) resourceNodeScore(child, node, discoverMode, score, tag);
  let match = rsc.allowedNodes.get(node.id);
  if (match === undefined) {
    match = copyNodeScore(node);
    rsc.allowedNodes.set(node.id, match);
  }
  match.weight = addScores(match.weight, score);
}

/**
 * Adds `score` on `node` (or on every node of the cluster when no node is given) to the resource
 * and its descendants. A -INFINITY for all nodes also undoes any assignment.
 */
export function resourceLocation(rsc: Resource, node: Node | undefined, score: Score, tag: string): void {
  if (node !== undefined) {
    resourceNodeScore(rsc, node, Discover.always, score, tag);
  } else {
    for (const n of rsc.cluster.nodes) resourceNodeScore(rsc, n, Discover.always, score, tag);
  }
  if (node === undefined && score === MINUS_INFINITY && rsc.assignedTo !== undefined) rsc.assignedTo = undefined;
}

/** A table of every node with the given score (Pacemaker's pe__node_list2table + set_node_score). */
export function allNodesTable(nodes: readonly Node[], weight?: Score): NodeTable {
  const t: NodeTable = new Map();
  for (const n of nodes) t.set(n.id, copyNodeScore(n, weight ?? n.weight));
  return t;
}
