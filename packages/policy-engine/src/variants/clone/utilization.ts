// What a clone contributes when the utilization of a colocated set is summed
// (Pacemaker's pcmk__clone_add_utilization).

import type { Resource } from '../../model/types.js';

/**
 * A clone counts once, through one instance: an instance already in the set (or whose group
 * members are) stands for the clone; if none is, the first instance's needs are added, since
 * any instance placed with the set brings that much load.
 */
export function cloneAddUtilization(rsc: Resource, orig: Resource, all: readonly Resource[], utilization: Map<string, string>): void {
  if (!rsc.provisional) return;
  let existing = false;
  for (const instance of rsc.children) {
    if (all.includes(instance)) {
      existing = true;
    } else if (instance.children.some((member) => all.includes(member))) {
      // a cloned group: add the instance's utilization, not its member's
      instance.methods.addUtilization(instance, orig, all, utilization);
      existing = true;
    }
  }
  const first = rsc.children[0];
  if (!existing && first !== undefined) first.methods.addUtilization(first, orig, all, utilization);
}
