// Node capacity and resource utilization (Pacemaker's pcmk_sched_utilization.c), used by every
// placement strategy but "default": a node's utilization attributes are its remaining capacity,
// reduced as resources are assigned to it; a resource is kept off nodes that lack the capacity
// for it and the resources colocated with it; "balanced" prefers nodes with more left.

import { MINUS_INFINITY } from '@hacluster/cib';
import { ActionFlag, OrderFlag } from '../model/flags.js';
import type { Action, Node, Resource, WorkingSet } from '../model/types.js';
import { getPseudoOp } from '../actions/action.js';
import { newOrdering } from '../constraints/ordering.js';
import { resourceLocation } from '../constraints/resource-location.js';
import { opKey } from '../util/opkey.js';
import { nodeAvailable } from './nodes.js';
import { glibHashOrder } from '../util/glib-hash.js';

/** A utilization value: an integer, 0 when not set or not a number. */
export function utilizationValue(v: string | undefined): number {
  if (v === undefined) return 0;
  const m = /^\s*([+-]?\d+)/.exec(v);
  return m ? Number(m[1]) : 0;
}

/** Whether a strategy takes utilization into account (every one but "default"). */
export function usesUtilization(strategy: string): boolean {
  return strategy.toLowerCase() !== 'default';
}

/**
 * Pacemaker's pcmk__compare_node_capacities: negative when the first node has more free capacity
 * (counting, per attribute, which node has more left), positive when the second has.
 */
export function compareNodeCapacities(a: Node, b: Node): number {
  let result = 0;
  for (const [key, value] of a.utilization) {
    const n1 = utilizationValue(value);
    const n2 = utilizationValue(b.utilization.get(key));
    if (n1 > n2) result--;
    else if (n1 < n2) result++;
  }
  for (const [key, value] of b.utilization) {
    if (a.utilization.has(key)) continue;
    const n2 = utilizationValue(value);
    if (n2 > 0) result++;
    else if (n2 < 0) result--;
  }
  return result;
}

/**
 * Takes a resource's utilization from a node's remaining capacity. An attribute the node does not
 * have becomes 0 there, as upstream records it.
 */
export function consumeNodeCapacity(capacity: Map<string, string>, rsc: Resource): void {
  for (const [key, value] of rsc.utilization) {
    const current = capacity.get(key);
    const result = current === undefined ? 0 : utilizationValue(current) - utilizationValue(value);
    capacity.set(key, String(result));
  }
}

/** Gives a resource's utilization back to a node (or adds it to a sum). */
export function releaseNodeCapacity(capacity: Map<string, string>, rsc: Resource): void {
  for (const [key, value] of rsc.utilization) {
    capacity.set(key, String(utilizationValue(capacity.get(key)) + utilizationValue(value)));
  }
}

/** Whether a node has at least the given amount left of every attribute. */
function haveEnoughCapacity(node: Node, required: Map<string, string>): boolean {
  for (const [key, value] of required) {
    if (utilizationValue(value) > utilizationValue(node.utilization.get(key))) return false;
  }
  return true;
}

/** What a set of resources still to be placed needs in all (each variant's addUtilization). */
function sumResourceUtilization(orig: Resource, rscs: readonly Resource[]): Map<string, string> {
  const sum = new Map<string, string>();
  for (const rsc of rscs) rsc.methods.addUtilization(rsc, orig, rscs, sum);
  return sum;
}

/**
 * Pacemaker's pcmk__ban_insufficient_capacity: bans a resource from the nodes that cannot hold it
 * and the unassigned resources colocated with it, or, when no node can hold them all, from the
 * nodes that cannot hold the resource alone; then returns the node with the most free capacity,
 * to be preferred.
 */
export function banInsufficientCapacity(rsc: Resource): Node | undefined {
  if (!usesUtilization(rsc.cluster.placementStrategy)) return undefined;
  const colocated = rsc.methods.colocatedResources(rsc, undefined, []);
  if (!colocated.includes(rsc)) colocated.push(rsc);
  const unassigned = sumResourceUtilization(rsc, colocated);
  let anyCapable = false;
  let mostCapable: Node | undefined;
  // upstream walks its hash table of allowed nodes: among equally free nodes, the first seen wins
  for (const id of glibHashOrder(rsc.allowedNodes.keys())) {
    const ns = rsc.allowedNodes.get(id)!;
    if (!nodeAvailable(ns, true, false)) continue;
    if (haveEnoughCapacity(ns.node, unassigned)) anyCapable = true;
    if (mostCapable === undefined || compareNodeCapacities(ns.node, mostCapable) < 0) mostCapable = ns.node;
  }
  const required = anyCapable ? unassigned : rsc.utilization;
  for (const ns of [...rsc.allowedNodes.values()]) {
    if (nodeAvailable(ns, true, false) && !haveEnoughCapacity(ns.node, required)) {
      resourceLocation(rsc, ns.node, MINUS_INFINITY, '__limit_utilization__');
    }
  }
  return anyCapable ? undefined : mostCapable;
}

/**
 * The pseudo-action standing for "the load on this node has been reduced": stops there come before
 * it and starts (or migrations) there after it, so a node is freed before it is filled again.
 */
function loadStoppedOp(ws: WorkingSet, node: Node): Action {
  const op = getPseudoOp(ws, `load_stopped_${node.uname}`);
  if (op.node === undefined) {
    op.node = node;
    op.flags &= ~ActionFlag.optional;
  }
  return op;
}

/** Pacemaker's pcmk__create_utilization_constraints, for a resource and its allowed nodes. */
export function createUtilizationConstraints(rsc: Resource, allowed: readonly Node[]): void {
  const ws = rsc.cluster;
  for (const node of rsc.runningOn) {
    const op = loadStoppedOp(ws, node);
    newOrdering(ws, rsc, opKey(rsc.id, 'stop'), undefined, undefined, undefined, op, OrderFlag.load);
  }
  for (const node of allowed) {
    const op = loadStoppedOp(ws, node);
    newOrdering(ws, undefined, undefined, op, rsc, opKey(rsc.id, 'start'), undefined, OrderFlag.load);
    newOrdering(ws, undefined, undefined, op, rsc, opKey(rsc.id, 'migrate_to'), undefined, OrderFlag.load);
  }
}
