// The guide's chapter 11 workflow, start to finish, with our pcs on a file standing for the
// running cluster's CIB, in both syntaxes; then (once this repository has crm_simulate) the
// scheduler on the result, which must start the whole stack on the two nodes.

import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Cib, readConfiguration, type XmlElement } from '@hacluster/cib';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from './support/corpus.js';
import { LIVE, runWorkflow as runGuideWorkflow, WORKFLOWS, type GuideStep } from './support/guide-chapter11.js';

const CRM_SIMULATE = join(REPO_ROOT, 'packages', 'cli', 'dist', 'bin', 'crm_simulate.js');
const LAUNCHER = join(REPO_ROOT, 'packages', 'cli', 'bin', 'crm_simulate.js');

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

async function runWorkflow(name: keyof typeof WORKFLOWS): Promise<{ dir: string; steps: GuideStep[] }> {
  const result = await runGuideWorkflow(name);
  dirs.push(result.dir);
  return result;
}

const meta = (el: XmlElement | undefined): Record<string, string> =>
  Object.fromEntries((el?.first('meta_attributes')?.elements('nvpair') ?? []).map((p) => [p.get('name') ?? '', p.get('value') ?? '']));
const params = (el: XmlElement | undefined): Record<string, string> =>
  Object.fromEntries((el?.first('instance_attributes')?.elements('nvpair') ?? []).map((p) => [p.get('name') ?? '', p.get('value') ?? '']));

function byId(cib: Cib, id: string): XmlElement | undefined {
  for (const el of cib.scope('configuration')!.descendants()) if (el.get('id') === id) return el;
  return undefined;
}

