// The clone row of the variant method table (Pacemaker's clone entries of
// resource_object_functions_t and pcmk__assignment_methods_t).

import type { VariantMethods } from '../methods.js';
import { resourceLocationNodes } from '../primitive/status.js';
import { addColocatedNodeScores } from '../../constraints/colocation.js';
import { colocatedResources } from '../shared/colocated.js';
import { outputResourceActions } from '../../output/transition-summary.js';
import { collectiveActionFlags } from '../instances/actions.js';
import { instanceUpdateOrderedActions } from '../instances/interleave.js';
import { cloneUnpack, findAnonymousInstance } from './unpack.js';
import { cloneActive, cloneState } from './status.js';
import { cloneAssign } from './assign.js';
import { cloneCreateActions } from './actions.js';
import { cloneCreateProbe } from './probes.js';
import { cloneApplyColocScore, cloneApplyLocation, cloneInternalConstraints, cloneWithColocations, withCloneColocations } from './constraints.js';
import { cloneAddActionsToGraph, cloneAddGraphMeta } from './graph.js';
import { cloneAddUtilization } from './utilization.js';
import { registerCloneFeatures } from './features.js';
import { promotableClones } from './promotable/index.js';
import { cloneNotifications } from './notify/index.js';

export const cloneMethods: VariantMethods = {
  unpack: cloneUnpack,
  active: cloneActive,
  state: cloneState,
  location: resourceLocationNodes,
  assign: cloneAssign,
  createActions: cloneCreateActions,
  createProbe: cloneCreateProbe,
  internalConstraints: cloneInternalConstraints,
  applyColocScore: cloneApplyColocScore,
  withThisColocations: withCloneColocations,
  thisWithColocations: cloneWithColocations,
  addColocatedNodeScores,
  colocatedResources,
  addUtilization: cloneAddUtilization,
  applyLocation: cloneApplyLocation,
  actionFlags: (action, node) => collectiveActionFlags(action, action.rsc!.children, node),
  updateOrderedActions: instanceUpdateOrderedActions,
  outputActions: outputResourceActions,
  addActionsToGraph: cloneAddActionsToGraph,
  addGraphMeta: cloneAddGraphMeta,
  // clones do not take shutdown locks
  shutdownLock: () => {},
  findAnonymousInstance,
};

// notify=true on a clone
registerCloneFeatures({ promotable: promotableClones, notify: cloneNotifications });

export { formatClone } from './format.js';
export { registerCloneFeatures, type PromotableFeature, type NotifyFeature } from './features.js';
