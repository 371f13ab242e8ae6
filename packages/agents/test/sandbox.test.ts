// The sandbox backends through the executor: the same exit codes as the real agents, state in
// files, peers as sibling node directories, migration as a move, failures injected by files.

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scratch } from './support.js';
import { builtin, runner } from './support-agents.js';

function nodes(sandbox: string, ...names: string[]) {
  return Object.fromEntries(names.map((n) => [n, runner({ HACLUSTER_SANDBOX: sandbox, HACLUSTER_NODE: n })]));
}

const DRBD_META = { clone_max: '2', clone_node_max: '1', promoted_max: '1', promoted_node_max: '1', notify: 'true' };

describe('drbd (sandbox)', () => {
  it('brings a resource up on two nodes, promotes one, refuses a second Primary unless promoted-max is 2', async () => {
    const sb = scratch();
    const { node1, node2 } = nodes(sb, 'node1', 'node2');
    const r = builtin('drbd-r0', 'drbd', { drbd_resource: 'r0' }, DRBD_META);
    expect((await node1!.op(r, 'monitor', { intervalMs: 0 })).rc).toBe(7);
    expect((await node1!.op(r, 'start')).rc).toBe(0);
    expect((await node2!.op(r, 'start')).rc).toBe(0);
    expect((await node1!.op(r, 'promote')).rc).toBe(0);
    expect((await node1!.op(r, 'monitor')).rc).toBe(8);
    expect(readFileSync(join(sb, 'node1', 'drbd', 'r0', 'role'), 'utf8').trim()).toBe('Primary');
    const second = await node2!.op(r, 'promote');
    expect([second.rc, second.exitReason]).toEqual([1, 'r0: the peer is Primary and promoted-max is 1']);
    const dual = await node2!.op(r, 'promote', { meta: { promoted_max: '2' } });
    expect(dual.rc).toBe(0);
    expect((await node2!.op(r, 'monitor')).rc).toBe(8);
    expect((await node2!.op(r, 'demote')).rc).toBe(0);
    expect((await node2!.op(r, 'monitor')).rc).toBe(0);
  });

  it('will not promote without UpToDate data, and a stopped Secondary with stop_outdates_secondary is Outdated', async () => {
    const sb = scratch();
    const { node1, node2 } = nodes(sb, 'node1', 'node2');
    mkdirSync(join(sb, 'node2', 'drbd', 'r0'), { recursive: true });
    writeFileSync(join(sb, 'node2', 'drbd', 'r0', 'disk'), 'Inconsistent\n');
    const r = builtin('drbd-r0', 'drbd', { drbd_resource: 'r0', stop_outdates_secondary: 'true' }, DRBD_META);
    await node1!.op(r, 'start');
    await node2!.op(r, 'start');
    const p = await node2!.op(r, 'promote');
    expect([p.rc, p.exitReason]).toEqual([1, 'r0: no UpToDate data to promote (local disk Inconsistent)']);
    expect((await node1!.op(r, 'promote')).rc).toBe(0);
    writeFileSync(join(sb, 'node2', 'drbd', 'r0', 'disk'), 'UpToDate\n');
    expect((await node2!.op(r, 'stop')).rc).toBe(0);
    expect(readFileSync(join(sb, 'node2', 'drbd', 'r0', 'disk'), 'utf8').trim()).toBe('Outdated');
    expect(existsSync(join(sb, 'node2', 'drbd', 'r0', 'role'))).toBe(false);
  });

  it('refuses clone settings the drbd agent refuses (6)', async () => {
    const { node1 } = nodes(scratch(), 'node1');
    const r = builtin('drbd-r0', 'drbd', { drbd_resource: 'r0' }, { ...DRBD_META, notify: 'false' });
    const s = await node1!.op(r, 'start');
    expect([s.rc, s.rcName]).toEqual([6, 'OCF_ERR_CONFIGURED']);
    expect((await node1!.op(builtin('d', 'drbd', { drbd_resource: 'r0' }, { ...DRBD_META, promoted_max: '3' }), 'start')).rc).toBe(6);
  });
});

