// The real controld and clvm backends cannot run here (no DLM, no corosync, no clvmd in Debian
// 12). They run against fake daemons and tools on PATH that record their arguments; the fake
// daemons are real processes named like the real ones, so finding and stopping them is real.

import { mkdirSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pidsNamed } from '../src/builtin/framework/processes.js';
import { scratch, writeScript } from './support.js';
import { builtin, runner } from './support-agents.js';

const FAKE_DAEMONS = ['dlm_controld', 'lvmlockd', 'clvmd', 'cmirrord'];
afterAll(() => {
  for (const name of FAKE_DAEMONS) for (const pid of pidsNamed(name)) process.kill(pid, 'SIGKILL');
});

function fakeDaemon(bin: string, name: string, log: string, onStart = ''): void {
  writeScript(join(bin, name), `#!/bin/sh\necho "${name} $*" >> ${log}\n${onStart}\ntrap 'exit 0' TERM\nwhile :; do sleep 0.2; done\n`);
}

function recorder(bin: string, name: string, log: string, body = ''): void {
  writeScript(join(bin, name), `#!/bin/sh\necho "${name} $*" >> ${log}\n${body}\n`);
}

function lines(log: string): string[] {
  return readFileSync(log, 'utf8').trim().split('\n').filter((l) => l !== '');
}

/**
 * The log with a fake daemon's own start line moved to the front: the agent sees the daemon's
 * process as soon as it exists, which can be before the daemon has written its line, so the
 * place of that line among the agent's later commands is a race, not behaviour.
 */
function daemonFirst(log: string, daemon: string): string[] {
  const l = lines(log);
  const own = l.filter((x) => x.startsWith(daemon + ' '));
  return [...own, ...l.filter((x) => !x.startsWith(daemon + ' '))];
}

describe('controld (real backend, recorded)', () => {
  const dir = scratch('dlm-fake-');
  const bin = join(dir, 'bin');
  const log = join(dir, 'commands.log');
  const sys = join(dir, 'root');
  const stonithFile = join(dir, 'stonith-enabled');
  const mergeFlag = join(dir, 'merge');
  writeFileSync(log, '');
  writeFileSync(stonithFile, 'true\n');
  mkdirSync(join(sys, 'sys', 'kernel', 'config', 'dlm'), { recursive: true });
  // The daemon fills the comms addresses once it has joined, as dlm_controld does in configfs.
  const comms = join(sys, 'sys', 'kernel', 'config', 'dlm', 'cluster', 'comms', '1');
  fakeDaemon(bin, 'dlm_controld', log, `mkdir -p ${comms}; echo 10.0.0.1 > ${comms}/addr_list`);
  recorder(bin, 'dlm_tool', log, `[ "$1" = status ] && { echo "cluster nodeid 1 quorate 1 ring seq 4 4"; [ -e ${mergeFlag} ] && echo "stateful_merge_wait=1"; }; exit 0`);
  recorder(bin, 'crm_attribute', log, `case "$*" in *stonith-enabled*) cat ${stonithFile};; *) exit 105;; esac`);
  const env = { HACLUSTER_NODE: 'node1', HACLUSTER_SYSFS_ROOT: sys };
  const path = `${bin}:/usr/sbin:/usr/bin:/sbin:/bin`;

  it('starts dlm_controld with its args, waits for the comms addresses, monitors with dlm_tool, stops it', async () => {
    const r = runner(env, path);
    const dlm = builtin('dlm', 'controld', { args: '-s 0 -q 0' }, { clone_max: '2' });
    expect((await r.op(dlm, 'monitor', { intervalMs: 0 })).rc).toBe(7);
    expect((await r.op(dlm, 'start')).rc).toBe(0);
    expect(pidsNamed('dlm_controld').length).toBe(1);
    expect((await r.op(dlm, 'monitor')).rc).toBe(0);
    writeFileSync(mergeFlag, '');
    const m = await r.op(dlm, 'monitor');
    expect([m.rc, m.exitReason]).toEqual([1, 'DLM status is: stateful_merge_wait']);
    rmSync(mergeFlag);
    expect((await r.op(dlm, 'stop')).rc).toBe(0);
    expect(pidsNamed('dlm_controld')).toEqual([]);
    expect((await r.op(dlm, 'stop')).rc).toBe(0);
    const l = lines(log);
    expect(l).toContain('dlm_controld -s 0 -q 0');
    expect(l).toContain('crm_attribute --type crm_config --name stonith-enabled --query --quiet');
    expect(l.filter((x) => x.startsWith('dlm_tool'))).toEqual(['dlm_tool status -v', 'dlm_tool ls', 'dlm_tool status -v']);
  });

  it('refuses to start with stonith-enabled=false unless allowed, and refuses a unique clone', async () => {
    writeFileSync(stonithFile, 'false\n');
    const r = runner(env, path);
    const refused = await r.op(builtin('dlm', 'controld', {}), 'start');
    expect([refused.rc, refused.exitReason]).toEqual([6, 'refusing to start: stonith-enabled=false and allow_stonith_disabled is not set']);
    expect(pidsNamed('dlm_controld')).toEqual([]);
    const allowed = builtin('dlm', 'controld', { allow_stonith_disabled: 'true' });
    expect((await r.op(allowed, 'start')).rc).toBe(0);
    expect((await r.op(allowed, 'stop')).rc).toBe(0);
    expect((await r.op(builtin('dlm', 'controld', {}, { globally_unique: 'true' }), 'start')).rc).toBe(6);
    writeFileSync(stonithFile, 'true\n');
  });
});

