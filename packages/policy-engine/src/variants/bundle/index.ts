// The bundle row of the variant method table (Pacemaker's bundle entries of
// resource_object_functions_t and pcmk__assignment_methods_t).

import type { VariantMethods } from '../methods.js';
import { resourceLocationNodes } from '../primitive/status.js';
import { addColocatedNodeScores } from '../../constraints/colocation.js';
import { colocatedResources } from '../shared/colocated.js';
import { collectiveActionFlags } from '../instances/actions.js';
import { instanceUpdateOrderedActions } from '../instances/interleave.js';
import { bundleUnpack } from './unpack.js';
import { bundleActive, bundleState } from './status.js';
import { bundleAssign } from './assign.js';
import { bundleCreateActions } from './actions.js';
import { bundleCreateProbe } from './probes.js';
import { bundleApplyColocScore, bundleApplyLocation, bundleInternalConstraints, bundleWithColocations, withBundleColocations } from './constraints.js';
import { bundleAddActionsToGraph, bundleOutputActions } from './graph.js';
import { bundleContainers } from './data.js';

/** Tasks the bundled resource performs itself (the containers know nothing of them). */
const INNER_TASKS = new Set(['notify', 'notified', 'promote', 'promoted', 'demote', 'demoted']);

export const bundleMethods: VariantMethods = {
  unpack: bundleUnpack,
  active: bundleActive,
  state: bundleState,
  location: resourceLocationNodes,
  assign: bundleAssign,
  createActions: bundleCreateActions,
  createProbe: bundleCreateProbe,
  internalConstraints: bundleInternalConstraints,
  applyColocScore: bundleApplyColocScore,
  withThisColocations: withBundleColocations,
  thisWithColocations: bundleWithColocations,
  addColocatedNodeScores,
  colocatedResources,
  addUtilization: (rsc, orig, all, utilization) => {
    // replicas are all alike, and only the container can have utilization: the first one's
    if (!rsc.provisional) return;
    const container = rsc.bundle!.replicas[0]?.container;
    if (container !== undefined) container.methods.addUtilization(container, orig, all, utilization);
  },
  applyLocation: bundleApplyLocation,
  actionFlags: (action, node) => {
    const rsc = action.rsc!;
    const child = rsc.bundle!.child;
    // (upstream's get_complex_task: unknown tasks count as the bundled resource's too)
    if (child !== undefined && (INNER_TASKS.has(action.task) || !KNOWN_TASKS.has(action.task))) {
      return collectiveActionFlags(action, child.children, node);
    }
    return collectiveActionFlags(action, bundleContainers(rsc), node);
  },
  updateOrderedActions: instanceUpdateOrderedActions,
  outputActions: bundleOutputActions,
  addActionsToGraph: bundleAddActionsToGraph,
  // the bundle adds nothing to its members' actions
  addGraphMeta: () => {},
  // bundles do not take shutdown locks
  shutdownLock: () => {},
};

/** Task names upstream's get_complex_task knows (others are "no action"). */
const KNOWN_TASKS = new Set([
  'stop', 'stopped', 'start', 'running', 'monitor', 'notify', 'notified', 'promote', 'promoted', 'demote', 'demoted',
  'shutdown', 'stonith', 'cancel', 'delete', 'lrm_delete', 'migrate_to', 'migrate_from', 'probe_complete',
]);

export { formatBundle } from './format.js';
