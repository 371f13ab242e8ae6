import { readFileSync } from 'node:fs';
import { Cib } from '@hacluster/cib';
const pe = '../packages/policy-engine/dist/';
const { unpackCluster } = await import(pe + 'unpack/cluster.js');
const S = ['node-health','constraints','node-criteria','internal-constraints','config-changes','assign','create-actions','fencing','orderings'];
const fns = [ (await import(pe+'stages/node-health.js')).applyNodeHealth, (await import(pe+'stages/constraints.js')).unpackConstraints, (await import(pe+'stages/node-criteria.js')).applyNodeCriteria, (await import(pe+'stages/internal-constraints.js')).createInternalConstraints, (ws)=>{}, (await import(pe+'stages/assign.js')).assignResources, (await import(pe+'stages/create-actions.js')).scheduleResourceActions, (await import(pe+'stages/fencing.js')).scheduleFencingAndShutdowns, (await import(pe+'stages/orderings.js')).applyOrderings ];
const { createGraph } = await import(pe + 'output/graph.js');
const text = readFileSync(process.argv[2], 'utf8');
const cib = Cib.parse(text);
const ws = unpackCluster(cib.root, {});
const mem = () => { globalThis.gc(); return process.memoryUsage().heapUsed / 1e6; };
let last = mem();
for (let i = 0; i < fns.length; i++) { fns[i](ws); const m = mem(); console.log(S[i].padEnd(22), (m - last).toFixed(1), 'MB'); last = m; }
const g = createGraph(ws); const m = mem(); console.log('graph'.padEnd(22), (m - last).toFixed(1), 'MB');
console.log('orderings', ws.orderings.length);
