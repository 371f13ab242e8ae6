import { readFileSync } from 'node:fs';
import { Cib } from '@hacluster/cib';
const text = readFileSync(process.argv[2], 'utf8');
const ms = [];
for (let i = 0; i < 7; i++) { const c0 = process.cpuUsage(); const c = Cib.parse(text); for (const e of c.root.first('status').elements()) {} const u = process.cpuUsage(c0); ms.push((u.user) / 1000); }
ms.sort((a, b) => a - b);
console.log('parse user-CPU ms min', ms[0].toFixed(0), 'median', ms[3].toFixed(0), 'MB/s(min)', (text.length / 1e6 / (ms[0] / 1000)).toFixed(0));
