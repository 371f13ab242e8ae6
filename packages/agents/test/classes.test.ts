// The other agent classes: LSB init scripts (real scripts here), fence agents (Debian's
// fence_dummy), systemd units (no systemd on these machines: a fake systemctl records the calls
// and keeps unit states, so only the command sequence and the state mapping are shown).

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultAgentPaths, Executor, fenceAgentInput, type ResourceSpec } from '../src/index.js';
import { scratch, writeScript } from './support.js';

describe('lsb class', () => {
  const dir = scratch('initd-');
  const state = join(dir, 'running');
  writeScript(
    join(dir, 'init.d', 'demo'),
    `#!/bin/sh
case "$1" in
  start) touch ${state}; exit 0 ;;
  stop) rm -f ${state}; exit 0 ;;
  status) [ -e ${state} ] && exit 0; [ -e ${dir}/pidfile ] && exit 1; exit 3 ;;
  force-reload) exit 0 ;;
  *) exit 3 ;;
esac
`,
  );
  writeScript(join(dir, 'init.d', 'broken'), '#!/bin/sh\n[ "$1" = status ] && exit 4\nexit 150\n');
  const ex = new Executor({ paths: { ...defaultAgentPaths(), initDir: join(dir, 'init.d') } });
  const rsc = (type: string): ResourceSpec => ({ id: type, agent: { class: 'lsb', provider: undefined, type }, params: {}, meta: {} });

  it('runs start/stop/status and maps status codes (3 and "dead, pid file exists" are not running)', async () => {
    expect((await ex.run({ resource: rsc('demo'), action: 'monitor' })).rc).toBe(7);
    expect((await ex.run({ resource: rsc('demo'), action: 'start' })).rc).toBe(0);
    expect((await ex.run({ resource: rsc('demo'), action: 'monitor', intervalMs: 10_000 })).rc).toBe(0);
    expect((await ex.run({ resource: rsc('demo'), action: 'stop' })).rc).toBe(0);
    writeFileSync(join(dir, 'pidfile'), '1');
    expect((await ex.run({ resource: rsc('demo'), action: 'monitor' })).rc).toBe(7);
    expect((await ex.run({ resource: rsc('demo'), action: 'promote' })).rc).toBe(3);
  });

  it('maps status 4 to a generic error and other actions above 7 to 1', async () => {
    expect((await ex.run({ resource: rsc('broken'), action: 'monitor', intervalMs: 1000 })).rc).toBe(1);
    const start = await ex.run({ resource: rsc('broken'), action: 'start' });
    expect([start.rc, start.rawExitCode]).toEqual([1, 150]);
    expect((await ex.run({ resource: rsc('missing'), action: 'start' })).rc).toBe(5);
  });
});

describe.skipIf(!existsSync('/usr/sbin/fence_dummy'))('stonith class with fence_dummy', () => {
  it('start registers the device after a monitor, fence actions get their parameters on stdin', async () => {
    const status = join(scratch(), 'power');
    const ex = new Executor();
    const dev: ResourceSpec = { id: 'fence1', agent: { class: 'stonith', provider: undefined, type: 'fence_dummy' }, params: { type: 'file', status_file: status, pcmk_host_list: 'node2' }, meta: {} };
    expect((await ex.run({ resource: dev, action: 'monitor' })).rc).toBe(7);
    expect((await ex.run({ resource: dev, action: 'start' })).rc).toBe(0);
    expect(ex.fencer.ids()).toEqual(['fence1']);
    expect((await ex.run({ resource: dev, action: 'monitor', intervalMs: 60_000 })).rc).toBe(0);
    expect((await ex.fence(dev, 'on', 'node2')).exitCode).toBe(0);
    expect(readFileSync(status, 'utf8').trim()).toBe('on');
    expect((await ex.fence(dev, 'status', 'node2')).exitCode).toBe(0);
    expect((await ex.fence(dev, 'off', 'node2')).exitCode).toBe(0);
    expect(readFileSync(status, 'utf8').trim()).toBe('off');
    expect((await ex.fence(dev, 'status', 'node2')).exitCode).toBe(2);
    expect((await ex.run({ resource: dev, action: 'stop' })).rc).toBe(0);
    expect(ex.fencer.ids()).toEqual([]);
  });

  it('passes the target as port (mapped through pcmk_host_map), or not at all for agents without one', () => {
    const dev: ResourceSpec = { id: 'f', agent: { class: 'stonith', provider: undefined, type: 'fence_ipmilan' }, params: { ip: '10.0.0.9', pcmk_host_map: 'node1:1;node2:2', pcmk_delay_max: '5' }, meta: {} };
    expect(fenceAgentInput(dev, 'reboot', 'node2', ['ip', 'port'])).toBe('action=reboot\nip=10.0.0.9\nnodename=node2\nport=2\n');
    expect(fenceAgentInput(dev, 'reboot', 'node2', ['ip', 'plug'])).toBe('action=reboot\nip=10.0.0.9\nnodename=node2\nplug=2\n');
    expect(fenceAgentInput(dev, 'off', 'node1', ['ip'])).toBe('action=off\nip=10.0.0.9\nnodename=node1\n');
  });
});

