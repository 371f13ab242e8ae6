import { readFileSync } from 'node:fs';
import { Cib } from '@hacluster/cib';
import { graphToXmlBytes, schedule, unpackCluster } from '@hacluster/policy-engine';
const text = readFileSync(process.argv[2], 'utf8');
for (let i = 0; i < Number(process.argv[3] ?? 3); i++) {
  const t = performance.now(); const c0 = process.cpuUsage();
  const cib = Cib.parse(text);
  const result = schedule(unpackCluster(cib.root, { sanitized: true }));
  graphToXmlBytes(result.graph);
  { const c = process.cpuUsage(c0); console.error((performance.now() - t).toFixed(0) + "/" + ((c.user + c.system) / 1000).toFixed(0)); }
}
