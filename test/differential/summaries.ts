// The pieces of the differential test (scheduler-differential.test.ts): generated CIBs, Debian's
// crm_simulate run as a bounded pool of processes, our scheduler called in process, and the
// comparison of the two Transition Summaries.

import { spawn } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Cib } from '@hacluster/cib';
import { simulateCluster } from '@hacluster/policy-engine';

/** One generated CIB: the generator's rung (nodes/resources) and seed. */
export interface Rung {
  nodes: number;
  resources: number;
  seed: number;
}

export const rungName = (r: Rung): string => `${r.nodes}/${r.resources} seed ${r.seed}`;

/** Arguments the generator gets besides the rung: none, its default mix of resources. */
export const GENERATOR_ARGS: readonly string[] = [];

/** Writes the rung's CIB into `dir` (once: the generator is deterministic) and returns its path. */
export function generateCib(generator: string, dir: string, r: Rung): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `cib-${r.nodes}-${r.resources}-s${r.seed}${GENERATOR_ARGS.join('')}.xml`);
  if (!existsSync(file)) {
    const xml = execFileSync(process.execPath, [generator, '--nodes', String(r.nodes), '--resources', String(r.resources), '--seed', String(r.seed), ...GENERATOR_ARGS], {
      maxBuffer: 1 << 30,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    writeFileSync(file, xml);
  }
  return file;
}

/** The lines of the "Transition Summary:" section of crm_simulate's output (without the heading). */
export function transitionSummaryLines(output: string): string[] {
  const lines = output.split('\n');
  const start = lines.findIndex((l) => l.startsWith('Transition Summary:'));
  if (start < 0) return [];
  const out: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (line.trim() === '') continue;
    if (!line.startsWith(' ')) break; // the next section's heading
    out.push(line.trim());
  }
  return out;
}

/** Our Transition Summary for a CIB file (crm_simulate -R's work, in process). */
export function ourSummary(file: string): string[] {
  const result = simulateCluster(Cib.parse(readFileSync(file, 'utf8'), file).root, { process: true });
  if (result.exitCode !== 0) throw new Error(`${file}: our crm_simulate failed: ${result.stderr}`);
  return transitionSummaryLines(result.stdout);
}

/** Runs `crm_simulate -x FILE -R` for every file, at most `parallel` at a time. */
export async function pacemakerSummaries(crmSimulate: string, files: readonly string[], parallel: number): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < files.length) {
      const file = files[next++]!;
      out.set(file, transitionSummaryLines(await runProcess(crmSimulate, ['-x', file, '-R'])));
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, files.length) }, worker));
  return out;
}

function runProcess(cmd: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(Buffer.concat(chunks).toString('utf8'));
      else reject(new Error(`${cmd} ${args.join(' ')} exited with ${code}: ${Buffer.concat(err).toString('utf8').trim()}`));
    });
  });
}

/** How two summaries differ: the lines only Pacemaker 2.1.5 printed and those only we printed. */
export interface SummaryDifference {
  onlyPacemaker: string[];
  onlyOurs: string[];
  /** Same lines, in another order. */
  reordered: boolean;
}

export function compareSummaries(pacemaker: readonly string[], ours: readonly string[]): SummaryDifference | undefined {
  const counts = new Map<string, number>();
  for (const l of pacemaker) counts.set(l, (counts.get(l) ?? 0) + 1);
  const onlyOurs: string[] = [];
  for (const l of ours) {
    const n = counts.get(l) ?? 0;
    if (n > 0) counts.set(l, n - 1);
    else onlyOurs.push(l);
  }
  const onlyPacemaker: string[] = [];
  for (const l of pacemaker) {
    const n = counts.get(l) ?? 0;
    if (n > 0) {
      onlyPacemaker.push(l);
      counts.set(l, n - 1);
    }
  }
  const reordered = onlyOurs.length === 0 && onlyPacemaker.length === 0 && pacemaker.some((l, i) => ours[i] !== l);
  if (onlyOurs.length === 0 && onlyPacemaker.length === 0 && !reordered) return undefined;
  return { onlyPacemaker, onlyOurs, reordered };
}
