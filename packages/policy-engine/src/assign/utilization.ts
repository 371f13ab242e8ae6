// Node capacity (placement-strategy balanced, utilization, minimal). Utilization values are
// integers per attribute; a node's free capacity is its utilization minus what is assigned.

import type { Node } from '../model/types.js';

function num(v: string | undefined): number {
  if (v === undefined) return 0;
  const m = /^\s*([+-]?\d+)/.exec(v);
  return m ? Number(m[1]) : 0;
}

/**
 * Pacemaker's pcmk__compare_node_capacities: negative when the first node has more free capacity
 * (counting, per attribute, which node has more left), positive when the second has.
 */
export function compareNodeCapacities(a: Node, b: Node): number {
  let result = 0;
  for (const [key, value] of a.utilization) {
    const n1 = num(value);
    const n2 = num(b.utilization.get(key));
    if (n1 > n2) result--;
    else if (n1 < n2) result++;
  }
  for (const [key, value] of b.utilization) {
    if (a.utilization.has(key)) continue;
    const n2 = num(value);
    if (n2 > 0) result++;
    else if (n2 < 0) result--;
  }
  return result;
}
