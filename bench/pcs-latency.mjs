// `pcs -f` latency: the median time of one pcs command on a CIB file, on the 2-node/10-resource
// and the 32-node/1000-resource generated CIBs (targets: 60 ms and 300 ms; real pcs takes
// 0.4–1 s). Three figures per command: the command inside a running process (our code: read
// the CIB, edit, check, write), a whole `node bin/pcs.js` process (what a user waits for), and
// bare Node start-up on this machine for comparison.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runPcs } from '@hacluster/cli';
import { generatedCib, median, REPO } from './_shared.mjs';

const RUNS = Number(process.env.PCS_BENCH_RUNS ?? 15);
const LAUNCHER = join(REPO, 'packages', 'cli', 'bin', 'pcs.js');
const quiet = { out: () => {}, err: () => {} };

// Each command gets a fresh copy of the CIB, so every run does the same work.
const COMMANDS = [
  ['resource create', (i) => ['resource', 'create', `bench-d${i}`, 'ocf:pacemaker:Dummy']],
  ['constraint location', () => ['constraint', 'location', 'r5', 'prefers', 'node2=100']],
  ['property set', (i) => ['property', 'set', `batch-limit=${i + 1}`]],
  ['resource config r5', () => ['resource', 'config', 'r5']],
  ['constraint config', () => ['constraint', 'config']],
];

function timeProcess(args) {
  const t = performance.now();
  const r = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = performance.now() - t;
  if (r.status !== 0) throw new Error(`${args.join(' ')}: ${r.stderr}`);
  return ms;
}

const work = mkdtempSync(join(tmpdir(), 'pcs-bench.'));
try {
  const bare = median(Array.from({ length: RUNS }, () => timeProcess(['-e', '0'])));
  console.log(`node start-up alone: ${bare.toFixed(0)} ms`);
  for (const [nodes, resources] of [
    [2, 10],
    [32, 1000],
  ]) {
    const source = generatedCib(nodes, resources);
    if (!source) {
      console.log('skipped: the shared corpus (bench/gen-cib.mjs) was not found');
      break;
    }
    const cib = join(work, 'cib.xml');
    // One untimed run fills the agent meta-data cache, as any earlier use of pcs would have.
    copyFileSync(source, cib);
    await runPcs(['-f', cib, ...COMMANDS[0][1](999)], { cwd: work, env: process.env, io: quiet });
    for (const [label, argv] of COMMANDS) {
      const inProcess = [];
      const wholeProcess = [];
      for (let i = 0; i < RUNS; i++) {
        copyFileSync(source, cib);
        const t = performance.now();
        const code = await runPcs(['-f', cib, ...argv(i)], { cwd: work, env: process.env, io: quiet });
        inProcess.push(performance.now() - t);
        if (code !== 0) throw new Error(`pcs ${argv(i).join(' ')} failed`);
        copyFileSync(source, cib);
        wholeProcess.push(timeProcess([LAUNCHER, '-f', cib, ...argv(i)]));
      }
      console.log(`${nodes}/${resources} ${label}: in process ${median(inProcess).toFixed(1)} ms, whole process ${median(wholeProcess).toFixed(0)} ms`);
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
