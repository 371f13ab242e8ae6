// crm_simulate's behaviour as a library call (Pacemaker's pcmk__simulate): print the current
// cluster status, apply requested injections, schedule (with scores if asked), print the
// transition summary, execute the transition with simulated results, print the revised status.

import { XmlElement, formatUtc } from '@hacluster/cib';
import { unpackCluster, parseUseDate } from '../unpack/cluster.js';
import type { WorkingSet } from '../model/types.js';
import { schedule, type ScheduleResult } from '../schedule.js';
import { writeClusterStatus } from '../output/cluster-status.js';
import { TextOutput } from '../output/text.js';
import { graphToXml } from '../output/graph-xml.js';
import { dotGraph } from '../output/dot.js';
import { SchedulerError } from '../errors.js';
import { executeTransition } from './execute.js';
import { findResourceByHistory } from '../unpack/resource-helpers.js';
import {
  injectActionResult,
  injectFailcount,
  injectNode,
  injectNodeDown,
  injectNodeFail,
  injectNodeStateChange,
  injectQuorum,
  injectResourceHistory,
  parseOpSpec,
} from './inject.js';

export interface Injections {
  nodeUp?: string[];
  nodeDown?: string[];
  nodeFail?: string[];
  /** "<rsc>_<task>_<interval>@<node>=<rc>" results recorded before scheduling. */
  opInject?: string[];
  /** The same form: results the simulated transition produces for matching actions. */
  opFail?: string[];
  quorum?: string;
  watchdog?: string;
}

export interface SimulateOptions {
  /** Run the scheduler and print the transition summary (-R). */
  process?: boolean;
  /** Also execute the transition and print the revised status (-S). */
  simulate?: boolean;
  showScores?: boolean;
  showUtilization?: boolean;
  /** Show pending operations in the current status (default true, as crm_simulate). */
  showPending?: boolean;
  /** -Q: only the essential output. */
  quiet?: boolean;
  /** -t: the time to take as "now" (ISO 8601). */
  useDate?: string;
  injections?: Injections;
  /** Include optional actions in the dot graph (-a). */
  allActions?: boolean;
  verbose?: boolean;
}

export interface SimulateResult {
  stdout: string;
  /** Warnings about the input, issued before anything is printed (also the start of stderr). */
  warnings: string;
  stderr: string;
  /** 0 on success. */
  exitCode: number;
  /** The transition graph as XML (made when first read). */
  readonly graphXml?: string;
  /** The dot graph (made when first read). */
  readonly dot?: string;
  /** The CIB after injections (what --save-input writes). */
  inputCib: XmlElement;
  /** The CIB after the simulated transition (what --save-output writes). */
  outputCib: XmlElement;
  schedule?: ScheduleResult;
}

function unpackWith(root: XmlElement, options: SimulateOptions, now: number | undefined): WorkingSet {
  return unpackCluster(root, {
    now,
    showScores: options.showScores ?? false,
    showUtilization: options.showUtilization ?? false,
    sanitized: true,
  });
}

function printDate(out: TextOutput, root: XmlElement, options: SimulateOptions): void {
  if (options.useDate !== undefined) {
    out.info(`Setting effective cluster time: ${options.useDate}`);
    return;
  }
  const exec = root.get('execution-date');
  if (exec !== undefined && /^\s*[0-9]+/.test(exec) && Number.parseInt(exec, 10) > 0) {
    out.info(`Using the original execution date of: ${formatUtc({ epoch: Number.parseInt(exec, 10), offset: 0 })}`);
  }
}

function printClusterStatus(ws: WorkingSet, out: TextOutput, title: string, spacer: boolean, showPending: boolean): void {
  if (spacer) out.spacer();
  out.beginList(title);
  writeClusterStatus(ws, out, { showPending });
  out.endList();
}

function hasInjections(i: Injections | undefined): boolean {
  return !!i && !!(i.nodeUp?.length || i.nodeDown?.length || i.nodeFail?.length || i.opInject?.length || i.quorum !== undefined || i.watchdog !== undefined);
}

function applyInjections(ws: WorkingSet, cib: XmlElement, i: Injections, out: TextOutput): void {
  if (!out.isQuiet) {
    out.beginList('Performing Requested Modifications');
    if (i.quorum !== undefined) out.listItem(`Setting quorum: ${i.quorum}`);
    if (i.watchdog !== undefined) out.listItem(`Setting watchdog: ${i.watchdog}`);
  }
  const item = (text: string) => {
    if (!out.isQuiet) out.listItem(text);
  };
  if (i.quorum !== undefined) injectQuorum(cib, i.quorum);
  if (i.watchdog !== undefined) setWatchdog(cib, i.watchdog);
  for (const node of i.nodeUp ?? []) {
    item(`Bringing node ${node} online`);
    injectNodeStateChange(cib, node, true);
  }
  for (const node of i.nodeDown ?? []) {
    item(`Taking node ${node} offline`);
    injectNodeDown(cib, node);
  }
  for (const node of i.nodeFail ?? []) {
    item(`Failing node ${node}`);
    injectNodeFail(cib, node);
  }
  for (const spec of i.opInject ?? []) {
    item(`Injecting ${spec} into the configuration`);
    const op = parseOpSpec(spec);
    if (op === undefined) throw new SchedulerError({ code: 'INVALID_INJECTION', spec, reason: 'expected <resource>_<task>_<interval>@<node>=<rc>' });
    const rsc = findResourceByHistory(ws, op.rsc);
    if (rsc === undefined) throw new SchedulerError({ code: 'UNKNOWN_RESOURCE', id: op.rsc });
    const state = injectNode(cib, op.node);
    for (const line of injectFailcount(state, op.rsc, op.task, op.intervalMs, op.rc, ws.now)) item(line);
    const entry = injectResourceHistory(state, op.rsc, op.rsc, rsc.xml.get('class'), rsc.xml.get('type'), rsc.xml.get('provider'));
    injectActionResult(entry, { task: op.task, intervalMs: op.intervalMs, rc: op.rc, status: 0, targetRc: 0, now: ws.now });
  }
  if (!out.isQuiet) out.endList();
}

