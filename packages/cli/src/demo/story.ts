// The demo's story on the guide's cluster: the first start, then what a user of that cluster
// meets (a node put in standby, a node failing with and without fencing, the VM failing, the VM
// moved). Every page comes from the real computations: our scheduler plans each transition
// (simulateCluster, as crm_simulate -S), our pcs makes the edits a user would make, and the
// cluster's state after the first start is the one the simulated transitions leave.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Cib, isPromotable, primitivesOf, readConfiguration } from '@hacluster/cib';
import {
  ActionFlag,
  SchedulerError,
  formatClusterStatus,
  simulateCluster,
  unpackCluster,
  type Action,
  type Injections,
  type Resource,
  type WorkingSet,
  type TransitionGraph,
} from '@hacluster/policy-engine';
import { runPcs } from '../pcs/cli/app.js';
import { setNodeAttribute } from '../shims/node-attributes.js';

/** The guide's names: the node that goes away, where the VM goes, the VM and its monitor. */
export const GUIDE = { node: 'node01', peer: 'node02', vm: 'ubuntu', vmMonitor: 'ubuntu_monitor_10000' } as const;

/** What the scheduler decided for one situation, or why it could not. */
export type Plan =
  | { ok: true; summary: string[]; highlights: string[]; after: Cib; stillStopped: string[] }
  | { ok: false; by: 'scheduler' | 'pcs'; reason: string };

export interface Page {
  title: string;
  /** What happens, as the user would do it or see it. */
  event: string;
  plan: Plan;
  /** The cluster's status once the transition ran (shown where the story goes on from it). */
  status?: string;
}

const copy = (cib: Cib) => Cib.parse(cib.toXml(), 'guide-cluster.xml');

/** Our crm_simulate's computation on a copy of the CIB: the plan, and the CIB after it ran. */
export function plan(cib: Cib, injections: Injections = {}): Plan {
  const after = copy(cib);
  try {
    const result = simulateCluster(after.root, { simulate: true, quiet: true, injections });
    const scheduled = result.schedule;
    if (!scheduled) return { ok: false, by: 'scheduler', reason: 'it produced no transition' };
    const notes = [...highlights(scheduled.graph), ...unfencedNodes(scheduled.ws)];
    return { ok: true, summary: scheduled.summary, highlights: notes, after, stillStopped: stillStopped(after) };
  } catch (e) {
    if (e instanceof SchedulerError) return { ok: false, by: 'scheduler', reason: e.message };
    throw e;
  }
}

const pseudo = (a: Action) => (a.flags & ActionFlag.pseudo) !== 0;
const where = (a: Action) => a.node?.uname ?? '';

/** Everything in the graph that waits, directly or not, for an action. */
function dependents(graph: TransitionGraph, first: Action): Set<Action> {
  const after = new Map<Action, Action[]>();
  for (const s of graph.synapses) for (const input of s.inputs) after.set(input, [...(after.get(input) ?? []), s.action]);
  const seen = new Set<Action>();
  const todo = [first];
  while (todo.length > 0) {
    for (const next of after.get(todo.pop()!) ?? []) {
      if (!seen.has(next)) {
        seen.add(next);
        todo.push(next);
      }
    }
  }
  return seen;
}

/** What a reader should notice in a transition: fencing before recovery, live migrations. */
function highlights(graph: TransitionGraph): string[] {
  const actions = graph.synapses.map((s) => s.action);
  const out: string[] = [];
  for (const fence of actions.filter((a) => a.task === 'stonith')) {
    const waiting = [...dependents(graph, fence)].filter((a) => !pseudo(a) && ['start', 'promote', 'migrate_to'].includes(a.task));
    const what = waiting.map((a) => `${a.rsc?.id ?? '?'} ${a.task} on ${where(a)}`);
    out.push(`${where(fence)} is fenced first${what.length > 0 ? `; waiting for it: ${what.join(', ')}` : ''}`);
  }
  for (const to of actions.filter((a) => a.task === 'migrate_to')) {
    const rsc = to.rsc;
    const from = actions.find((a) => a.task === 'migrate_from' && a.rsc === rsc);
    const restarted = actions.some((a) => a.task === 'start' && a.rsc === rsc && !pseudo(a));
    out.push(
      `${rsc?.id ?? '?'} live-migrates from ${where(to)} to ${from ? where(from) : '?'} (migrate_to, then migrate_from${restarted ? '' : '; no restart'})`,
    );
  }
  return out;
}

