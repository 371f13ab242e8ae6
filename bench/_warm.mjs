// Investigation helper: minimum CPU and wall time per phase over N in-process runs.
import { readFileSync } from 'node:fs';
import { Cib } from '@hacluster/cib';
import { unpackCluster, schedule, graphToXml } from '@hacluster/policy-engine';
const text = readFileSync(process.argv[2], 'utf8');
const n = Number(process.argv[3]) || 8;
const best = { cpu: Infinity, parse: Infinity, unpack: Infinity, schedule: Infinity, xml: Infinity, total: Infinity };
for (let i = 0; i < n; i++) {
  if (globalThis.gc) globalThis.gc();
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const cib = Cib.parse(text);
  const t1 = performance.now();
  const ws = unpackCluster(cib.root, {});
  const t2 = performance.now();
  const r = schedule(ws);
  const t3 = performance.now();
  graphToXml(r.graph);
  const t4 = performance.now();
  const c = process.cpuUsage(c0);
  const now = { cpu: (c.user + c.system) / 1000, parse: t1 - t0, unpack: t2 - t1, schedule: t3 - t2, xml: t4 - t3, total: t4 - t0 };
  for (const k of Object.keys(best)) best[k] = Math.min(best[k], now[k]);
}
console.log(Object.entries(best).map(([k, v]) => `${k} ${v.toFixed(0)}`).join('  '));