describe('systemd class (fake systemctl)', () => {
  it('writes the drop-in before start, starts and stops with job mode replace, reads ActiveState', async () => {
    const dir = scratch('systemd-');
    const log = join(dir, 'calls');
    const units = join(dir, 'units');
    const systemctl = writeScript(
      join(dir, 'systemctl'),
      `#!/bin/sh
echo "$*" >> ${log}
case "$1" in
  show) u="$3"; [ "$u" = nosuch.service ] && { echo LoadState=not-found; echo ActiveState=inactive; exit 0; }
        echo LoadState=loaded; if [ -e ${units}.$u ]; then echo ActiveState=active; else echo ActiveState=inactive; fi ;;
  start) touch ${units}.$3 ;;
  stop) rm -f ${units}.$3 ;;
esac
exit 0
`,
    );
    const runtime = join(dir, 'run');
    const ex = new Executor({ systemctl, systemdRuntimeDir: runtime });
    const unit: ResourceSpec = { id: 'libvirtd', agent: { class: 'systemd', provider: undefined, type: 'libvirtd' }, params: {}, meta: {} };
    expect((await ex.run({ resource: unit, action: 'monitor' })).rc).toBe(7);
    expect((await ex.run({ resource: unit, action: 'start' })).rc).toBe(0);
    const dropIn = readFileSync(join(runtime, 'libvirtd.service.d', '50-pacemaker.conf'), 'utf8');
    expect(dropIn).toContain('Before=pacemaker.service pacemaker_remote.service');
    expect(dropIn).toContain('Restart=no');
    expect((await ex.run({ resource: unit, action: 'monitor', intervalMs: 60_000 })).rc).toBe(0);
    expect((await ex.run({ resource: unit, action: 'stop' })).rc).toBe(0);
    expect(existsSync(join(runtime, 'libvirtd.service.d'))).toBe(false);
    expect(readFileSync(log, 'utf8').trim().split('\n')).toEqual([
      'show --property=LoadState,ActiveState libvirtd.service',
      'show --property=LoadState,ActiveState libvirtd.service',
      'daemon-reload',
      'start --job-mode=replace libvirtd.service',
      'show --property=LoadState,ActiveState libvirtd.service',
      'show --property=LoadState,ActiveState libvirtd.service',
      'show --property=LoadState,ActiveState libvirtd.service',
      'stop --job-mode=replace libvirtd.service',
      'show --property=LoadState,ActiveState libvirtd.service',
    ]);
    const missing = { ...unit, id: 'n', agent: { ...unit.agent, type: 'nosuch' } };
    expect((await ex.run({ resource: missing, action: 'start' })).rc).toBe(5);
    expect((await ex.run({ resource: missing, action: 'monitor' })).rc).toBe(7);
  });
});
