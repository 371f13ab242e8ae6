// Executing a transition with simulated results (Pacemaker's pcmk__execute_graph with
// crm_simulate's action callbacks): synapses fire, in graph order, as soon as their inputs are
// confirmed; every simulated action succeeds at once unless --op-fail says otherwise, and its
// result is recorded in the CIB's status so that the revised state can be unpacked from it.

import type { XmlElement } from '@hacluster/cib';
import type { GraphAction, GraphActionDetails, TransitionGraph } from '../output/graph.js';
import type { WorkingSet } from '../model/types.js';
import { findResourceByHistory } from '../unpack/resource-helpers.js';
import {
  injectActionResult,
  injectFailcount,
  injectNode,
  injectNodeDown,
  injectResourceHistory,
  type OpSpec,
} from './inject.js';

export interface ExecutionEntry {
  /** item: "Pseudo action: …", "Resource action: …"; info: "Pretending …"; error: to stderr. */
  kind: 'item' | 'info' | 'error';
  text: string;
}

export interface ExecutionLog {
  /** What happened, in execution order. */
  entries: ExecutionEntry[];
  /** Everything completed (false: some synapse could never fire). */
  complete: boolean;
}

interface Synapse {
  priority: number;
  action: GraphAction;
  inputIds: number[];
  executed: boolean;
  confirmed: boolean;
}

function attr(a: GraphAction, name: string): string | undefined {
  return a.attrs.find(([k]) => k === name)?.[1];
}

function param(d: GraphActionDetails, name: string): string | undefined {
  return d.attributes.find(([k]) => k === name)?.[1];
}

