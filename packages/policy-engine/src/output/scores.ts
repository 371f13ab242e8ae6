// Allocation score lines (crm_simulate -s): recorded by the stages at the moment they use the
// scores (Pacemaker's pe__show_node_weights), so the lines show exactly what decided placement.

import { formatScore } from '@hacluster/cib';
import type { Node, NodeTable, Resource, WorkingSet } from '../model/types.js';
import { glibHashOrder } from '../util/glib-hash.js';
import { numericStrcasecmp } from '../util/strings.js';

/**
 * Records "<fn>: <rsc> allocation score on <node>: <score>" for each node of the table (sorted by
 * node name), then for each child with its own table. Orphans are not shown.
 */
export function showNodeScores(ws: WorkingSet, rsc: Resource, fn: string, table: NodeTable): void {
  if (!ws.flags.showScores) return;
  if (rsc.orphan) return;
  const entries = [...table.values()].sort((a, b) => numericStrcasecmp(a.node.uname, b.node.uname));
  for (const ns of entries) {
    ws.trace.lines.push(`${fn}: ${rsc.id} allocation score on ${ns.node.uname}: ${formatScore(ns.weight)}`);
  }
  for (const child of rsc.children) showNodeScores(ws, child, fn, child.allowedNodes);
}

/** Records "<rsc> promotion score on <node>: <score>" ("(inactive)" for an instance placed nowhere). */
export function showPromotionScore(ws: WorkingSet, rsc: Resource, nodeName: string | undefined, score: string): void {
  if (!ws.flags.showScores) return;
  const where = nodeName === undefined ? '(inactive)' : `on ${nodeName}`;
  ws.trace.lines.push(`${rsc.id} promotion score ${where}: ${score}`);
}

/** Utilization attributes as upstream lists them (" name=value" in its hash table's order). */
function utilizationText(values: ReadonlyMap<string, string>): string {
  return glibHashOrder(values.keys())
    .map((k) => ` ${k}=${values.get(k)}`)
    .join('');
}

/** Records "<desc>: <node> capacity: …" for every node (crm_simulate -U). */
export function showNodeCapacities(ws: WorkingSet, desc: string): void {
  if (!ws.flags.showUtilization) return;
  for (const node of ws.nodes) ws.trace.lines.push(`${desc}: ${node.uname} capacity:${utilizationText(node.utilization)}`);
}

/** Records "<fn>: <rsc> utilization on <node>: …" when a resource is assigned (crm_simulate -U). */
export function showResourceUtilization(ws: WorkingSet, rsc: Resource, node: Node, fn: string): void {
  if (!ws.flags.showUtilization) return;
  ws.trace.lines.push(`${fn}: ${rsc.id} utilization on ${node.uname}:${utilizationText(rsc.utilization)}`);
}
