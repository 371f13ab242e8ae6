// The situations of the guide scenario (test/guide-scenario.test.ts): the guide's full stack on
// two nodes, the inputs made from it with our own tools, and what each situation's transition
// must show beyond its summary. Fixtures live in test/guide-scenario/; see its README.md.

import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runPcs } from '@hacluster/cli';
import type { Injections } from '@hacluster/policy-engine';
import { REPO_ROOT } from './corpus.js';
import { LIVE, runWorkflow } from './guide-chapter11.js';
import { describeEvent, eventsOf, findEvent, waitsFor, type ReadGraph } from './transition-graph.js';

export const FIXTURES = join(REPO_ROOT, 'test', 'guide-scenario');

/** How a situation's input file is made. */
export type InputRecipe =
  /** The guide's chapter 11 in pcs 0.11 syntax, run with our pcs on the two-node cluster's CIB. */
  | { kind: 'guide' }
  /** A fixture simulated by Debian's crm_simulate (-S -O), then node attributes set with our crm_attribute. */
  | { kind: 'simulated'; from: string; attributes: string[][] }
  /** A fixture edited with our pcs -f. */
  | { kind: 'pcs'; from: string; commands: string[][] };

export interface Situation {
  /** File stem of the expectation (NAME.out, NAME.exp). */
  name: string;
  title: string;
  /** The fixture given to crm_simulate -x. */
  input: string;
  injections: Injections;
  /** What the graph must show: a list of what is wrong with it (empty when right). */
  check?: (graph: ReadGraph) => string[];
}

export const INPUTS: Record<string, InputRecipe> = {
  'first-start.xml': { kind: 'guide' },
  // What the first transition leaves, once the DRBD agent's monitor has published the promotion
  // scores (crm_master -l reboot -v 10000, on each node) that DRBD gives when both disks are UpToDate.
  'promotion.xml': {
    kind: 'simulated',
    from: 'first-start.xml',
    attributes: ['node01', 'node02'].map((n) => ['-N', n, '-p', 'drbd_datos', '-v', '10000', '-l', 'reboot']),
  },
  'running.xml': { kind: 'simulated', from: 'promotion.xml', attributes: [] },
  'standby.xml': { kind: 'pcs', from: 'running.xml', commands: [['node', 'standby', 'node01']] },
  'no-fencing.xml': { kind: 'pcs', from: 'running.xml', commands: [['property', 'set', 'stonith-enabled=false']] },
  // the guide's own command: pcs 0.11.5 refuses -f for "resource move" (on a live cluster it waits
  // for the move, then removes its constraint); ours, given a file, writes and keeps the cli-prefer
  // constraint the guide's pcs 0.9 wrote (as "move-with-constraint" does), which is what the
  // scheduler sees
  'move.xml': { kind: 'pcs', from: 'running.xml', commands: [['resource', 'move', 'ubuntu', 'node02']] },
};

/**
 * Each node's chain of chapter 11 once DRBD can be promoted: promote DRBD → clvmd → sharedFS →
 * libvirtd (→ ubuntu on its node). DLM, which the promotion waits for, started in the first transition.
 */
function chapter11Orderings(graph: ReadGraph): string[] {
  const wrong: string[] = [];
  const chain = ['drbd_datos_promote_0', 'clvmd_start_0', 'sharedFS_start_0', 'res_libvirtd_start_0'];
  for (const node of ['node01', 'node02']) {
    const events = chain.map((key) => findEvent(graph, key, node));
    events.forEach((e, i) => {
      if (e === undefined) wrong.push(`no ${chain[i]} on ${node}`);
    });
    for (let i = 1; i < events.length; i++) {
      const [before, after] = [events[i - 1], events[i]];
      if (before && after && !waitsFor(graph, after, before)) wrong.push(`${describeEvent(after)} does not wait for ${describeEvent(before)}`);
    }
  }
  const vm = findEvent(graph, 'ubuntu_start_0');
  const libvirtd = vm?.node === undefined ? undefined : findEvent(graph, 'res_libvirtd_start_0', vm.node);
  if (!vm || !libvirtd) wrong.push('ubuntu is not started after res_libvirtd on its node');
  else if (!waitsFor(graph, vm, libvirtd)) wrong.push(`${describeEvent(vm)} does not wait for ${describeEvent(libvirtd)}`);
  return wrong;
}