describe('clvm (real backend, recorded)', () => {
  function setup(daemon: 'lvmlockd' | 'clvmd') {
    const dir = scratch('lvm-fake-');
    const bin = join(dir, 'bin');
    const log = join(dir, 'commands.log');
    writeFileSync(log, '');
    fakeDaemon(bin, daemon, log);
    const vgs = daemon === 'lvmlockd' ? '  vg_shared dlm\n  vg_local\n' : '  vg_shared wz--nc\n  vg_local wz--n-\n';
    recorder(bin, 'vgs', log, `printf '${vgs.replace(/\n/g, '\\n')}'`);
    recorder(bin, 'vgchange', log);
    recorder(bin, 'vgscan', log);
    recorder(bin, 'lvmconf', log);
    return { runner: runner({ HACLUSTER_NODE: 'node1' }, `${bin}:/usr/bin:/bin`), log };
  }

  it('with lvmlockd: starts it, starts the lockspaces, activates; on stop deactivates the shared VGs only', async () => {
    const { runner: r, log } = setup('lvmlockd');
    const c = builtin('clvm', 'clvm', { daemon_options: '-A 1' }, { clone_max: '2' });
    expect((await r.op(c, 'start')).rc).toBe(0);
    expect((await r.op(c, 'monitor')).rc).toBe(0);
    expect((await r.op(c, 'stop')).rc).toBe(0);
    expect(pidsNamed('lvmlockd')).toEqual([]);
    expect(daemonFirst(log, 'lvmlockd')).toEqual([
      'lvmlockd -A 1',
      'vgchange --lock-start',
      'vgscan ',
      'vgchange -aay',
      'vgs --noheadings -o vg_name,vg_lock_type',
      'vgchange -an vg_shared',
      'vgchange --lock-stop',
    ]);
  });

  it('with clvmd: enables cluster locking, starts clvmd with its timeout, exclusive activation; deactivates clustered VGs', async () => {
    const { runner: r, log } = setup('clvmd');
    const c = builtin('clvm', 'clvm', { exclusive: 'true' });
    expect((await r.op(c, 'start', { timeoutMs: 30_000 })).rc).toBe(0);
    expect((await r.op(c, 'stop')).rc).toBe(0);
    const l = daemonFirst(log, 'clvmd');
    expect(l[0]).toMatch(/^clvmd -T\d+ -d0$/);
    expect(l[1]).toBe('lvmconf --enable-cluster');
    expect(l.slice(2)).toEqual(['vgscan ', 'vgchange -aey', 'vgs --noheadings -o vg_name,vg_attr', 'vgchange -anl vg_shared']);
  });

  it('stop succeeds where no lock daemon is installed; start and monitor say not installed', async () => {
    const r = runner({ HACLUSTER_NODE: 'node1' }, '/usr/bin:/bin');
    const c = builtin('clvm', 'clvm', {});
    expect((await r.op(c, 'stop')).rc).toBe(0);
    expect((await r.op(c, 'start')).rc).toBe(5);
    expect((await r.op(c, 'monitor', { intervalMs: 0 })).rc).toBe(7);
  });
});