/** Nodes that are down while fencing is disabled: Pacemaker takes them as cleanly stopped. */
function unfencedNodes(ws: WorkingSet): string[] {
  if (ws.flags.stonithEnabled) return [];
  return ws.nodes
    .filter((n) => !n.online)
    .map((n) => `${n.uname} is down and fencing is disabled: it is taken as cleanly stopped, so what ran there counts as stopped and nothing waits for fencing`);
}

/** Top-level resources running nowhere once the transition ran (what still waits for something). */
function stillStopped(after: Cib): string[] {
  const runs = (r: Resource): boolean => r.runningOn.length > 0 || r.children.some(runs);
  return unpackCluster(after.root).resources.filter((r) => !runs(r)).map((r) => r.id);
}

/** The CIB after our pcs ran on it (`pcs -f FILE …`), or pcs's error. */
async function withPcs(cib: Cib, argv: string[]): Promise<Cib | string> {
  const dir = mkdtempSync(join(tmpdir(), 'hacluster-demo.'));
  try {
    const file = join(dir, 'cib.xml');
    writeFileSync(file, cib.toXml());
    let err = '';
    const io = { out: () => undefined, err: (t: string) => void (err += t) };
    const exit = await runPcs(['-f', file, ...argv], { cwd: dir, env: process.env, io });
    return exit === 0 ? Cib.parse(readFileSync(file, 'utf8'), 'guide-cluster.xml') : err.trim();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function afterPcs(title: string, running: Cib, argv: string[], injections: Injections = {}, event?: string): Promise<Page> {
  const shown = `pcs ${argv.join(' ')}`;
  const edited = await withPcs(running, argv);
  const text = event ? `${shown}; ${event}` : shown;
  if (typeof edited === 'string') return { title, event: text, plan: { ok: false, by: 'pcs', reason: edited } };
  return { title, event: text, plan: plan(edited, injections) };
}

/**
 * Sets the promotion score each running instance of a promotable clone publishes once it is ready
 * (DRBD's monitor calls crm_master -l reboot -v 10000 when its disks are UpToDate).
 */
function publishPromotionScores(cib: Cib): string[] {
  const set: string[] = [];
  const config = readConfiguration(cib);
  for (const clone of config.resources) {
    if (clone.kind !== 'clone' || !isPromotable(clone)) continue;
    for (const p of primitivesOf(clone)) {
      for (const node of config.nodes) {
        setNodeAttribute(cib, { node: node.uname, name: `master-${p.id}`, lifetime: 'reboot' }, '10000');
        set.push(`master-${p.id}=10000 on ${node.uname}`);
      }
    }
  }
  return set;
}

export const statusOf = (cib: Cib): string => formatClusterStatus(unpackCluster(cib.root));

export async function tellStory(cib: Cib): Promise<Page[]> {
  const first = plan(cib);
  const pages: Page[] = [{ title: 'First start', event: 'both nodes join; nothing runs yet (crm_simulate -S)', plan: first }];
  if (!first.ok) return pages;
  const ready = copy(first.after);
  const scores = publishPromotionScores(ready);
  const second = plan(ready);
  pages.push({
    title: 'First start, second transition',
    event: scores.length > 0 ? `the promotable resources report promotion scores (${scores.join(', ')})` : 'the first transition has run',
    plan: second,
    ...(second.ok ? { status: statusOf(second.after) } : {}),
  });
  if (!second.ok) return pages;
  const running = second.after;
  const { node, peer, vm, vmMonitor } = GUIDE;
  pages.push(await afterPcs(`${node} in standby`, running, ['node', 'standby', node]));
  pages.push({ title: `${node} fails`, event: `${node} leaves the cluster (crm_simulate --node-fail ${node})`, plan: plan(running, { nodeFail: [node] }) });
  pages.push(await afterPcs(`${node} fails, fencing disabled`, running, ['property', 'set', 'stonith-enabled=false'], { nodeFail: [node] }, `then ${node} leaves the cluster`));
  pages.push({
    title: `${vm} fails`,
    event: `its monitor on ${node} finds it not running (crm_simulate --op-inject ${vmMonitor}@${node}=7)`,
    plan: plan(running, { opInject: [`${vmMonitor}@${node}=7`] }),
  });
  // pcs 0.11 runs "resource move" only on a live cluster; on a file, move-with-constraint writes the
  // same cli-prefer constraint (what the guide's pcs 0.9 "resource move" did).
  pages.push(await afterPcs(`${vm} moved to ${peer}`, running, ['resource', 'move-with-constraint', vm, peer]));
  return pages;
}