/** A live migration of ubuntu from node01 to node02: migrate_to, migrate_from, then the stop; no real start. */
function ubuntuMigrates(graph: ReadGraph): string[] {
  const wrong: string[] = [];
  const to = findEvent(graph, 'ubuntu_migrate_to_0', 'node01');
  const from = findEvent(graph, 'ubuntu_migrate_from_0', 'node02');
  const stop = findEvent(graph, 'ubuntu_stop_0', 'node01');
  if (!to) wrong.push('no ubuntu_migrate_to_0 on node01');
  if (!from) wrong.push('no ubuntu_migrate_from_0 on node02');
  if (to && from && !waitsFor(graph, from, to)) wrong.push('migrate_from does not wait for migrate_to');
  if (stop && from && !waitsFor(graph, stop, from)) wrong.push('the stop on node01 does not wait for migrate_from');
  const starts = eventsOf(graph, 'ubuntu').filter((e) => e.operation === 'start' && e.element === 'rsc_op');
  if (starts.length > 0) wrong.push(`ubuntu is restarted: ${starts.map(describeEvent).join(', ')}`);
  return wrong;
}

/** node01 is fenced, and everything recovered on node02 waits for the fencing. */
function fencedFirst(graph: ReadGraph): string[] {
  const fence = findEvent(graph, 'stonith-node01-reboot', 'node01');
  if (!fence) return ['node01 is not fenced'];
  const wrong: string[] = [];
  const vm = findEvent(graph, 'ubuntu_start_0', 'node02');
  if (!vm) wrong.push('ubuntu is not started on node02');
  else if (!waitsFor(graph, vm, fence)) wrong.push('ubuntu starts on node02 without waiting for node01 to be fenced');
  const onNode01 = graph.events.filter((e) => e.element === 'rsc_op' && e.node === 'node01');
  if (onNode01.length > 0) wrong.push(`actions run on the fenced node: ${onNode01.map(describeEvent).join(', ')}`);
  return wrong;
}

function noFencing(graph: ReadGraph): string[] {
  const wrong: string[] = [];
  const fencing = graph.events.filter((e) => e.operation === 'stonith');
  if (fencing.length > 0) wrong.push(`fencing without a fencing-enabled cluster: ${fencing.map(describeEvent).join(', ')}`);
  if (!findEvent(graph, 'ubuntu_start_0', 'node02')) wrong.push('ubuntu is not started on node02');
  return wrong;
}

/** The failed VM is stopped and started again on its node, then monitored again. */
function recoveredInPlace(graph: ReadGraph): string[] {
  const stop = findEvent(graph, 'ubuntu_stop_0', 'node01');
  const start = findEvent(graph, 'ubuntu_start_0', 'node01');
  const monitor = findEvent(graph, 'ubuntu_monitor_10000', 'node01');
  if (!stop || !start || !monitor) return ['ubuntu is not stopped, started and monitored on node01'];
  const wrong: string[] = [];
  if (!waitsFor(graph, start, stop)) wrong.push('the start does not wait for the stop');
  if (!waitsFor(graph, monitor, start)) wrong.push('the monitor does not wait for the start');
  return wrong;
}

