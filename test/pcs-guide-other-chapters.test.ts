// The guide's pcs commands outside chapter 11, in both syntaxes, with our pcs on files: each
// runs, the configuration ends as the commands say, and those that need running nodes refuse
// clearly and leave the file alone.

import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Cib, type XmlElement } from '@hacluster/cib';
import { runPcs } from '@hacluster/cli';
import { afterAll, describe, expect, it } from 'vitest';
import { LIVE, RUNNING_CLUSTER_CIB } from './support/guide-chapter11.js';
import { LIVE_ONLY, OTHER_WORKFLOWS } from './support/guide-other-chapters.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

interface Step {
  line: string;
  exit: number;
  stdout: string;
  stderr: string;
}

function workDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'guide-other.'));
  dirs.push(dir);
  writeFileSync(join(dir, LIVE), RUNNING_CLUSTER_CIB);
  // `pcs cluster edit`: an editor that changes one value, as the reader would by hand
  const editor = join(dir, 'editor.sh');
  writeFileSync(editor, '#!/bin/sh\nsed -i \'s/name="no-quorum-policy" value="ignore"/name="no-quorum-policy" value="stop"/\' "$1"\n');
  chmodSync(editor, 0o755);
  return dir;
}

async function run(dir: string, argv: readonly string[]): Promise<Omit<Step, 'line'>> {
  let stdout = '';
  let stderr = '';
  const env = { ...process.env, LC_ALL: 'C.UTF-8', EDITOR: join(dir, 'editor.sh') };
  const exit = await runPcs(
    argv.map((w) => w.replaceAll('${DIR}', dir)),
    { cwd: dir, env, io: { out: (t) => void (stdout += t), err: (t) => void (stderr += t) } },
  );
  return { exit, stdout, stderr };
}

async function runWorkflow(name: keyof typeof OTHER_WORKFLOWS): Promise<{ dir: string; steps: Step[] }> {
  const dir = workDir();
  const steps: Step[] = [];
  for (const c of OTHER_WORKFLOWS[name]) steps.push({ line: c.line, ...(await run(dir, c.argv)) });
  return { dir, steps };
}

function byId(cib: Cib, id: string): XmlElement | undefined {
  for (const el of cib.scope('configuration')!.descendants()) if (el.get('id') === id) return el;
  return undefined;
}

const pairs = (el: XmlElement | undefined, tag: string): Record<string, string> =>
  Object.fromEntries((el?.first(tag)?.elements('nvpair') ?? []).map((p) => [p.get('name') ?? '', p.get('value') ?? '']));

const chapters12 = Object.keys(OTHER_WORKFLOWS).filter((k) => k.startsWith('chapters')) as (keyof typeof OTHER_WORKFLOWS)[];
const chapter13 = Object.keys(OTHER_WORKFLOWS).filter((k) => k.startsWith('chapter 13')) as (keyof typeof OTHER_WORKFLOWS)[];

describe.each(chapters12)("the guide's %s", (name) => {
  let result: Promise<{ dir: string; steps: Step[] }> | undefined;
  const workflow = () => (result ??= runWorkflow(name));

  it('runs every command successfully', async () => {
    const { steps } = await workflow();
    expect(steps.filter((s) => s.exit !== 0).map((s) => `${s.line}\n${s.stderr}`)).toEqual([]);
  });

  it('ends with the configuration the commands describe', async () => {
    const { dir, steps } = await workflow();
    const cib = Cib.parse(readFileSync(join(dir, LIVE), 'utf8'));
    for (const id of ['impi-fencing', 'fence_n01_ipmi', 'fence_n02_ipmi', 'fence_nodo01']) expect(byId(cib, id)?.get('class'), id).toBe('stonith');
    const crm = Object.fromEntries(cib.scope('crm_config')!.elements('cluster_property_set').flatMap((s) => s.elements('nvpair')).map((p) => [p.get('name'), p.get('value')]));
    expect(crm['stonith-enabled']).toBe('true');
    expect(crm['no-quorum-policy']).toBe('stop');
    expect(pairs(byId(cib, 'ipsite'), 'instance_attributes')).toEqual({ ip: '192.168.1.100', cidr_netmask: '24', clusterip_hash: 'sourceip' });
    expect(pairs(byId(cib, 'dlm'), 'instance_attributes')).toEqual({ args: '‐s 0 -q 1' });
    expect(byId(cib, 'dlm')!.parent!.name).toBe('clone');
    expect(byId(cib, 'recurso')).toBeUndefined();
    const colocation = cib.scope('constraints')!.elements('rsc_colocation')[0]!;
    expect([colocation.get('rsc'), colocation.get('with-rsc'), colocation.get('score')]).toEqual(['website', 'ipsite', 'INFINITY']);
    expect(cib.scope('constraints')!.elements('rsc_location').map((c) => c.get('id')).filter((id) => id!.startsWith('cli-'))).toEqual([]);
    // standby set and unset again on both nodes
    for (const node of cib.scope('nodes')!.elements('node')) expect(pairs(node, 'instance_attributes').standby, node.get('uname')).toBeUndefined();
    // what the status and debug commands printed
    const out = (line: string) => steps.find((s) => s.line === line)!.stdout;
    expect(out('pcs --corosync_conf corosync.conf status')).toContain('Cluster name: kuster-test');
    // debug-start ran the agent for real: Dummy marks itself started in its state file
    expect(existsSync(join(dir, 'recurso.state'))).toBe(true);
  });
});

describe.each(chapter13)("the guide's %s (eight nodes)", (name) => {
  it('runs every command and leaves the stack configured', async () => {
    const { dir, steps } = await runWorkflow(name);
    expect(steps.filter((s) => s.exit !== 0).map((s) => `${s.line}\n${s.stderr}`)).toEqual([]);
    const cib = Cib.parse(readFileSync(join(dir, LIVE), 'utf8'));
    for (const id of ['dlm-clone', 'sharedFS-clone', 'res_libvirtd-clone']) expect(pairs(byId(cib, id), 'meta_attributes')['clone-max'], id).toBe('8');
    expect(cib.scope('constraints')!.elements('rsc_order')).toHaveLength(3);
    expect(cib.scope('constraints')!.elements('rsc_colocation')).toHaveLength(2);
    expect(pairs(byId(cib, 'ubuntu'), 'meta_attributes')['allow-migrate']).toBe('true');
  });
});

describe("the guide's commands on running nodes", () => {
  it.each(LIVE_ONLY.map((c) => [c.line, c.argv] as const))('%s refuses a CIB file and leaves it alone', async (_line, argv) => {
    const dir = workDir();
    const { exit, stdout, stderr } = await run(dir, argv);
    expect(exit).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^Error: .*(running cluster|not on a CIB file)/);
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(readFileSync(join(dir, LIVE), 'utf8')).toBe(RUNNING_CLUSTER_CIB);
  });
});
