// Diff, patch, the version-bump decision, validation and atomic storage on generated CIBs. A
// copy is edited the way an offline session would edit it (attributes changed, resources added,
// removed and reordered), diffed against the original, and the patch applied to a fresh copy.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  applyPatch,
  checkDuplicateIds,
  checkReferences,
  checkSchema,
  checkStructure,
  Cib,
  diffCibs,
  insertElement,
  parseXml,
  removeElement,
  versionBumpFor,
  writeCibFile,
} from '@hacluster/cib';
import { CIB_RUNGS, forEachGeneratedCib, gc, median } from './_shared.mjs';

function edit(cib) {
  const resources = cib.scope('resources');
  const top = resources.elements();
  for (let i = 0; i < top.length; i += 97) top[i].set('description', `edited ${i}`);
  for (let i = 5; i < top.length; i += 199) removeElement(top[i]);
  for (let i = 0; i < 50; i++) {
    const xml = `<primitive id="bench-new-${i}" class="ocf" provider="heartbeat" type="Dummy"><operations><op id="bench-new-${i}-mon" name="monitor" interval="10s"/></operations></primitive>`;
    insertElement(resources, parseXml(xml).root, top[i * 13]);
  }
  for (let i = 0; i < 20; i++) insertElement(resources, top[top.length - 1 - i * 7], top[i * 11 + 1]);
}

/** Median milliseconds of `runs` calls of f (prepare() runs untimed before each). */
function time(runs, f, prepare = () => undefined) {
  const ts = [];
  for (let i = 0; i < runs; i++) {
    const input = prepare();
    gc();
    const t = performance.now();
    f(input);
    ts.push(performance.now() - t);
  }
  return median(ts);
}

const dir = mkdtempSync(join(tmpdir(), 'cib-bench-'));
try {
  forEachGeneratedCib(CIB_RUNGS, ({ label, text, mb }) => {
    const original = Cib.parse(text);
    const modified = original.clone();
    edit(modified);
    const patch = diffCibs(original, modified);
    const counts = {};
    for (const c of patch.changes) counts[c.operation] = (counts[c.operation] ?? 0) + 1;
    const runs = mb > 100 ? 3 : 5;
    const diffMs = time(runs, () => diffCibs(original, modified));
    const applyMs = time(runs, (target) => applyPatch(target, patch), () => Cib.parse(text));
    const bumpMs = time(runs, () => versionBumpFor(original.root, modified.root));
    let problems = 0;
    const validateMs = time(runs, () => {
      problems = checkStructure(modified).length + checkDuplicateIds(modified).length + checkReferences(modified).length;
    });
    const schemaMs = mb > 100 ? undefined : time(1, () => checkSchema(original));
    const out = join(dir, 'cib.xml');
    const writeMs = time(runs, () => writeCibFile(out, modified, { force: true, backups: 2 }));
    console.log(
      `${label} (${mb.toFixed(1)} MB), patch of ${patch.changes.length} changes ${JSON.stringify(counts)}:\n` +
        `  diff ${diffMs.toFixed(0)} ms (${((mb / diffMs) * 1000).toFixed(0)} MB/s), apply ${applyMs.toFixed(0)} ms, ` +
        `bump decision ${bumpMs.toFixed(1)} ms, structure+ids+references ${validateMs.toFixed(0)} ms (${problems} problems: the edit removed constrained resources), ` +
        `${schemaMs === undefined ? '' : `xmllint RelaxNG ${schemaMs.toFixed(0)} ms, `}atomic write with backup ${writeMs.toFixed(0)} ms (${((mb / writeMs) * 1000).toFixed(0)} MB/s)`,
    );
  });
} finally {
  rmSync(dir, { recursive: true, force: true });
}
