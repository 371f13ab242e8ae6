// Investigation helper: minimum time per scheduler stage over N in-process runs.
import { readFileSync } from 'node:fs';
import { Cib } from '@hacluster/cib';
const pe = '../packages/policy-engine/dist/';
const { unpackCluster } = await import(pe + 'unpack/cluster.js');
const { applyNodeHealth } = await import(pe + 'stages/node-health.js');
const { unpackConstraints } = await import(pe + 'stages/constraints.js');
const { applyNodeCriteria } = await import(pe + 'stages/node-criteria.js');
const { createInternalConstraints } = await import(pe + 'stages/internal-constraints.js');
const { handleConfigChanges } = await import(pe + 'stages/config-changes.js');
const { assignResources } = await import(pe + 'stages/assign.js');
const { scheduleResourceActions } = await import(pe + 'stages/create-actions.js');
const { scheduleFencingAndShutdowns } = await import(pe + 'stages/fencing.js');
const { applyOrderings } = await import(pe + 'stages/orderings.js');
const { transitionSummary } = await import(pe + 'output/transition-summary.js');
const { createGraph } = await import(pe + 'output/graph.js');
const { graphToXml } = await import(pe + 'output/graph-xml.js');
const text = readFileSync(process.argv[2], 'utf8');
const best = new Map();
for (let i = 0; i < (Number(process.argv[3]) || 5); i++) {
  if (globalThis.gc) globalThis.gc();
  const clock = () => process.env.WALL ? performance.now() : process.cpuUsage().user / 1000;
  let t = clock();
  const lap = (name) => { const n = clock(); best.set(name, Math.min(best.get(name) ?? Infinity, n - t)); t = n; };
  const cib = Cib.parse(text); lap('parse');
  const ws = unpackCluster(cib.root, {}); lap('unpack');
  applyNodeHealth(ws); unpackConstraints(ws); lap('constraints');
  applyNodeCriteria(ws); lap('node criteria');
  createInternalConstraints(ws); lap('internal');
  handleConfigChanges(ws, () => {}); lap('config changes');
  assignResources(ws); lap('assign');
  scheduleResourceActions(ws); lap('actions');
  scheduleFencingAndShutdowns(ws); lap('fencing');
  applyOrderings(ws); lap('orderings');
  transitionSummary(ws); lap('summary');
  const g = createGraph(ws); lap('graph');
  graphToXml(g); lap('graph xml');
}
let total = 0;
for (const [k, v] of best) { total += v; console.log(k.padEnd(16), v.toFixed(0).padStart(6), 'ms'); }
console.log('total'.padEnd(16), total.toFixed(0).padStart(6), 'ms');
