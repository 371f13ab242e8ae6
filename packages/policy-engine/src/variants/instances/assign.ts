// Placing the instances of a clone (and, later, the replicas of a bundle): Pacemaker's
// pcmk__assign_instances and pcmk__cmp_instance (pcmk_sched_instances.c). Instances are sorted so
// that those already active, healthy and well placed come first; as many as possible stay where
// they are (up to an even share per node), then the rest are placed one by one, no more than
// clone-node-max per node and clone-max in all.

import { MINUS_INFINITY } from '@hacluster/cib';
import type { Node, NodeScore, NodeTable, Resource } from '../../model/types.js';
import { NodeAvail, nodeAvailableFor, topAllowedNode } from '../../assign/nodes.js';
import { unassignResource } from '../../assign/assignment.js';
import { colocationFactor, colocationHasInfluence, ColocSelect, thisWithColocations, withThisColocations, type NodeTableRef } from '../../constraints/colocation.js';
import { copyNodeScore, copyTable, resourceLocation } from '../../constraints/resource-location.js';
import { findActiveOn } from '../../unpack/resource-helpers.js';
import { glibSort } from '../../util/glib-sort.js';

const USABLE = NodeAvail.alive | NodeAvail.usable;

/** A node as the cluster knows it (score as configured), for checks on the node itself. */
function nodeEntry(node: Node): NodeScore {
  return copyNodeScore(node);
}

const instanceNumbers = new WeakMap<Resource, number>();

/** The instance number after the last ':' (bundle replicas: after the last '-'). */
function instanceNumber(rsc: Resource): number {
  let n = instanceNumbers.get(rsc);
  if (n === undefined) {
    let i = rsc.id.lastIndexOf(':');
    if (i < 0) i = rsc.id.lastIndexOf('-');
    const m = /^[+-]?\d+/.exec(rsc.id.slice(i + 1));
    n = m === null ? 0 : Number(m[0]);
    instanceNumbers.set(rsc, n);
  }
  return n;
}

/** Pacemaker's pcmk__cmp_instance_number. */
export function cmpInstanceNumber(a: Resource, b: Resource): number {
  return instanceNumber(a) - instanceNumber(b);
}

/** Instances by number (a stable sort; the list itself when it is in order already, as is usual). */
export function sortByInstanceNumber(instances: Resource[]): Resource[] {
  for (let i = 1; i < instances.length; i++) {
    if (cmpInstanceNumber(instances[i - 1]!, instances[i]!) > 0) return glibSort(instances, cmpInstanceNumber);
  }
  return instances;
}

function didFail(rsc: Resource): boolean {
  return rsc.failed || rsc.children.some(didFail);
}

/** The node if the instance is allowed there (non-negative score), else undefined. */
function allowedOrNothing(rsc: Resource, node: Node | undefined): { node: Node | undefined; allowed: boolean } {
  if (node === undefined) return { node, allowed: true };
  const allowed = rsc.allowedNodes.get(node.id);
  if (allowed === undefined || allowed.weight < 0) return { node: undefined, allowed: false };
  return { node, allowed: true };
}

/** Pacemaker's apply_parent_colocations: an instance's colocations, as scores on a node table. */
function applyParentColocations(rsc: Resource, nodes: NodeTableRef): void {
  for (const c of thisWithColocations(rsc)) {
    const other = c.primary;
    other.methods.addColocatedNodeScores(other, rsc, rsc.id, nodes, c, colocationFactor(c.score), ColocSelect.default);
  }
  for (const c of withThisColocations(rsc)) {
    if (!colocationHasInfluence(c, rsc)) continue;
    const other = c.dependent;
    other.methods.addColocatedNodeScores(other, rsc, rsc.id, nodes, c, colocationFactor(c.score), ColocSelect.nonnegative);
  }
}

/**
 * How much an instance's colocations favour its current node (the score cmp_instance_by_colocation
 * compares).
 */
function colocationWeight(rsc: Resource): number {
  const current = findActiveOn(rsc)!;
  const scores: NodeTableRef = { table: new Map([[current.id, nodeEntry(current)]]) };
  applyParentColocations(rsc, scores);
  return scores.table!.get(current.id)!.weight;
}

type InstanceWeight = (rsc: Resource) => number;