/** Runs the graph to completion, recording results in `cib` (its <cib> root element). */
export function executeTransition(
  ws: WorkingSet,
  graph: TransitionGraph,
  cib: XmlElement,
  opFail: readonly { spec: string; parsed: OpSpec | undefined }[],
): ExecutionLog {
  const log: ExecutionLog = { entries: [], complete: true };
  const item = (text: string) => log.entries.push({ kind: 'item', text });
  const synapses: Synapse[] = graph.synapses.map((s) => ({
    priority: s.priority,
    action: graph.form(s.action),
    inputIds: s.inputs.map((i) => i.id),
    executed: false,
    confirmed: false,
  }));
  const confirmed = new Set<number>();
  const failed = new Set<number>();
  let abortPriority = 0;

  const simulate = (a: GraphAction): void => {
    const task = attr(a, 'operation') ?? '';
    const key = attr(a, 'operation_key') ?? '';
    const node = attr(a, 'on_node');
    const details = graph.details(a.action);
    if (a.element === 'pseudo_event') {
      item(`Pseudo action:   ${key}${node !== undefined ? ` on ${node}` : ''}`);
    } else if (a.element === 'crm_event' && task === 'stonith') {
      const op = param(details, 'CRM_meta_stonith_action') ?? '';
      item(`Fencing ${node} (${op})`);
      if (op.toLowerCase() !== 'on' && node !== undefined) injectNodeDown(cib, node);
    } else if (a.element === 'crm_event') {
      const rscName = details.resource?.[1].find(([k]) => k === 'id')?.[1];
      item(rscName !== undefined ? `Cluster action:  ${task} for ${rscName} on ${node}` : `Cluster action:  ${task} on ${node}`);
    } else {
      simulateResourceAction(a, details, task, node ?? '');
    }
  };

  const knownResource = (name: string): boolean => findResourceByHistory(ws, name) !== undefined;

  const simulateResourceAction = (a: GraphAction, details: GraphActionDetails, task: string, node: string): void => {
    if (task === 'probe_complete') return;
    const rscAttrs = details.resource?.[1] ?? [];
    const get = (n: string) => rscAttrs.find(([k]) => k === n)?.[1];
    const configName = get('id') ?? '';
    let resource = configName;
    if (!knownResource(resource)) {
      const longName = get('long-id');
      if (longName !== undefined && knownResource(longName)) resource = longName;
    }
    const intervalMs = Number.parseInt(param(details, 'CRM_meta_interval') ?? '0', 10) || 0;
    if (task === 'delete' || task === 'meta-data') {
      item(`Resource action: ${resource.padEnd(15)} ${task} on ${node}`);
      return;
    }
    const targetRc = Number.parseInt(param(details, 'CRM_meta_op_target_rc') ?? '0', 10) || 0;
    const state = injectNode(cib, node, attr(a, 'router_node') === undefined ? attr(a, 'on_node_uuid') : node);
    const entry = injectResourceHistory(state, resource, configName, get('class'), get('type'), get('provider'));
    item(
      intervalMs ? `Resource action: ${resource.padEnd(15)} ${task}=${intervalMs} on ${node}` : `Resource action: ${resource.padEnd(15)} ${task} on ${node}`,
    );
    let rc = targetRc;
    for (const f of opFail) {
      const prefix = `${resource}_${task}_${intervalMs}@${node}=`.toLowerCase();
      let matchName: string | undefined;
      if (f.spec.toLowerCase().startsWith(prefix)) matchName = resource;
      else if (resource !== configName && f.spec.toLowerCase().startsWith(`${configName}_${task}_${intervalMs}@${node}=`.toLowerCase())) {
        matchName = configName;
      }
      if (matchName === undefined) continue;
      const m = /=(-?\d+)/.exec(f.spec);
      if (!m) {
        log.entries.push({ kind: 'error', text: `Invalid failed operation '${f.spec}' (result code must be integer)` });
        continue;
      }
      rc = Number(m[1]);
      log.entries.push({ kind: 'info', text: `Pretending action ${a.id} failed with rc=${rc}` });
      failed.add(a.id);
      abortPriority = 1_000_000;
      for (const line of injectFailcount(state, matchName, task, intervalMs, rc, ws.now)) item(line);
      break;
    }
    const params = new Map(details.attributes);
    injectActionResult(entry, {
      task,
      intervalMs,
      rc,
      status: 0,
      targetRc,
      params,
      migrateSource: param(details, 'CRM_meta_migrate_source'),
      migrateTarget: param(details, 'CRM_meta_migrate_target'),
      now: ws.now,
    });
  };

  // Upstream sweeps the synapses in order, firing each whose inputs are all confirmed (so one
  // sweep can fire a synapse made ready earlier in the same sweep), and sweeps again until a sweep
  // fires nothing. The same order, without re-reading every synapse on each sweep: count each
  // synapse's unconfirmed inputs, and keep the ready ones in two queues by position, this sweep's
  // (those after the one that fired) and the next one's.
  const indexById = new Map<number, number>();
  synapses.forEach((s, i) => indexById.set(s.action.id, i));
  const waiting = new Int32Array(synapses.length);
  const dependents: number[][] = synapses.map(() => []);
  synapses.forEach((s, i) => {
    const seen = new Set<number>();
    for (const id of s.inputIds) {
      if (seen.has(id)) continue;
      seen.add(id);
      const j = indexById.get(id);
      if (j === undefined) {
        waiting[i] = waiting[i]! + 1_000_000; // an input outside the graph never completes
      } else {
        waiting[i] = waiting[i]! + 1;
        dependents[j]!.push(i);
      }
    }
  });
  let current = new MinHeap();
  let next = new MinHeap();
  synapses.forEach((_, i) => {
    if (waiting[i] === 0) current.push(i);
  });
  while (current.size > 0) {
    while (current.size > 0) {
      const i = current.pop();
      const s = synapses[i]!;
      if (s.action.element !== 'pseudo_event' && s.priority < abortPriority) continue;
      s.executed = true;
      simulate(s.action);
      confirmed.add(s.action.id);
      s.confirmed = true;
      // after a failure only synapses of INFINITY priority (a clone's stopped, running, …) go on
      const isFailed = failed.has(s.action.id);
      for (const j of dependents[i]!) {
        if (isFailed && synapses[j]!.priority < 1_000_000) continue;
        waiting[j] = waiting[j]! - 1;
        if (waiting[j] === 0) (j > i ? current : next).push(j);
      }
    }
    [current, next] = [next, current];
  }
  for (const s of synapses) if (!s.confirmed && abortPriority <= 0) log.complete = false;
  return log;
}

/** A binary min-heap of synapse positions. */
class MinHeap {
  private readonly items: number[] = [];

  get size(): number {
    return this.items.length;
  }

  push(value: number): void {
    const a = this.items;
    a.push(value);
    let i = a.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (a[parent]! <= value) break;
      a[i] = a[parent]!;
      i = parent;
    }
    a[i] = value;
  }

  pop(): number {
    const a = this.items;
    const top = a[0]!;
    const last = a.pop()!;
    if (a.length > 0) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= a.length) break;
        const r = l + 1;
        const c = r < a.length && a[r]! < a[l]! ? r : l;
        if (a[c]! >= last) break;
        a[i] = a[c]!;
        i = c;
      }
      a[i] = last;
    }
    return top;
  }
}
