// CIB parse and serialise throughput on generated CIBs (target: at least 30 MB/s each).
import { Cib } from '@hacluster/cib';
import { CIB_RUNGS, forEachGeneratedCib, gc, median } from './_shared.mjs';

forEachGeneratedCib(CIB_RUNGS, ({ label, text, mb }) => {
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
  console.log(`${label} (${mb.toFixed(1)} MB): parse ${(mb / p * 1000).toFixed(1)} MB/s (${p.toFixed(0)} ms), serialise ${(mb / w * 1000).toFixed(1)} MB/s (${w.toFixed(0)} ms)`);
});
