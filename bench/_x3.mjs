import { readFileSync } from 'node:fs';
import { Cib, escapeAttribute } from '@hacluster/cib';
import { unpackCluster, schedule } from '@hacluster/policy-engine';
const text = readFileSync(process.argv[2], 'utf8');
const r = schedule(unpackCluster(Cib.parse(text).root, {}));
const g = r.graph;
const ds = g.synapses.map((s) => g.details(s.action));
function attrs(list) { let s = ''; for (const a of list) s += ` ${a[0]}="${escapeAttribute(a[1])}"`; return s; }
for (let i = 0; i < 4; i++) {
  let t = performance.now();
  const parts = [];
  for (let j = 0; j < g.synapses.length; j++) {
    const s = g.synapses[j]; const d = ds[j];
    let x = `  <synapse id="${s.id}">\n      <${s.action.element}${attrs(s.action.attrs)}>\n`;
    x += `        <attributes${attrs(d.attributes)}/>\n`;
    for (const inp of s.inputs) x += `      <trigger>\n        <${inp.element}${attrs(inp.attrs)}/>\n      </trigger>\n`;
    parts.push(x);
  }
  const t1 = performance.now();
  const out = parts.join('');
  const t2 = performance.now();
  console.log('build', (t1 - t).toFixed(0), 'join', (t2 - t1).toFixed(0), out.length);
}
