// The guide's DRBD dual-primary storage (promoted-max=2) under the whole stack, end to end with
// the command-line tools on a copy of the embedded cluster: crm_simulate brings everything up
// with DRBD promoted on both nodes; when the DRBD agent withdraws node02's promotion score
// (crm_attribute -D, as `crm_master -D` does when the peer's disk goes bad), the next transition
// demotes it there and stops what needs a primary under it.

import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from './support/corpus.js';

const BIN = join(REPO_ROOT, 'packages', 'cli', 'bin');
const BUNDLE = join(REPO_ROOT, 'packages', 'cli', 'dist', 'bin', 'crm_simulate.js');
const GUIDE_CIB = join(REPO_ROOT, 'packages', 'cli', 'assets', 'guide-cluster.xml');

const dir = mkdtempSync(join(tmpdir(), 'drbd-dual.'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function tool(name: string, args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [join(BIN, `${name}.js`), ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout;
}

const section = (out: string, from: string, to: string) => out.slice(out.indexOf(from), out.indexOf(to, out.indexOf(from)));
/** Transition summary lines, whitespace collapsed. */
const summary = (out: string) =>
  section(out, 'Transition Summary:', 'Executing Cluster Transition:')
    .split('\n')
    .slice(1)
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
const executed = (out: string) => section(out, 'Executing Cluster Transition:', 'Revised Cluster Status:').split('\n');
const position = (lines: string[], re: RegExp) => lines.findIndex((l) => re.test(l));

// the bins run the bundle `pnpm build` makes
describe.skipIf(!existsSync(BUNDLE))("the guide's dual-primary DRBD", () => {
  const live = join(dir, 'cib.xml');
  copyFileSync(GUIDE_CIB, live);
  let first = '';

  it('starts the stack with DRBD promoted on both nodes, promotions after the starts and before clvmd', () => {
    // The embedded cluster is chapter 11's fresh configuration; the DRBD agent publishes its
    // promotion score on each node (crm_master -l reboot -v 10000) once both disks are UpToDate.
    for (const n of ['node01', 'node02']) tool('crm_attribute', ['-N', n, '-p', 'drbd_datos', '-v', '10000', '-l', 'reboot'], { CIB_file: live });
    first = tool('crm_simulate', ['-x', live, '-S', '-O', live]);
    expect(summary(first)).toEqual(
      expect.arrayContaining(['* Promote drbd_datos:0 ( Stopped -> Promoted node01 )', '* Promote drbd_datos:1 ( Stopped -> Promoted node02 )']),
    );
    const steps = executed(first);
    for (const n of ['node01', 'node02']) {
      const start = position(steps, new RegExp(`drbd_datos(:\\d)?\\s+start on ${n}`));
      const promote = position(steps, new RegExp(`drbd_datos(:\\d)?\\s+promote on ${n}`));
      const clvmd = position(steps, new RegExp(`clvmd(:\\d)?\\s+start on ${n}`));
      expect(start).toBeGreaterThan(-1);
      expect(promote).toBeGreaterThan(start);
      expect(clvmd).toBeGreaterThan(promote);
    }
    // notifications around the promotion, as the DRBD agent needs them
    expect(position(steps, /drbd_datos-clone_confirmed-pre_notify_promote_0/)).toBeLessThan(position(steps, /drbd_datos-clone_promote_0/));
    expect(first.slice(first.indexOf('Revised Cluster Status:'))).toContain('Promoted: [ node01 node02 ]');
  });

  it('is quiet once everything runs', () => {
    expect(summary(tool('crm_simulate', ['-x', live, '-S']))).toEqual([]);
  });

  it("demotes node02 when its promotion score is withdrawn, stopping what needs a primary there", () => {
    tool('crm_attribute', ['-N', 'node02', '-n', 'master-drbd_datos', '-l', 'reboot', '-D'], { CIB_file: live });
    const out = tool('crm_simulate', ['-x', live, '-S']);
    const lines = summary(out);
    expect(lines).toContain('* Demote drbd_datos:1 ( Promoted -> Unpromoted node02 )');
    expect(lines).toEqual(expect.arrayContaining([expect.stringMatching(/^\* Stop clvmd:1 \( node02 \)/), expect.stringMatching(/^\* Stop sharedFS:1 \( node02 \)/)]));
    expect(lines.some((l) => /drbd_datos:0/.test(l))).toBe(false);
    const steps = executed(out);
    // the file system and clvmd stop before DRBD gives up its primary role
    expect(position(steps, /clvmd\s+stop on node02/)).toBeLessThan(position(steps, /drbd_datos\s+demote on node02/));
    expect(out.slice(out.indexOf('Revised Cluster Status:'))).toMatch(/Promoted: \[ node01 \]\n\s*\* Unpromoted: \[ node02 \]/);
  });
});