/**
 * Pacemaker's pcmk__cmp_instance, the order instances are assigned in: active on fewer nodes,
 * not active where it is no longer allowed, higher priority, active, on a node that can run
 * resources, where the clone is allowed, with fewer instances there, not failed, favoured by its
 * colocations (cmp_instance_by_colocation), lower instance number.
 */
function compareInstances(a: Resource, b: Resource, weight: InstanceWeight): number {
  const c1 = { all: 0, clean: 0 };
  const c2 = { all: 0, clean: 0 };
  let node1 = findActiveOn(a, c1);
  let node2 = findActiveOn(b, c2);
  if (c1.all > 0 && c2.all > 0) {
    if (c1.all < c2.all) return -1;
    if (c1.all > c2.all) return 1;
  }
  const allowed1 = allowedOrNothing(a, node1);
  const allowed2 = allowedOrNothing(b, node2);
  node1 = allowed1.node;
  node2 = allowed2.node;
  if (allowed1.allowed && !allowed2.allowed) return -1;
  if (!allowed1.allowed && allowed2.allowed) return 1;
  if (a.priority > b.priority) return -1;
  if (a.priority < b.priority) return 1;
  if (node1 === undefined && node2 === undefined) return 0;
  if (node1 === undefined) return 1;
  if (node2 === undefined) return -1;
  const can1 = nodeAvailableFor(nodeEntry(node1), USABLE);
  const can2 = nodeAvailableFor(nodeEntry(node2), USABLE);
  if (can1 && !can2) return -1;
  if (!can1 && can2) return 1;
  const top1 = topAllowedNode(a, node1);
  const top2 = topAllowedNode(b, node2);
  if (top1 === undefined && top2 === undefined) return 0;
  if (top1 === undefined) return 1;
  if (top2 === undefined) return -1;
  if (top1.count < top2.count) return -1;
  if (top1.count > top2.count) return 1;
  const failed1 = didFail(a);
  const failed2 = didFail(b);
  if (!failed1 && failed2) return -1;
  if (failed1 && !failed2) return 1;
  const w1 = weight(a);
  const w2 = weight(b);
  if (w1 < w2) return 1;
  if (w1 > w2) return -1;
  return cmpInstanceNumber(a, b);
}

/**
 * pcmk__cmp_instance for one sort. Nothing a comparison reads changes while a list is sorted, so
 * each instance's colocation weight (the costly part: it walks its colocations) is computed once
 * per sort instead of once per comparison.
 */
export function instanceComparator(): (a: Resource, b: Resource) => number {
  const weights = new Map<Resource, number>();
  const weight = (rsc: Resource): number => {
    let w = weights.get(rsc);
    if (w === undefined) {
      w = colocationWeight(rsc);
      weights.set(rsc, w);
    }
    return w;
  };
  return (a, b) => compareInstances(a, b, weight);
}

/** Pacemaker's can_run_instance: may this instance run on this node (of its allowed nodes)? */
function canRunInstance(instance: Resource, ns: NodeScore, maxPerNode: number): boolean {
  if (instance.orphan) return false;
  if (!nodeAvailableFor(ns, USABLE)) return false;
  const allowed = topAllowedNode(instance, ns.node);
  if (allowed === undefined) return false;
  if (allowed.weight < 0) return false;
  return allowed.count < maxPerNode;
}

/** Pacemaker's ban_unavailable_allowed_nodes: -INFINITY where the instance cannot run. */
function banUnavailableAllowedNodes(instance: Resource, maxPerNode: number): void {
  for (const ns of instance.allowedNodes.values()) {
    if (canRunInstance(instance, ns, maxPerNode)) continue;
    ns.weight = MINUS_INFINITY;
    for (const child of instance.children) {
      const childNode = child.allowedNodes.get(ns.node.id);
      if (childNode !== undefined) childNode.weight = MINUS_INFINITY;
    }
  }
}

/** The parent counts the instances assigned to each node. */
function incrementParentCount(instance: Resource, chosen: NodeScore | undefined): void {
  if (chosen === undefined) return;
  const allowed = topAllowedNode(instance, chosen.node);
  if (allowed !== undefined) allowed.count++;
}

