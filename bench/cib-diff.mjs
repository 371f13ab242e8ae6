// Diff, patch, version-bump decision and validation on generated CIBs: a copy is edited the way
// an administrator's offline session would (attributes changed, resources added, removed and
// reordered), then diffed against the original and the patch applied to a fresh copy.
import { readFileSync } from 'node:fs';
import { applyPatch, Cib, diffCibs, insertElement, parseXml, removeElement, versionBumpFor, checkStructure, checkReferences, checkDuplicateIds } from '@hacluster/cib';
import { generatedCib, gc, median } from './_shared.mjs';

const rungs = [
  [64, 10000, 0],
  [64, 10000, 1],
];

function edit(cib) {
  const resources = cib.scope('resources');
  const top = resources.elements();
  for (let i = 0; i < top.length; i += 97) top[i].set('description', `edited ${i}`);
  for (let i = 5; i < top.length; i += 199) removeElement(top[i]);
  for (let i = 0; i < 50; i++) {
    insertElement(resources, parseXml(`<primitive id="bench-new-${i}" class="ocf" provider="heartbeat" type="Dummy"><operations><op id="bench-new-${i}-mon" name="monitor" interval="10s"/></operations></primitive>`).root, top[i * 13]);
  }
  for (let i = 0; i < 20; i++) insertElement(resources, top[top.length - 1 - i * 7], top[i * 11 + 1]);
}

function time(runs, f) {
  const ts = [];
  let result;
  for (let i = 0; i < runs; i++) {
    gc();
    const t = performance.now();
    result = f();
    ts.push(performance.now() - t);
  }
  return [median(ts), result];
}

for (const [nodes, resources, probed] of rungs) {
  const file = generatedCib(nodes, resources, { probed });
  if (!file) {
    console.log('skipped: the shared corpus (bench/gen-cib.mjs) was not found');
    break;
  }
  const text = readFileSync(file, 'utf8');
  const mb = Buffer.byteLength(text) / 1e6;
  const original = Cib.parse(text);
  const modified = original.clone();
  edit(modified);
  const [diffMs, patch] = time(5, () => diffCibs(original, modified));
  const [applyMs] = time(5, () => {
    const target = Cib.parse(text);
    const t = performance.now();
    applyPatch(target, patch);
    return performance.now() - t;
  });
  const applyOnly = median(Array.from({ length: 5 }, () => {
    const target = Cib.parse(text);
    const t = performance.now();
    applyPatch(target, patch);
    return performance.now() - t;
  }));
  const [bumpMs, bump] = time(5, () => versionBumpFor(original.root, modified.root));
  const [validateMs, problems] = time(3, () => [...checkStructure(modified), ...checkDuplicateIds(modified), ...checkReferences(modified)]);
  const counts = {};
  for (const c of patch.changes) counts[c.operation] = (counts[c.operation] ?? 0) + 1;
  console.log(
    `${nodes}/${resources}${probed ? ' probed' : ''} (${mb.toFixed(1)} MB), ${patch.changes.length} changes ${JSON.stringify(counts)}: ` +
      `diff ${diffMs.toFixed(0)} ms (${(mb / diffMs * 1000).toFixed(0)} MB/s), apply ${applyOnly.toFixed(0)} ms, ` +
      `bump decision (${bump}) ${bumpMs.toFixed(0)} ms, structural validation ${validateMs.toFixed(0)} ms (${problems.length} problems)`,
  );
  void applyMs;
}
