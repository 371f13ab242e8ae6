// The scheduler on the generator's ladder (issue 7), in two modes:
//   schedule:  crm_simulate -R's work (parse, unpack, schedule, summary, graph XML)
//   simulate:  crm_simulate -S (also executes the transition and prints the revised status)
// each without and with probe history (--probed 1). Medians of in-process runs after one warm-up,
// the peak RSS of the rung's process, and the fitted growth exponent (time ~ M^k for M >= 100).
//
//   node bench/scheduler.mjs [--mode schedule|simulate|both] [--budget SECONDS] [--max M]
//                            [--no-pacemaker] [--pacemaker-budget SECONDS]
//
// --budget stops a ladder once a rung's median exceeds it (default 30 s). Where Debian's
// crm_simulate is installed (and unless --no-pacemaker), it runs -R (or -S) as a whole process on
// each rung next to ours (also as a whole process), and the ratio is printed; once it takes longer
// than --pacemaker-budget (default 30 s) on a rung, the larger rungs skip it.
//
// The CIBs are the generator's default mix: primitives, groups, clones (about 1% of the
// primitives) and promotable clones (about 0.5%).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generatedCib, median } from './_shared.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};
const modes = opt('mode', 'both') === 'both' ? ['schedule', 'simulate'] : [opt('mode')];
const budget = Number(opt('budget', '30')) * 1000;
const maxM = Number(opt('max', '10000'));
const withPacemaker = !args.includes('--no-pacemaker');
const pcmkBudget = Number(opt('pacemaker-budget', '30')) * 1000;
const PCMK = '/usr/sbin/crm_simulate';
const OURS = join(here, '..', 'packages', 'cli', 'bin', 'crm_simulate.js');

const LADDER = [
  [2, 10],
  [8, 100],
  [16, 500],
  [32, 1000],
  [32, 2000],
  [64, 5000],
  [64, 10000],
].filter(([, m]) => m <= maxM);

function reps(lastMs) {
  if (lastMs === undefined || lastMs < 300) return 7;
  if (lastMs < 3000) return 5;
  if (lastMs < 15000) return 3;
  return 2;
}

/** Wall time of a whole process, or undefined if it ran out of time. */
function processSeconds(cmd, argv, limitMs) {
  const t = performance.now();
  const r = spawnSync(cmd, argv, { stdio: 'ignore', timeout: limitMs, maxBuffer: 2 ** 31 - 1 });
  if (r.error || r.signal) return undefined;
  return (performance.now() - t) / 1000;
}

/** Least-squares slope of log(time) over log(M). */
function exponent(points) {
  const pts = points.filter(([m]) => m >= 100).map(([m, t]) => [Math.log(m), Math.log(t)]);
  if (pts.length < 2) return undefined;
  const mx = pts.reduce((a, [x]) => a + x, 0) / pts.length;
  const my = pts.reduce((a, [, y]) => a + y, 0) / pts.length;
  let num = 0;
  let den = 0;
  for (const [x, y] of pts) {
    num += (x - mx) * (y - my);
    den += (x - mx) ** 2;
  }
  return num / den;
}

if (!generatedCib(2, 10)) {
  console.log('skipped: the shared corpus (bench/gen-cib.mjs) was not found');
  process.exit(0);
}
const pacemaker = withPacemaker && existsSync(PCMK);
if (withPacemaker && !pacemaker) console.log(`(${PCMK} is not installed: no side-by-side with Pacemaker)`);

for (const mode of modes) {
  for (const probed of [0, 1]) {
    console.log(`\n${mode}${probed ? ', probed' : ''}: N/M, CIB size, median wall (and CPU) time, peak RSS${pacemaker ? ', whole process: ours vs Pacemaker 2.1.5' : ''}`);
    const points = [];
    const cpuPoints = [];
    let last;
    let pcmkOut = false;
    for (const [n, m] of LADDER) {
      const file = generatedCib(n, m, { probed });
      const mb = statSync(file).size / 1e6;
      const count = reps(last);
      const r = spawnSync(process.execPath, ['--expose-gc', '--max-old-space-size=16384', join(here, '_scheduler-rung.mjs'), file, mode, String(count + 1)], {
        encoding: 'utf8',
        maxBuffer: 1 << 20,
      });
      if (r.status !== 0) {
        console.log(`  ${n}/${m}: failed (${(r.stderr || '').trim().split('\n').pop()})`);
        break;
      }
      const { ms, cpuMs, maxRssMB } = JSON.parse(r.stdout);
      const med = median(ms.slice(1)); // the first run warms up
      const cpuMed = median(cpuMs.slice(1));
      points.push([m, med]);
      cpuPoints.push([m, cpuMed]);
      let line = `  ${`${n}/${m}`.padEnd(9)} ${mb.toFixed(1).padStart(6)} MB  ${(med / 1000).toFixed(3).padStart(8)} s  (CPU ${(cpuMed / 1000).toFixed(3)} s)  ${maxRssMB.toFixed(0).padStart(6)} MiB`;
      if (pacemaker) {
        const flag = mode === 'simulate' ? '-S' : '-R';
        const ours = processSeconds(process.execPath, [OURS, '-x', file, flag], 10 * 60 * 1000);
        let theirs;
        if (!pcmkOut) {
          theirs = processSeconds(PCMK, ['-x', file, flag], pcmkBudget);
          if (theirs === undefined) pcmkOut = true;
        }
        line += `   ours ${ours === undefined ? '-' : `${ours.toFixed(2)} s`}`;
        line += theirs === undefined ? `, Pacemaker > ${pcmkBudget / 1000} s (skipped from here)` : `, Pacemaker ${theirs.toFixed(2)} s (${(theirs / ours).toFixed(1)}x)`;
      }
      console.log(line);
      last = med;
      if (med > budget) {
        console.log(`  (stopping: over the ${budget / 1000} s budget)`);
        break;
      }
    }
    const k = exponent(points);
    const kCpu = exponent(cpuPoints);
    if (k !== undefined) console.log(`  growth: wall time ~ M^${k.toFixed(2)}, CPU time ~ M^${kCpu.toFixed(2)}`);
    console.log(`  (load average ${loadavg().map((x) => x.toFixed(1)).join(' ')} on ${cpus().length} CPUs)`);
  }
}
