// Clone notifications: the scheduler (crm_simulate -R's work, in process) on generated CIBs whose
// clones are plain, then the same CIBs with notify=true on every clone, so the cost of the
// notification pseudo-actions, the notify environment and each instance's notify actions shows
// as the difference. Clones are a tenth of the resources here (the generator's default is 1%), so
// the 64-node rung has 200 clones of 64 instances each to notify. Probe history is on (--probed 1),
// so most clones start, and every start is notified.
//
//   node bench/clone-notify.mjs [--max M]
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CACHE, generatedCib, median } from './_shared.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const maxIndex = args.indexOf('--max');
const maxM = maxIndex >= 0 ? Number(args[maxIndex + 1]) : 2000;
const LADDER = [
  [8, 100],
  [32, 1000],
  [64, 2000],
].filter(([, m]) => m <= maxM);

/** The generated CIB with notify=true added to each clone's meta-attributes (cached beside it). */
function withNotify(file) {
  const out = join(CACHE, file.slice(CACHE.length + 1).replace(/\.xml$/, '-notify.xml'));
  if (!existsSync(out)) {
    const text = readFileSync(file, 'utf8').replace(
      /(<clone id="([^"]+)">\n\s*<meta_attributes id="[^"]+">\n)/g,
      (m, head, id) => `${head}          <nvpair id="${id}-meta_attributes-notify" name="notify" value="true"/>\n`,
    );
    writeFileSync(out, text);
  }
  return out;
}

function rung(file, reps) {
  const r = spawnSync(process.execPath, ['--expose-gc', '--max-old-space-size=8192', join(here, '_scheduler-rung.mjs'), file, 'schedule', String(reps)], {
    encoding: 'utf8',
    maxBuffer: 2 ** 31 - 1,
  });
  if (r.status !== 0) throw new Error(`${file}: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

const first = generatedCib(2, 10);
if (first === undefined) {
  console.log('clone-notify: skipped (no ../shared/bench/gen-cib.mjs; set HACLUSTER_SHARED)');
} else {
  console.log('rung            clones  plain ms  notify ms  ratio  notify RSS MB');
  for (const [nodes, resources] of LADDER) {
    const clones = Math.floor(resources / 10);
    const plain = generatedCib(nodes, resources, { probed: 1, clones, promotable: 0 });
    const notify = withNotify(plain);
    const reps = resources >= 2000 ? 3 : 5;
    // one warm-up run inside each process is enough to leave out compilation
    const a = rung(plain, reps + 1);
    const b = rung(notify, reps + 1);
    const pm = median(a.ms.slice(1));
    const nm = median(b.ms.slice(1));
    console.log(
      `${`${nodes}/${resources}`.padEnd(16)}${String(clones).padStart(6)}${pm.toFixed(0).padStart(10)}${nm.toFixed(0).padStart(11)}${(nm / pm).toFixed(2).padStart(7)}${b.maxRssMB.toFixed(0).padStart(15)}`,
    );
  }
}
