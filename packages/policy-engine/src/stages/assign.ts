// Stage: assignment (Pacemaker's assign_resources): remote connections first, then every
// resource in priority order (sorted by placement preferences under a non-default strategy).

import type { WorkingSet } from '../model/types.js';
import { sortResourcesForPlacement } from '../assign/sort-resources.js';
import { showNodeCapacities } from '../output/scores.js';

export function assignResources(ws: WorkingSet): void {
  if (ws.placementStrategy.toLowerCase() !== 'default') sortResourcesForPlacement(ws);
  showNodeCapacities(ws, 'Original');
  if (ws.flags.haveRemoteNodes) {
    for (const rsc of ws.resources) {
      if (rsc.isRemoteNode) rsc.methods.assign(rsc, rsc.partialMigrationTarget, true);
    }
  }
  for (const rsc of ws.resources) {
    if (!rsc.isRemoteNode) rsc.methods.assign(rsc, undefined, true);
  }
  showNodeCapacities(ws, 'Remaining');
}
