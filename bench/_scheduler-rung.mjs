// One rung of the scheduler benchmarks, in its own process (so its peak memory is its own):
//   node _scheduler-rung.mjs FILE schedule|simulate REPS
// "schedule" is crm_simulate -R's work: parse, unpack, schedule, transition summary and the graph
// XML (written out chunk by chunk and counted, as --save-graph streams it to its file, rather than
// kept: at 64/10000 unprobed it is hundreds of megabytes that crm_simulate -R never holds). "simulate" is crm_simulate -S: the same, then the transition executed with simulated
// results and the revised status. Prints {"ms":[…],"cpuMs":[…],"maxRssMB":…} on stdout: wall time
// and the process's CPU time (user + system, GC threads included) per run; on a shared machine the
// CPU time is the steadier of the two.
import { readFileSync } from 'node:fs';
import { Cib } from '@hacluster/cib';
import { schedule, simulateCluster, unpackCluster, writeGraphXml } from '@hacluster/policy-engine';

const [file, mode, repsText] = process.argv.slice(2);
const text = readFileSync(file, 'utf8');
const ms = [];
const cpuMs = [];
for (let i = 0; i < Number(repsText); i++) {
  if (globalThis.gc) globalThis.gc();
  const t = performance.now();
  const cpu = process.cpuUsage();
  const cib = Cib.parse(text);
  if (mode === 'simulate') {
    const result = simulateCluster(cib.root, { process: true, simulate: true });
    if (result.exitCode !== 0) throw new Error(`simulation failed: ${result.stderr}`);
  } else {
    const result = schedule(unpackCluster(cib.root, { sanitized: true }));
    let bytes = 0;
    writeGraphXml(result.graph, (chunk) => {
      bytes += chunk.length;
    });
    if (bytes === 0) throw new Error('empty transition graph');
  }
  ms.push(performance.now() - t);
  const used = process.cpuUsage(cpu);
  cpuMs.push((used.user + used.system) / 1000);
}
process.stdout.write(`${JSON.stringify({ ms, cpuMs, maxRssMB: process.resourceUsage().maxRSS / 1024 })}\n`);