/** Pacemaker's assign_instance: a failed early assignment (with `prefer`) can be undone. */
function assignInstance(instance: Resource, prefer: Node | undefined, maxPerNode: number): NodeScore | undefined {
  if (instance.allocating) return undefined;
  banUnavailableAllowedNodes(instance, maxPerNode);
  const chosen = instance.methods.assign(instance, prefer, prefer === undefined);
  incrementParentCount(instance, chosen);
  return chosen;
}

/** Copies of the allowed-node tables of a resource and everything below it. */
function copyNodeTables(rsc: Resource, into: Map<Resource, NodeTable>): Map<Resource, NodeTable> {
  into.set(rsc, copyTable(rsc.allowedNodes));
  for (const child of rsc.children) copyNodeTables(child, into);
  return into;
}

function restoreNodeTables(rsc: Resource, backup: Map<Resource, NodeTable>): void {
  const table = backup.get(rsc);
  if (table !== undefined) rsc.allowedNodes = copyTable(table);
  for (const child of rsc.children) restoreNodeTables(child, backup);
}

/**
 * Pacemaker's assign_instance_early: tries to keep an instance on its current node. When the
 * instance would rather go elsewhere, one instance is reserved for that node and the attempt is
 * repeated, so that instances spread as the scores want while as few as possible move.
 */
function assignInstanceEarly(instance: Resource, current: Node, maxPerNode: number, available: number): boolean {
  const parent = instance.parent!;
  if (!nodeAvailableFor(instance.allowedNodes.get(current.id), USABLE | NodeAvail.noNegative)) return false;
  const backup = copyNodeTables(instance, new Map());
  const parentTable = parent.allowedNodes;
  // tentative assignments count instances per node in a scratch table
  parent.allowedNodes = copyTable(parentTable);
  let chosen: NodeScore | undefined;
  let reserved = 0;
  while (reserved < available) {
    chosen = assignInstance(instance, current, maxPerNode);
    if (chosen !== undefined && chosen.node === current) break;
    restoreNodeTables(instance, backup);
    if (chosen === undefined) {
      instance.provisional = true;
      break;
    }
    reserved++;
    unassignResource(instance);
    chosen = undefined;
  }
  parent.allowedNodes = parentTable;
  if (chosen === undefined) return false;
  incrementParentCount(instance, chosen);
  return true;
}

/** Resets the per-node instance counts; returns how many nodes can run resources. */
function resetAllowedNodeCounts(rsc: Resource): number {
  let available = 0;
  for (const ns of rsc.allowedNodes.values()) {
    ns.count = 0;
    if (nodeAvailableFor(ns, USABLE)) available++;
  }
  return available;
}

/** Pacemaker's preferred_node: the instance's current node, if it should stay there. */
function preferredNode(instance: Resource, optimalPerNode: number): Node | undefined {
  if (instance.runningOn.length === 0 || !instance.provisional || instance.failed) return undefined;
  const node = findActiveOn(instance);
  if (node === undefined || !nodeAvailableFor(nodeEntry(node), USABLE | NodeAvail.noNegative)) return undefined;
  const parentNode = topAllowedNode(instance, node);
  if (parentNode !== undefined && parentNode.count >= optimalPerNode) return undefined;
  return node;
}

/** Pacemaker's pcmk__assign_instances. */
export function assignInstances(collective: Resource, instances: readonly Resource[], maxTotal: number, maxPerNode: number): void {
  const availableNodes = resetAllowedNodeCounts(collective);
  let optimalPerNode = availableNodes > 0 ? Math.floor(maxTotal / availableNodes) : 0;
  if (optimalPerNode < 1) optimalPerNode = 1;
  let assigned = 0;
  // as many instances as possible stay where they are
  for (const instance of instances) {
    if (assigned >= maxTotal) break;
    if (!instance.provisional) continue;
    const current = preferredNode(instance, optimalPerNode);
    if (current !== undefined && assignInstanceEarly(instance, current, maxPerNode, maxTotal - assigned)) assigned++;
  }
  for (const instance of instances) {
    if (!instance.provisional) continue;
    if (assigned >= maxTotal) {
      resourceLocation(instance, undefined, MINUS_INFINITY, 'collective_limit_reached');
    } else if (assignInstance(instance, undefined, maxPerNode) !== undefined) {
      assigned++;
    }
  }
}