export const SITUATIONS: Situation[] = [
  { name: 'first-start', title: 'first start: nothing runs yet', input: 'first-start.xml', injections: {} },
  {
    name: 'promotion',
    title: 'first start, second transition: DRBD has published promotion scores',
    input: 'promotion.xml',
    injections: {},
    check: chapter11Orderings,
  },
  { name: 'running', title: 'the whole stack running: nothing to do', input: 'running.xml', injections: {} },
  { name: 'standby', title: 'node01 in standby', input: 'standby.xml', injections: {}, check: ubuntuMigrates },
  { name: 'node-fail', title: 'node01 fails, with fencing', input: 'running.xml', injections: { nodeFail: ['node01'] }, check: fencedFirst },
  {
    name: 'node-fail-no-fencing',
    title: 'node01 fails, fencing disabled',
    input: 'no-fencing.xml',
    injections: { nodeFail: ['node01'] },
    check: noFencing,
  },
  {
    name: 'monitor-fail',
    title: "ubuntu's monitor fails (not running)",
    input: 'running.xml',
    injections: { opInject: ['ubuntu_monitor_10000@node01=7'] },
    check: recoveredInPlace,
  },
  { name: 'move', title: 'pcs resource move ubuntu node02', input: 'move.xml', injections: {}, check: ubuntuMigrates },
];

/** crm_simulate's options for a situation's injections. */
export function injectionArgs(inj: Injections): string[] {
  return [...(inj.nodeFail ?? []).flatMap((n) => ['--node-fail', n]), ...(inj.opInject ?? []).flatMap((op) => ['--op-inject', op])];
}

/** The lines of the "Transition Summary:" section of crm_simulate's output. */
export function transitionSummary(output: string): string[] {
  const lines = output.split('\n');
  const start = lines.indexOf('Transition Summary:');
  if (start < 0) return [];
  const end = lines.findIndex((l, i) => i > start && l.trim() === '');
  return lines.slice(start + 1, end < 0 ? undefined : end);
}

const env = { ...process.env, LC_ALL: 'C.UTF-8', EDITOR: undefined };

async function pcs(argv: string[], cwd: string): Promise<void> {
  let stderr = '';
  const exit = await runPcs(argv, { cwd, env, io: { out: () => undefined, err: (t) => void (stderr += t) } });
  if (exit !== 0) throw new Error(`pcs ${argv.join(' ')} failed (${exit}): ${stderr}`);
}

/** The guide's stack as our pcs builds it (the text of the CIB). */
export async function buildGuideStack(): Promise<string> {
  const { dir, steps } = await runWorkflow('pcs 0.11');
  try {
    const failed = steps.find((s) => s.exit !== 0);
    if (failed) throw new Error(`${failed.line} failed: ${failed.stderr}`);
    return readFileSync(join(dir, LIVE), 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A copy of a fixture edited with our pcs -f (the text of the result). */
export async function editWithPcs(fixture: string, commands: string[][]): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'guide-scenario.'));
  try {
    const file = join(dir, 'cib.xml');
    copyFileSync(join(FIXTURES, fixture), file);
    for (const c of commands) await pcs(['-f', file, ...c], dir);
    return readFileSync(file, 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const DEBIAN_CRM_SIMULATE = '/usr/sbin/crm_simulate';

/** Runs Debian's crm_simulate in the fixtures folder, as the README records it. */
export function debianCrmSimulate(args: string[]): { command: string; stdout: string } {
  const r = spawnSync(DEBIAN_CRM_SIMULATE, args, { cwd: FIXTURES, encoding: 'utf8', env: { ...process.env, LC_ALL: 'C' } });
  const command = `LC_ALL=C crm_simulate ${args.join(' ')}`;
  if (r.status !== 0) throw new Error(`${command} exited ${r.status}: ${r.stderr}`);
  return { command, stdout: r.stdout + r.stderr };
}

/** Runs our crm_attribute (the built bin) on a CIB file, as the DRBD agent's crm_master would. */
export function ourCrmAttribute(file: string, args: string[]): void {
  const bin = join(REPO_ROOT, 'packages', 'cli', 'bin', 'crm_attribute.js');
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...env, CIB_file: file } });
  if (r.status !== 0) throw new Error(`crm_attribute ${args.join(' ')} failed: ${r.stderr}`);
}