describe('VirtualDomain (sandbox)', () => {
  it('starts a domain on one node only and live-migrates it by moving it to the target', async () => {
    const sb = scratch();
    const config = join(sb, 'vm1.xml');
    writeFileSync(config, "<domain type='kvm'>\n  <name>vm1</name>\n</domain>\n");
    const { node1, node2 } = nodes(sb, 'node1', 'node2');
    const vm = builtin('vm1', 'VirtualDomain', { config }, { 'allow-migrate': 'true' });
    expect((await node1!.op(vm, 'start')).rc).toBe(0);
    const twice = await node2!.op(vm, 'start');
    expect([twice.rc, twice.exitReason]).toEqual([1, 'domain vm1 is already running on node1']);
    expect((await node1!.op(vm, 'migrate_to', { meta: { migrate_source: 'node1', migrate_target: 'node2' } })).rc).toBe(0);
    expect((await node2!.op(vm, 'migrate_from', { meta: { migrate_source: 'node1', migrate_target: 'node2' } })).rc).toBe(0);
    expect((await node1!.op(vm, 'monitor', { intervalMs: 0 })).rc).toBe(7);
    expect((await node2!.op(vm, 'monitor')).rc).toBe(0);
    expect(existsSync(join(sb, 'node1', 'domains', 'vm1'))).toBe(false);
    expect((await node1!.op(vm, 'stop')).rc).toBe(0);
    expect((await node2!.op(vm, 'stop')).rc).toBe(0);
    expect((await node2!.op(vm, 'monitor')).rc).toBe(7);
  });

  it('with its configuration missing: a probe says 7, a stop 0, a start 5 (as ocf-rarun does)', async () => {
    const { node1 } = nodes(scratch(), 'node1');
    const vm = builtin('vm2', 'VirtualDomain', { config: '/nonexistent/vm2.xml' });
    expect((await node1!.op(vm, 'monitor', { intervalMs: 0 })).rc).toBe(7);
    expect((await node1!.op(vm, 'stop')).rc).toBe(0);
    expect((await node1!.op(vm, 'start')).rc).toBe(5);
  });
});

describe('injected failures', () => {
  it('fail.<action> makes that action fail with its code and reason until removed', async () => {
    const sb = scratch();
    const { node1 } = nodes(sb, 'node1');
    const fs = builtin('fs1', 'Filesystem', { device: '/dev/vg/lv', directory: '/srv', fstype: 'gfs2' });
    mkdirSync(join(sb, 'node1', 'fs1'), { recursive: true });
    writeFileSync(join(sb, 'node1', 'fs1', 'fail.start'), '5 device vanished\n');
    const f = await node1!.op(fs, 'start');
    expect([f.rc, f.exitReason]).toEqual([5, 'device vanished']);
    expect((await node1!.op(fs, 'monitor', { intervalMs: 0 })).rc).toBe(7);
  });

  it('hang.<action> hangs until the executor times the operation out', async () => {
    const sb = scratch();
    const { node1 } = nodes(sb, 'node1');
    const d = builtin('dlm', 'controld', {});
    mkdirSync(join(sb, 'node1', 'dlm'), { recursive: true });
    writeFileSync(join(sb, 'node1', 'dlm', 'hang.stop'), '');
    const r = await node1!.op(d, 'stop', { timeoutMs: 1500 });
    expect(r.execStatus).toBe('timeout');
  });

  it("controld's monitor fails while the DLM waits for a stateful merge", async () => {
    const sb = scratch();
    const { node1 } = nodes(sb, 'node1');
    const d = builtin('dlm', 'controld', {}, { clone_max: '2' });
    expect((await node1!.op(d, 'start')).rc).toBe(0);
    writeFileSync(join(sb, 'node1', 'dlm', 'merge-wait'), '1');
    const m = await node1!.op(d, 'monitor');
    expect([m.rc, m.exitReason]).toEqual([1, 'DLM status is: stateful_merge_wait']);
    expect((await node1!.op(builtin('dlm', 'controld', {}, { globally_unique: 'true' }), 'start')).rc).toBe(6);
  });

  it('Filesystem refuses to clone a local filesystem but clones gfs2', async () => {
    const { node1 } = nodes(scratch(), 'node1');
    const meta = { clone_max: '2' };
    expect((await node1!.op(builtin('fs', 'Filesystem', { device: '/dev/drbd0', directory: '/srv', fstype: 'xfs' }, meta), 'start')).rc).toBe(6);
    expect((await node1!.op(builtin('fs', 'Filesystem', { device: '/dev/vg/lv', directory: '/srv', fstype: 'gfs2' }, meta), 'start')).rc).toBe(0);
  });
});
