// Stage: node criteria (Pacemaker's apply_node_criteria): shutdown locks, location constraints,
// stickiness on the current node, bans after too many failures, exclusive resource discovery.

import { MINUS_INFINITY } from '@hacluster/cib';
import { Discover, type Node, type Resource, type WorkingSet } from '../model/types.js';
import { resourceLocation } from '../constraints/resource-location.js';
import { getFailcount, hasFailCounts } from '../unpack/failcounts.js';
import { resourceActions } from '../actions/action.js';
import { topResource } from '../unpack/resource-helpers.js';

function applyStickiness(rsc: Resource): void {
  if (rsc.children.length) {
    for (const c of rsc.children) applyStickiness(c);
    return;
  }
  if (!rsc.managed || rsc.stickiness < 1 || rsc.runningOn.length !== 1) return;
  const node = rsc.runningOn[0]!;
  if (!rsc.cluster.flags.symmetricCluster && !rsc.allowedNodes.has(node.id)) return;
  resourceLocation(rsc, node, rsc.stickiness, 'stickiness');
}

/** Pacemaker's pcmk__threshold_reached: the resource to ban if the fail count reached the threshold. */
export function thresholdReached(rsc: Resource, node: Node): Resource | undefined {
  if (rsc.migrationThreshold === 0) return undefined;
  if (rsc.failureIgnored) return undefined;
  const count = getFailcount(node, rsc, { effective: true, fillers: true }).count;
  if (count <= 0) return undefined;
  const toBan = rsc.unique ? rsc : topResource(rsc);
  return rsc.migrationThreshold - count <= 0 ? toBan : undefined;
}

function checkFailureThreshold(rsc: Resource, node: Node): void {
  if (rsc.children.length) {
    for (const c of rsc.children) checkFailureThreshold(c, node);
    return;
  }
  // (most resources have no actions yet at this stage: skip the lookup for them)
  if (rsc.actions.length !== 0 && resourceActions(rsc, node, 'clear_failcount', true).length) return;
  const failed = thresholdReached(rsc, node);
  if (failed) resourceLocation(failed, node, MINUS_INFINITY, '__fail_limit__');
}

function applyExclusiveDiscovery(rsc: Resource, node: Node): void {
  if (!rsc.exclusiveDiscover && !topResource(rsc).exclusiveDiscover) return;
  for (const c of rsc.children) applyExclusiveDiscovery(c, node);
  const match = rsc.allowedNodes.get(node.id);
  if (match && match.discoverMode !== Discover.exclusive) match.weight = MINUS_INFINITY;
}

export function applyNodeCriteria(ws: WorkingSet): void {
  if (ws.flags.shutdownLock) for (const rsc of ws.resources) rsc.methods.shutdownLock(rsc);
  for (let i = ws.locations.length - 1; i >= 0; i--) {
    const location = ws.locations[i]!;
    location.rsc.methods.applyLocation(location.rsc, location);
  }
  for (const rsc of ws.resources) applyStickiness(rsc);
  for (const node of ws.nodes) {
    // (without any fail count on the node, no threshold can be reached there)
    const failures = hasFailCounts(node);
    for (const rsc of ws.resources) {
      if (failures) checkFailureThreshold(rsc, node);
      applyExclusiveDiscovery(rsc, node);
    }
  }
}
