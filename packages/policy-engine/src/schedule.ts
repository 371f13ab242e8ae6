// The scheduler: from an unpacked cluster to the transition graph, as a list of named stages in
// Pacemaker's order (pcmk__schedule_actions). Each stage is a function in src/stages, working on
// the same working set; the order matters, since it decides action ids and graph order.

import type { WorkingSet } from './model/types.js';
import { applyNodeHealth } from './stages/node-health.js';
import { unpackConstraints } from './stages/constraints.js';
import { applyNodeCriteria } from './stages/node-criteria.js';
import { createInternalConstraints } from './stages/internal-constraints.js';
import { handleConfigChanges } from './stages/config-changes.js';
import { assignResources } from './stages/assign.js';
import { scheduleResourceActions } from './stages/create-actions.js';
import { orderRemoteConnectionActions } from './stages/remote-orderings.js';
import { scheduleFencingAndShutdowns } from './stages/fencing.js';
import { applyOrderings } from './stages/orderings.js';
import { createGraph, emptyGraph, type TransitionGraph } from './output/graph.js';
import { transitionSummary } from './output/transition-summary.js';

export interface ScheduleResult {
  ws: WorkingSet;
  graph: TransitionGraph;
  /** The Transition Summary lines (without list bullets). */
  summary: string[];
  /** Notices printed while scheduling (shown with the scores, as crm_simulate does). */
  notices: string[];
}

export interface ScheduleOptions {
  /** Stop after unpacking constraints (crm_verify's check). */
  checkOnly?: boolean;
  /** Quiet output (-Q): notices are not shown among the scores. */
  quiet?: boolean;
}

export function schedule(ws: WorkingSet, options: ScheduleOptions = {}): ScheduleResult {
  const notices: string[] = [];
  const info = (msg: string) => {
    notices.push(msg);
    if (ws.flags.showScores && !options.quiet) ws.trace.lines.push(msg);
  };
  applyNodeHealth(ws);
  unpackConstraints(ws);
  if (options.checkOnly) return { ws, graph: emptyGraph(ws), summary: [], notices };
  applyNodeCriteria(ws);
  createInternalConstraints(ws);
  handleConfigChanges(ws, info);
  assignResources(ws);
  scheduleResourceActions(ws, info);
  // before fencing: it is one more place where nodes may turn out to need fencing
  orderRemoteConnectionActions(ws);
  scheduleFencingAndShutdowns(ws);
  applyOrderings(ws);
  // Upstream logs the summary before building the graph; that pass fixes the column widths and
  // has side effects the graph sees (node-less actions get the node they were looked up on).
  const summary = transitionSummary(ws);
  const graph = createGraph(ws);
  return { ws, graph, summary, notices };
}
