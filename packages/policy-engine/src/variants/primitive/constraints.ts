// A primitive's own constraints (Pacemaker's pcmk__primitive_internal_constraints) and how a
// colocation applies to it (pcmk__primitive_apply_coloc_score).

import { INFINITY, MINUS_INFINITY, type Score } from '@hacluster/cib';
import { Role } from '../../model/role.js';
import { OrderFlag } from '../../model/flags.js';
import type { Colocation, Node, Resource } from '../../model/types.js';
import { newOrdering, orderResourceActions } from '../../constraints/ordering.js';
import {
  addThisWithList,
  addThisWithTo,
  addWithThisList,
  addWithThisTo,
  applyColocToPriority,
  applyColocToScores,
  colocationAffects,
  CollocAffects,
  newColocation,
} from '../../constraints/colocation.js';
import { fenceOp } from '../../unpack/fence.js';
import { createUtilizationConstraints, usesUtilization } from '../../assign/utilization.js';
import { opKey } from '../../util/opkey.js';
import { numericStrcasecmp } from '../../util/strings.js';
import { topResource } from '../../unpack/resource-helpers.js';

function avoidRemoteNodes(rsc: Resource): void {
  for (const ns of rsc.allowedNodes.values()) if (ns.node.remoteRsc !== undefined) ns.weight = MINUS_INFINITY;
}

function orderRestartVsUnfence(rsc: Resource, node: Node): void {
  const ws = rsc.cluster;
  const unfence = fenceOp(ws, node, 'on', true, undefined, false);
  newOrdering(ws, rsc, opKey(rsc.id, 'stop'), undefined, undefined, unfence.uuid, unfence, OrderFlag.optional | OrderFlag.sameNode);
  newOrdering(ws, undefined, unfence.uuid, unfence, rsc, opKey(rsc.id, 'start'), undefined, OrderFlag.impliesThenOnNode | OrderFlag.sameNode);
}

export function primitiveInternalConstraints(rsc: Resource): void {
  if (!rsc.managed) return;
  const ws = rsc.cluster;
  const top = topResource(rsc);
  const checkUnfencing = !rsc.fenceDevice && ws.flags.enableUnfencing && rsc.needsUnfencing;
  const checkUtilization = rsc.utilization.size > 0 && usesUtilization(ws.placementStrategy);
  newOrdering(ws, rsc, opKey(rsc.id, 'stop'), undefined, rsc, opKey(rsc.id, 'start'), undefined, OrderFlag.optional | OrderFlag.impliesThen | OrderFlag.restart);
  if (top.promotable || rsc.role > Role.unpromoted) {
    newOrdering(ws, rsc, opKey(rsc.id, 'demote'), undefined, rsc, opKey(rsc.id, 'stop'), undefined, OrderFlag.promotedImpliesFirst);
    newOrdering(ws, rsc, opKey(rsc.id, 'start'), undefined, rsc, opKey(rsc.id, 'promote'), undefined, OrderFlag.runnableLeft);
  }
  newOrdering(ws, rsc, opKey(rsc.id, 'lrm_delete'), undefined, rsc, opKey(rsc.id, 'monitor'), undefined, OrderFlag.sameNode | OrderFlag.thenCancelsFirst);
  let allowed: Node[] = [];
  if (checkUnfencing || checkUtilization || rsc.container !== undefined) {
    allowed = [...rsc.allowedNodes.values()].map((ns) => ns.node).sort((a, b) => numericStrcasecmp(a.uname, b.uname));
  }
  if (checkUnfencing) for (const node of allowed) orderRestartVsUnfence(rsc, node);
  if (checkUtilization) createUtilizationConstraints(rsc, allowed);
  if (rsc.container !== undefined) {
    let remoteRsc: Resource | undefined;
    if (rsc.isRemoteNode) {
      if (!rsc.allowRemoteRemotes) avoidRemoteNodes(rsc.container);
      orderResourceActions(rsc.container, 'monitor', rsc, 'stop', OrderFlag.optional);
    } else if (rsc.container.isRemoteNode) {
      remoteRsc = rsc.container;
    } else {
      remoteRsc = rsc.container.fillers.find((f) => f.isRemoteNode);
    }
    if (remoteRsc !== undefined) {
      for (const node of allowed) {
        const ns = rsc.allowedNodes.get(node.id)!;
        if (node.remoteRsc !== remoteRsc) ns.weight = MINUS_INFINITY;
      }
    } else {
      newOrdering(ws, rsc.container, opKey(rsc.container.id, 'start'), undefined, rsc, opKey(rsc.id, 'start'), undefined, OrderFlag.impliesThen | OrderFlag.runnableLeft);
      newOrdering(ws, rsc, opKey(rsc.id, 'stop'), undefined, rsc.container, opKey(rsc.container.id, 'stop'), undefined, OrderFlag.impliesFirst);
      const score = (rsc.allowRemoteRemotes ? 10000 : INFINITY) as Score;
      newColocation(ws, '#resource-with-container', undefined, score, rsc, rsc.container, undefined, undefined, true, false);
    }
  }
  if (rsc.isRemoteNode || rsc.fenceDevice) avoidRemoteNodes(rsc);
}

export function primitiveApplyColocScore(dependent: Resource, primary: Resource, c: Colocation, forDependent: boolean): number {
  // always processed on behalf of the primary
  if (forDependent) return primary.methods.applyColocScore(dependent, primary, c, false);
  switch (colocationAffects(dependent, primary, c, false)) {
    case CollocAffects.role:
      return applyColocToPriority(dependent, primary, c);
    case CollocAffects.location:
      applyColocToScores(dependent, primary, c);
      return 0;
    default:
      return 0;
  }
}

/**
 * Pacemaker's pcmk__with_primitive_colocations: for the resource itself, its own colocations and
 * the relevant ones of its ancestors; for a descendant, only the explicitly configured ones.
 */
export function withPrimitiveColocations(rsc: Resource, orig: Resource, list: Colocation[]): void {
  if (rsc === orig) {
    addWithThisList(list, rsc.withThis);
    if (rsc.parent !== undefined) rsc.parent.methods.withThisColocations(rsc.parent, orig, list);
  } else {
    for (const c of rsc.withThis) if (c.explicit) addWithThisTo(list, c);
  }
}

/** Pacemaker's pcmk__primitive_with_colocations (the "this with" counterpart). */
export function primitiveWithColocations(rsc: Resource, orig: Resource, list: Colocation[]): void {
  if (rsc === orig) {
    addThisWithList(list, rsc.thisWith);
    if (rsc.parent !== undefined) rsc.parent.methods.thisWithColocations(rsc.parent, orig, list);
  } else {
    for (const c of rsc.thisWith) if (c.explicit) addThisWithTo(list, c);
  }
}
