// Differential test against Pacemaker's own crm_diff: its patches apply here, and ours apply
// there, both giving the edited CIB. Skips without crm_diff (Debian's pacemaker-cli-utils).

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { applyPatch, Cib, compareVersions, diffCibs, parsePatchXml, patchToXml, sameElement, VERSION_FIELDS } from '../src/index.js';
import { missingReason, sharedPath } from '../../../test/support/corpus.js';
import { mutate, seededRandom } from './support/mutate.js';

const IGNORE_VERSION = new Set(VERSION_FIELDS);
const xmlDir = sharedPath('conformance', 'scheduler', 'xml');
const crmDiff = spawnSync('crm_diff', ['--version'], { encoding: 'utf8' });
const haveCrmDiff = !crmDiff.error && crmDiff.status === 0;

describe("patches agree with Pacemaker's crm_diff", () => {
  if (!xmlDir) {
    it.skip(missingReason('conformance/scheduler/xml'), () => {});
    return;
  }
  if (!haveCrmDiff) {
    it.skip('skipped: crm_diff not found (install pacemaker-cli-utils)', () => {});
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'cib-patch-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  // crm_diff writes format 1 patches (not supported) for CIBs of feature set 3.0.8 and older.
  const files = readdirSync(xmlDir)
    .filter((f) => f.endsWith('.xml'))
    .sort()
    .filter((f) => compareVersions(/crm_feature_set="([^"]*)"/.exec(readFileSync(join(xmlDir, f), 'utf8').slice(0, 2000))?.[1] ?? '0', '3.0.8') > 0)
    .filter((_, i) => i % 8 === 0);

  it(`in both directions on edited copies of ${files.length} shared CIBs`, () => {
    const failures: string[] = [];
    let compared = 0;
    for (const f of files) {
      const original = Cib.parse(readFileSync(join(xmlDir, f), 'utf8'), f);
      const modified = original.clone();
      // Pacemaker addresses elements by id alone, so only elements with ids are moved about.
      const edits = mutate(modified, seededRandom(f.length * 31 + 5), 8, { idsOnly: true });
      const orig = join(dir, 'orig.xml');
      const mod = join(dir, 'mod.xml');
      writeFileSync(orig, original.toXml());
      writeFileSync(mod, modified.toXml());

      const theirs = spawnSync('crm_diff', ['--original', orig, '--new', mod, '--no-version'], { encoding: 'utf8' });
      const target = original.clone();
      applyPatch(target, parsePatchXml(theirs.stdout));
      if (!sameElement(target.root, modified.root, IGNORE_VERSION)) failures.push(`${f}: crm_diff's patch applied here (${edits.join(', ')})`);

      const ours = join(dir, 'ours.xml');
      writeFileSync(ours, patchToXml(diffCibs(original, modified), { withVersion: false }));
      const applied = spawnSync('crm_diff', ['--original', orig, '--patch', ours], { encoding: 'utf8' });
      const result = applied.status === 0 ? Cib.parse(applied.stdout) : undefined;
      if (!result || !sameElement(result.root, modified.root, IGNORE_VERSION)) {
        failures.push(`${f}: our patch applied by crm_diff (${edits.join(', ')}) ${applied.stderr}`);
      }
      compared++;
    }
    expect(failures).toEqual([]);
    expect(compared).toBeGreaterThan(10);
  });
});
