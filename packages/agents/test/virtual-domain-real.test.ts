// ocf:hacluster:libvirtd and ocf:hacluster:VirtualDomain for real: two libvirtds, each in its own
// network/mount/UTS namespace ("node1", "node2"), started by our libvirtd agent; a tiny diskless
// qemu guest (software emulation) started, live-migrated from node1 to node2 over TCP, and
// stopped gracefully-then-destroyed and by force. Needs root, libvirt and qemu-system-x86.

import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultAgentPaths, Executor, type OcfAction, type OperationResult, type ResourceSpec } from '../src/index.js';
import { BUILTIN_DIR, isRoot, missingTools, scratch } from './support.js';
import { makeNodes, nodeProvider, removeNodes, type TestNode } from './support-nodes.js';

const reason = !isRoot ? 'skipped: namespaces and libvirtd need root' : missingTools('libvirtd', 'virsh', 'virtlogd', 'qemu-system-x86_64', 'ip', 'unshare', 'nsenter');

/** What libvirt's own packages would have set up (libvirt-daemon-system): its user and group. */
function ensureLibvirtUser(): void {
  const has = (db: string, name: string): boolean => {
    try {
      execFileSync('getent', [db, name], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  };
  if (!has('group', 'libvirt-qemu')) execFileSync('groupadd', ['-r', 'libvirt-qemu']);
  if (!has('passwd', 'libvirt-qemu')) execFileSync('useradd', ['-r', '-g', 'libvirt-qemu', '-d', '/var/lib/libvirt', '-s', '/usr/sbin/nologin', 'libvirt-qemu']);
  if (!has('group', 'kvm')) execFileSync('groupadd', ['-r', 'kvm']);
}

const DOMAIN = `<domain type='qemu'>
  <name>hacvm</name>
  <memory unit='MiB'>32</memory>
  <vcpu>1</vcpu>
  <os><type arch='x86_64' machine='pc'>hvm</type></os>
  <features><acpi/></features>
  <on_poweroff>destroy</on_poweroff>
  <devices>
    <emulator>/usr/bin/qemu-system-x86_64</emulator>
    <memballoon model='none'/>
  </devices>
</domain>
`;

describe.skipIf(reason !== undefined)(reason ?? 'libvirtd and VirtualDomain (real)', () => {
  const tag = `hac${process.pid % 10000}`;
  const base = scratch('vd-real-');
  const ocfRoot = join(base, 'ocf');
  let nodes: TestNode[] = [];
  let executor: Executor;
  const config = join(base, 'hacvm.xml');

  beforeAll(async () => {
    ensureLibvirtUser();
    writeFileSync(config, DOMAIN);
    nodes = await makeNodes(base, tag, (n) => ({
      '/etc/libvirt/libvirtd.conf': `listen_tls = 0\nlisten_tcp = 1\nlisten_addr = "${n.address}"\nauth_tcp = "none"\nhost_uuid = "${n.name === 'node1' ? '11111111-1111-4111-8111-111111111111' : '22222222-2222-4222-8222-222222222222'}"\n`,
      '/etc/libvirt/qemu.conf': 'user = "root"\ngroup = "root"\nsecurity_driver = "none"\n',
    }));
    for (const n of nodes) nodeProvider(ocfRoot, n, BUILTIN_DIR, ['libvirtd', 'VirtualDomain']);
    executor = new Executor({ paths: { ...defaultAgentPaths(), ocfRoot, builtinResourceD: undefined }, environment: { HA_debug: '1' } });
  });

  afterAll(() => {
    executor?.close();
    removeNodes(nodes, tag);
  });

  const op = (node: string, rsc: ResourceSpec, action: OcfAction, extra: { meta?: Record<string, string>; timeoutMs?: number; intervalMs?: number } = {}): Promise<OperationResult> =>
    executor.run({
      resource: { ...rsc, agent: { class: 'ocf', provider: node, type: rsc.agent.type }, meta: { ...rsc.meta, ...(extra.meta ?? {}) } },
      action,
      intervalMs: extra.intervalMs ?? (action === 'monitor' ? 10_000 : 0),
      timeoutMs: extra.timeoutMs ?? 60_000,
    });

  const libvirtd: ResourceSpec = { id: 'libvirtd', agent: { class: 'ocf', provider: 'x', type: 'libvirtd' }, params: { listen: 'true' }, meta: {} };
  const vm = (params: Record<string, string> = {}): ResourceSpec => ({
    id: 'hacvm',
    agent: { class: 'ocf', provider: 'x', type: 'VirtualDomain' },
    params: { config, hypervisor: 'qemu:///system', migration_transport: 'tcp', ...params },
    meta: { 'allow-migrate': 'true' },
  });
  const migration = { migrate_source: 'node1', migrate_target: 'node2' };

  it('starts libvirtd on both nodes (virtlogd with it) and monitors it', async () => {
    for (const n of ['node1', 'node2']) {
      expect((await op(n, libvirtd, 'monitor', { intervalMs: 0 })).rc).toBe(7);
      const start = await op(n, libvirtd, 'start');
      expect([n, start.rc, start.exitReason]).toEqual([n, 0, undefined]);
      expect((await op(n, libvirtd, 'monitor')).rc).toBe(0);
    }
  });

  it('starts the guest on node1, live-migrates it to node2, and node1 is then empty', async () => {
    expect((await op('node1', vm(), 'monitor', { intervalMs: 0 })).rc).toBe(7);
    const start = await op('node1', vm(), 'start');
    expect([start.rc, start.exitReason]).toEqual([0, undefined]);
    expect((await op('node1', vm(), 'monitor')).rc).toBe(0);
    expect((await op('node2', vm(), 'monitor', { intervalMs: 0 })).rc).toBe(7);
    const to = await op('node1', vm(), 'migrate_to', { meta: migration });
    expect([to.rc, to.exitReason]).toEqual([0, undefined]);
    expect(to.stderr).toContain('running: virsh --connect qemu:///system --quiet migrate --live hacvm qemu+tcp://node2/system');
    expect((await op('node2', vm(), 'migrate_from', { meta: migration })).rc).toBe(0);
    expect((await op('node2', vm(), 'monitor')).rc).toBe(0);
    expect((await op('node1', vm(), 'monitor', { intervalMs: 0 })).rc).toBe(7);
    expect((await op('node1', vm(), 'stop')).rc).toBe(0);
    expect(nodes[1]!.exec('virsh', ['-c', 'qemu:///system', 'domstate', 'hacvm']).trim()).toBe('running');
  });

  it('stops with virsh shutdown --mode, then destroys a guest that ignores it before the timeout', async () => {
    const stop = await op('node2', vm({ shutdown_mode: 'acpi' }), 'stop', { timeoutMs: 12_000 });
    expect([stop.rc, stop.execStatus]).toEqual([0, 'done']);
    expect(stop.stderr).toContain('running: virsh --connect qemu:///system --quiet shutdown --mode acpi hacvm');
    expect(stop.stderr).toContain('did not shut down in time, destroying it');
    expect((await op('node2', vm(), 'monitor', { intervalMs: 0 })).rc).toBe(7);
  });

  it('with force_stop destroys at once; a second stop succeeds', async () => {
    expect((await op('node2', vm(), 'start')).rc).toBe(0);
    const stop = await op('node2', vm({ force_stop: '1' }), 'stop', { timeoutMs: 12_000 });
    expect(stop.rc).toBe(0);
    expect(stop.stderr).not.toContain('shutdown');
    expect((await op('node2', vm(), 'stop')).rc).toBe(0);
  });

  it('stops libvirtd on both nodes', async () => {
    for (const n of ['node1', 'node2']) {
      expect((await op(n, libvirtd, 'stop')).rc).toBe(0);
      expect((await op(n, libvirtd, 'monitor')).rc).toBe(7);
    }
  });
});
