// Stage: resource actions (Pacemaker's schedule_resource_actions): deferred parameter checks, probes, clearing the fail
// counts of removed resources, then each resource's own actions.

import { OrderFlag } from '../model/flags.js';
import type { Resource, WorkingSet } from '../model/types.js';
import { clearFailcount } from '../actions/failcount-actions.js';
import { newOrdering } from '../constraints/ordering.js';
import { getFailcount } from '../unpack/failcounts.js';
import { opKey } from '../util/opkey.js';
import { scheduleProbes } from './probes.js';
import { runDeferredParamChecks } from './config-changes.js';

function clearFailcountsIfOrphaned(ws: WorkingSet, rsc: Resource): void {
  if (!rsc.orphan) return;
  for (const node of ws.nodes) {
    if (!node.online) continue;
    if (getFailcount(node, rsc, { effective: true }).count === 0) continue;
    const clear = clearFailcount(rsc, node, 'it is orphaned');
    newOrdering(ws, clear.rsc, undefined, clear, rsc, opKey(rsc.id, 'stop'), undefined, OrderFlag.optional);
  }
}

export function scheduleResourceActions(ws: WorkingSet, info: (msg: string) => void): void {
  runDeferredParamChecks(ws, info);
  if (ws.flags.startupProbes) scheduleProbes(ws);
  if (ws.flags.stopRscOrphans) for (const rsc of ws.resources) clearFailcountsIfOrphaned(ws, rsc);
  for (const rsc of ws.resources) rsc.methods.createActions(rsc);
}