describe.each(Object.keys(WORKFLOWS) as (keyof typeof WORKFLOWS)[])("the guide's chapter 11 in %s", (name) => {
  let result: Promise<{ dir: string; steps: GuideStep[] }> | undefined;
  const run = () => (result ??= runWorkflow(name));

  it('runs every command successfully', async () => {
    const { steps } = await run();
    const failed = steps.filter((s) => s.exit !== 0).map((s) => `${s.line}\n${s.stderr}`);
    expect(failed).toEqual([]);
  });

  it('leaves the whole stack configured in the running cluster', async () => {
    const { dir } = await run();
    const cib = Cib.parse(readFileSync(join(dir, LIVE), 'utf8'));
    const config = readConfiguration(cib);
    const top = config.resources.map((r) => r.id).sort();
    expect(top).toEqual(['clvmd-clone', 'dlm-clone', 'drbd_datos-clone', 'fence_n01_ipmi', 'fence_n02_ipmi', 'res_libvirtd-clone', 'sharedFS-clone', 'ubuntu'].sort());

    const drbd = byId(cib, 'drbd_datos-clone')!;
    expect(drbd.name).toBe('clone');
    expect(meta(drbd).promotable).toBe('true');
    expect(meta(drbd)['clone-max']).toBe('2');
    expect(meta(drbd).notify).toBe('true');
    expect(params(byId(cib, 'drbd_datos'))).toEqual({ drbd_resource: 'datos' });
    expect(byId(cib, 'drbd_datos')!.get('provider')).toBe('linbit');
    expect(params(byId(cib, 'sharedFS'))).toEqual({ device: '/dev/vg_shared/lv_shared', directory: '/home/datos', fstype: 'gfs2' });
    expect(byId(cib, 'res_libvirtd')!.get('class')).toBe('systemd');
    expect(meta(byId(cib, 'ubuntu'))['allow-migrate']).toBe('true');

    // Fence devices carry the option names fence_ipmilan knows today, whichever syntax wrote them.
    for (const n of ['01', '02']) {
      expect(params(byId(cib, `fence_n${n}_ipmi`))).toEqual({ ip: `node${n}.ipmi`, password: 'secret', pcmk_host_list: `node${n}`, pcmk_reboot_action: 'reboot', username: 'admin' });
    }

    const constraints = cib.scope('constraints')!.elements();
    const orders = constraints.filter((c) => c.name === 'rsc_order').map((c) => [c.get('first-action'), c.get('first'), c.get('then-action'), c.get('then'), c.get('kind') ?? '', c.get('symmetrical') ?? '']);
    expect(orders).toEqual([
      ['start', 'dlm-clone', 'promote', 'drbd_datos-clone', '', ''],
      ['promote', 'drbd_datos-clone', 'start', 'clvmd-clone', 'Serialize', ''],
      ['start', 'clvmd-clone', 'start', 'sharedFS-clone', 'Serialize', ''],
      ['start', 'sharedFS-clone', 'start', 'res_libvirtd-clone', 'Serialize', ''],
      ['start', 'res_libvirtd-clone', 'start', 'ubuntu', '', 'false'],
    ]);
    const colocations = constraints.filter((c) => c.name === 'rsc_colocation').map((c) => [c.get('rsc'), c.get('rsc-role') ?? '', c.get('with-rsc'), c.get('with-rsc-role') ?? '', c.get('score')]);
    expect(colocations).toEqual([
      // pcs writes the other side's role as Started when one side has a role.
      ['drbd_datos-clone', 'Promoted', 'dlm-clone', 'Started', 'INFINITY'],
      ['clvmd-clone', 'Started', 'drbd_datos-clone', 'Promoted', 'INFINITY'],
      ['sharedFS-clone', '', 'clvmd-clone', '', 'INFINITY'],
      ['res_libvirtd-clone', '', 'sharedFS-clone', '', 'INFINITY'],
    ]);
    const locations = constraints.filter((c) => c.name === 'rsc_location').map((c) => [c.get('rsc'), c.get('node'), c.get('score')]);
    expect(locations).toEqual([
      ['fence_n01_ipmi', 'node02', 'INFINITY'],
      ['fence_n01_ipmi', 'node01', '-INFINITY'],
      ['fence_n02_ipmi', 'node01', 'INFINITY'],
      ['fence_n02_ipmi', 'node02', '-INFINITY'],
    ]);
    const props = Object.fromEntries(config.crmConfig.flatMap((s) => s.pairs.map((p) => [p.name, p.value])));
    expect(props['no-quorum-policy']).toBe('ignore');
    expect(props['stonith-enabled']).toBe('true');
  });

  it('lists the constraints as pcs does', async () => {
    const { steps } = await run();
    const listing = steps.find((s) => /constraint (show|config)$/.test(s.line))!;
    expect(listing.stdout.split('\n')).toEqual(
      expect.arrayContaining(['Ordering Constraints:', '  start dlm-clone then promote drbd_datos-clone (kind:Mandatory)', 'Colocation Constraints:']),
    );
  });

  // Needs this repository's crm_simulate (the scheduler's work); until then there is nothing to run.
  it.skipIf(!existsSync(CRM_SIMULATE))('starts the stack when the scheduler runs on the result (crm_simulate -x -S)', async (ctx) => {
    const { dir } = await run();
    const r = spawnSync(process.execPath, [LAUNCHER, '-x', join(dir, LIVE), '-S'], { encoding: 'utf8' });
    // The scheduler grows variant by variant; until it takes clones, this workflow cannot run.
    if (r.status !== 0 && /not supported by this scheduler yet/.test(r.stderr)) ctx.skip(`crm_simulate: ${r.stderr.trim()}`);
    expect(r.status, r.stderr).toBe(0);
    const summary = r.stdout.slice(r.stdout.indexOf('Transition Summary:'));
    // The first transition starts what depends on nothing: fencing, DRBD and DLM on both nodes
    // (Pacemaker 2.1.5's crm_simulate shows exactly these). Promotion waits for the DRBD agent to
    // report promotion scores from the running resource, and clvmd, the file system, libvirtd
    // and the VM wait for the promotion.
    for (const rsc of ['fence_n01_ipmi', 'fence_n02_ipmi', 'drbd_datos:0', 'drbd_datos:1', 'dlm:0', 'dlm:1']) {
      expect(summary, `${rsc} is started`).toMatch(new RegExp(`\\* Start\\s+${rsc}\\s`));
    }
    expect(summary).toMatch(/\* Start\s+fence_n01_ipmi\s+\( node02 \)/);
    expect(summary).toMatch(/\* Start\s+fence_n02_ipmi\s+\( node01 \)/);
    expect(summary).not.toMatch(/\* Start\s+clvmd/);
  });
});