function setWatchdog(cib: XmlElement, value: string): void {
  const crm = cib.first('configuration')?.first('crm_config');
  if (!crm) return;
  const sets = crm.elements('cluster_property_set');
  const set = sets.find((s) => s.get('id') === 'cib-bootstrap-options') ?? sets[0];
  if (!set) return;
  const pair = set.elements('nvpair').find((p) => p.get('name') === 'have-watchdog');
  if (pair) {
    pair.set('value', value);
    return;
  }
  const nv = XmlElement.create('nvpair', { id: `${set.get('id')}-have-watchdog`, name: 'have-watchdog', value });
  nv.parent = set;
  set.children.push(nv);
}

/**
 * Runs crm_simulate on a CIB (its <cib> root; it is modified in place by injections and by the
 * simulated transition).
 */
export function simulateCluster(cib: XmlElement, options: SimulateOptions): SimulateResult {
  const out = new TextOutput(!options.showScores && !options.showUtilization, options.quiet ?? false);
  const stderr: string[] = [];
  const warnings: string[] = [];
  if (cib.get('validate-with')?.toLowerCase() === 'none') {
    warnings.push(
      'Schema validation of configuration is disabled (support for validate-with set to "none" is deprecated and will be removed in a future release)',
    );
  }
  let now: number | undefined;
  if (options.useDate !== undefined) {
    now = parseUseDate(options.useDate);
    if (now === undefined) throw new SchedulerError({ code: 'INVALID_DATE', value: options.useDate });
  }
  const showPending = options.showPending ?? true;
  printDate(out, cib, options);
  let ws = unpackWith(cib, options, now);
  let printed = false;
  if (!out.isQuiet) {
    // (crm_simulate shows the maint-mode message only in maintenance mode: stop-all-resources
    // alone, whose own text that message also has, is not announced)
    if (ws.flags.maintenanceMode) {
      out.raw('\n              *** Resource management is DISABLED ***\n  The cluster will not attempt to start, stop or recover services\n');
      printed = true;
    }
    if (ws.disabledResources || ws.blockedResources) {
      if (printed) out.spacer();
      printed = out.info(
        `${ws.disabledResources} of ${ws.ninstances} resource instances DISABLED and ${ws.blockedResources} BLOCKED from further action due to failure`,
      );
    }
    printClusterStatus(ws, out, 'Current cluster status', printed, showPending);
    printed = true;
  }
  if (hasInjections(options.injections)) {
    if (printed) out.spacer();
    applyInjections(ws, cib, options.injections!, out);
    printed = true;
    printDate(out, cib, options);
    ws = unpackWith(cib, options, now);
  }
  const inputCib = cib.clone();
  let result: ScheduleResult | undefined;
  let graphXml: string | undefined;
  let renderGraph: () => string | undefined = () => undefined;
  let renderDot: () => string | undefined = () => undefined;
  let dot: string | undefined;
  if (options.process || options.simulate) {
    const scoresTitle = options.showScores && options.showUtilization
      ? 'Allocation Scores and Utilization Information'
      : options.showScores
        ? 'Allocation Scores'
        : options.showUtilization
          ? 'Utilization Information'
          : undefined;
    if (scoresTitle !== undefined) {
      if (printed) out.spacer();
      out.beginList(scoresTitle);
      printed = true;
    }
    result = schedule(ws, { quiet: options.quiet ?? false });
    if (scoresTitle !== undefined) {
      for (const line of ws.trace.lines) out.listItem(line);
      out.endList();
    }
    // the graph's XML and the dot text are made only if asked for (see the result's getters)
    const scheduled = result;
    const dotWs = ws;
    renderGraph = () => (graphXml ??= graphToXml(scheduled.graph));
    renderDot = () => (dot ??= dotGraph(dotWs, options.allActions ?? false, options.verbose ?? false));
    if (!out.isQuiet) {
      if (printed) out.spacer();
      out.beginList('Transition Summary');
      for (const line of result.summary) out.listItem(line);
      out.endList();
    }
  }
  let exitCode = 0;
  if (options.simulate && result) {
    if (printed) out.spacer();
    if (!out.isQuiet) out.beginList('Executing Cluster Transition');
    const opFail = (options.injections?.opFail ?? []).map((spec) => ({ spec, parsed: parseOpSpec(spec) }));
    const exec = executeTransition(ws, result.graph, cib, opFail);
    for (const e of exec.entries) {
      if (e.kind === 'error') stderr.push(e.text);
      else if (e.kind === 'info') out.info(e.text);
      else if (!out.isQuiet) out.listItem(e.text);
    }
    if (!exec.complete) {
      stderr.push('Transition failed: terminated');
      stderr.push('An invalid transition was produced');
      exitCode = 70;
    }
    if (!out.isQuiet) out.endList();
    if (!out.isQuiet) {
      printDate(out, cib, options);
      const revised = unpackWith(cib, options, now);
      printClusterStatus(revised, out, 'Revised Cluster Status', true, false);
    }
  }
  return {
    stdout: out.text(),
    stderr: [...warnings, ...stderr].map((l) => `${l}\n`).join(''),
    warnings: warnings.map((l) => `${l}\n`).join(''),
    exitCode,
    get graphXml() {
      return renderGraph();
    },
    get dot() {
      return renderDot();
    },
    inputCib,
    outputCib: cib,
    schedule: result,
  };
}
