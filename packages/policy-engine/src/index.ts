// Public surface of @hacluster/policy-engine: the scheduler (Pacemaker's policy engine).

export type { WorkingSet, Node, Resource, Action, Colocation, Location, Ordering, NodeScore } from './model/types.js';
export { Role, roleText, parseRoleN, type RoleN } from './model/role.js';
export { ActionFlag, OrderFlag } from './model/flags.js';
export { unpackCluster, newWorkingSet, effectiveNow, parseUseDate, type UnpackOptions } from './unpack/cluster.js';
export { schedule, type ScheduleResult, type ScheduleOptions } from './schedule.js';
export { SchedulerError, renderSchedulerProblem, type SchedulerProblem } from './errors.js';
export { TextOutput } from './output/text.js';
export { formatClusterStatus, writeClusterStatus, primitiveLine, type StatusOptions } from './output/cluster-status.js';
export { transitionSummary } from './output/transition-summary.js';
export { createGraph, SCHEDULER_FEATURE_SET, type TransitionGraph, type Synapse, type GraphAction } from './output/graph.js';
export { graphToXml, graphToXmlBytes, writeGraphXml } from './output/graph-xml.js';
export { dotGraph } from './output/dot.js';
export { simulateCluster, type SimulateOptions, type SimulateResult, type Injections } from './simulate/simulate.js';
export { registerVariant } from './variants/registry.js';
export type { VariantMethods } from './variants/methods.js';
