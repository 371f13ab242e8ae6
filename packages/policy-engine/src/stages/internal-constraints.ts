// Stage: implicit constraints (Pacemaker's pcmk__create_internal_constraints): each resource
// adds the orderings and colocations its variant implies (stop before start, group members…).

import type { WorkingSet } from '../model/types.js';

export function createInternalConstraints(ws: WorkingSet): void {
  for (const rsc of ws.resources) rsc.methods.internalConstraints(rsc);
}
