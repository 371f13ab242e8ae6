import { readFileSync } from 'node:fs';
import { Cib, escapeAttribute } from '@hacluster/cib';
import { unpackCluster, schedule, graphToXml } from '@hacluster/policy-engine';
const text = readFileSync(process.argv[2], 'utf8');
const r = schedule(unpackCluster(Cib.parse(text).root, {}));
const g = r.graph;
for (let i = 0; i < 4; i++) {
  let t = performance.now();
  const ds = g.synapses.map((s) => g.details(s.action));
  const t1 = performance.now();
  let n = 0;
  for (const d of ds) for (const [k, v] of d.attributes) n += escapeAttribute(v).length + k.length;
  const t2 = performance.now();
  const x = graphToXml(g);
  const t3 = performance.now();
  console.log('details', (t1 - t).toFixed(0), 'escape', (t2 - t1).toFixed(0), 'xml', (t3 - t2).toFixed(0));
}
