// Resource order under a placement strategy other than "default" (Pacemaker's
// pcmk__sort_resources): by priority, then by the score of each resource's current node, then by
// the scores on each node in node order.

import type { Node, NodeTable, Resource, WorkingSet } from '../model/types.js';
import { ColocSelect } from '../constraints/colocation.js';
import { sortNodes } from './nodes.js';
import { currentNode } from '../unpack/resource-helpers.js';
import { allNodesTable } from '../constraints/resource-location.js';
import { glibSort } from '../util/glib-sort.js';

const MINUS_INF = -1_000_000;

function weightOn(node: Node | undefined, table: NodeTable | undefined): number {
  if (node === undefined || table === undefined) return MINUS_INF;
  return table.get(node.id)?.weight ?? MINUS_INF;
}

export function sortResourcesForPlacement(ws: WorkingSet): void {
  const nodes = sortNodes(ws, [...allNodesTable(ws.nodes).values()], undefined).map((ns) => ns.node);
  const colocated = new Map<Resource, NodeTable | undefined>();
  const scoresOf = (rsc: Resource): NodeTable | undefined => {
    if (!colocated.has(rsc)) {
      const holder = { table: undefined as NodeTable | undefined };
      rsc.methods.addColocatedNodeScores(rsc, undefined, rsc.id, holder, undefined, 1, ColocSelect.thisWith);
      colocated.set(rsc, holder.table);
    }
    return colocated.get(rsc);
  };
  // GLib's merge sort, as upstream: ties keep their order
  ws.resources = glibSort(ws.resources, (r1, r2) => {
    if (r1.priority > r2.priority) return -1;
    if (r1.priority < r2.priority) return 1;
    const n1 = scoresOf(r1);
    const n2 = scoresOf(r2);
    const w1 = weightOn(r1.runningOn.length ? currentNode(r1) : undefined, n1);
    const w2 = weightOn(r2.runningOn.length ? currentNode(r2) : undefined, n2);
    if (w1 > w2) return -1;
    if (w1 < w2) return 1;
    for (const node of nodes) {
      const x = weightOn(node, n1);
      const y = weightOn(node, n2);
      if (x > y) return -1;
      if (x < y) return 1;
    }
    return 0;
  });
}
