// CIB parse and serialise throughput on generated CIBs (target: at least 30 MB/s each).
import { readFileSync } from 'node:fs';
import { Cib } from '@hacluster/cib';
import { generatedCib, gc, median } from './_shared.mjs';

const rungs = [
  [64, 10000, 0],
  [64, 10000, 1],
];
for (const [nodes, resources, probed] of rungs) {
  const file = generatedCib(nodes, resources, { probed });
  if (!file) {
    console.log('skipped: the shared corpus (bench/gen-cib.mjs) was not found');
    break;
  }
  const text = readFileSync(file, 'utf8');
  const mb = Buffer.byteLength(text) / 1e6;
  const parse = [];
  const write = [];
  for (let i = 0; i < 5; i++) {
    gc();
    let t = performance.now();
    const cib = Cib.parse(text);
    parse.push(performance.now() - t);
    t = performance.now();
    const out = cib.toXml();
    write.push(performance.now() - t);
    if (out.length !== text.length) throw new Error('round trip changed the CIB');
  }
  const p = median(parse);
  const w = median(write);
  console.log(`${nodes}/${resources}${probed ? ' probed' : ''} (${mb.toFixed(1)} MB): parse ${(mb / p * 1000).toFixed(1)} MB/s (${p.toFixed(0)} ms), serialise ${(mb / w * 1000).toFixed(1)} MB/s (${w.toFixed(0)} ms)`);
}
