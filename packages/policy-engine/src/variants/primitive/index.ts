// The primitive row of the variant method table.

import type { VariantMethods } from '../methods.js';
import { primitiveActive, primitiveState, primitiveUnpack, resourceLocationNodes } from './status.js';
import { primitiveAssign } from './assign.js';
import { primitiveCreateActions } from './actions.js';
import { primitiveApplyColocScore, primitiveInternalConstraints, primitiveWithColocations, withPrimitiveColocations } from './constraints.js';
import { addColocatedNodeScores } from '../../constraints/colocation.js';
import { primitiveShutdownLock } from './shutdown-lock.js';
import { probeResourceOnNode } from '../../stages/probes.js';
import { applyLocationToResource } from '../../constraints/location.js';
import { colocatedResources } from '../shared/colocated.js';
import { updateOrderedActions } from '../../stages/ordered-actions.js';
import { outputResourceActions } from '../../output/transition-summary.js';
import { addResourceActionsToGraph } from '../../output/graph.js';
import { primitiveAddGraphMeta } from './graph-meta.js';
import { primitiveAddUtilization } from './utilization.js';

export const primitiveMethods: VariantMethods = {
  unpack: primitiveUnpack,
  active: primitiveActive,
  state: primitiveState,
  location: resourceLocationNodes,
  assign: primitiveAssign,
  createActions: primitiveCreateActions,
  createProbe: probeResourceOnNode,
  internalConstraints: primitiveInternalConstraints,
  applyColocScore: primitiveApplyColocScore,
  withThisColocations: withPrimitiveColocations,
  thisWithColocations: primitiveWithColocations,
  addColocatedNodeScores,
  colocatedResources,
  addUtilization: primitiveAddUtilization,
  applyLocation: applyLocationToResource,
  actionFlags: (action) => action.flags,
  updateOrderedActions,
  outputActions: outputResourceActions,
  addActionsToGraph: addResourceActionsToGraph,
  addGraphMeta: primitiveAddGraphMeta,
  shutdownLock: primitiveShutdownLock,
};
