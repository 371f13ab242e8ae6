// The executor against real agent processes: Debian's Dummy and Stateful, and small agents
// written here for the cases the packaged ones cannot show (hangs, unknown codes, ordering).

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Executor, type OperationResult, type ResourceSpec } from '../src/index.js';
import { ocfRootWith, pidAlive, scratch } from './support.js';

const HEARTBEAT = '/usr/lib/ocf/resource.d/heartbeat';
const noDummy = existsSync(`${HEARTBEAT}/Dummy`) ? undefined : 'skipped: resource-agents (ocf:heartbeat:Dummy) not installed';
const noStateful = existsSync(`${HEARTBEAT}/Stateful`) || existsSync('/usr/lib/ocf/resource.d/pacemaker/Stateful') ? undefined : 'skipped: ocf:pacemaker:Stateful not installed';

function rcs(results: OperationResult[]): number[] {
  return results.map((r) => r.rc);
}

describe.skipIf(noDummy)('ocf:heartbeat:Dummy through the executor', () => {
  it('probes 7, starts, monitors 0, stops twice with 0, then monitors 7', async () => {
    const dir = scratch();
    const ex = new Executor();
    const rsc: ResourceSpec = { id: 'dummy1', agent: { class: 'ocf', provider: 'heartbeat', type: 'Dummy' }, params: { state: join(dir, 'dummy1.state') }, meta: {} };
    const out: OperationResult[] = [];
    out.push(await ex.run({ resource: rsc, action: 'monitor', intervalMs: 0 }));
    out.push(await ex.run({ resource: rsc, action: 'start', timeoutMs: 20_000 }));
    out.push(await ex.run({ resource: rsc, action: 'monitor', intervalMs: 10_000 }));
    out.push(await ex.run({ resource: rsc, action: 'stop' }));
    out.push(await ex.run({ resource: rsc, action: 'stop' }));
    out.push(await ex.run({ resource: rsc, action: 'monitor', intervalMs: 0 }));
    expect(rcs(out)).toEqual([7, 0, 0, 0, 0, 7]);
    expect(out.every((r) => r.execStatus === 'done')).toBe(true);
    expect(out[0]!.probe).toBe(true);
    expect(out[2]!.env['OCF_RESKEY_CRM_meta_interval']).toBe('10000');
    expect(out[1]!.env['OCF_RESKEY_state']).toBe(join(dir, 'dummy1.state'));
  });

  it('runs the meta-data and validate-all actions, and answers 3 for an action Dummy lacks', async () => {
    const ex = new Executor();
    const rsc: ResourceSpec = { id: 'd2', agent: { class: 'ocf', provider: 'heartbeat', type: 'Dummy' }, params: { state: join(scratch(), 's') }, meta: {} };
    const md = await ex.run({ resource: rsc, action: 'meta-data' });
    expect(md.rc).toBe(0);
    expect(md.stdout).toContain('<resource-agent name="Dummy"');
    expect((await ex.run({ resource: rsc, action: 'validate-all' })).rc).toBe(0);
    expect((await ex.run({ resource: rsc, action: 'promote' })).rc).toBe(3);
  });
});

describe.skipIf(noStateful)('ocf:pacemaker:Stateful through the executor', () => {
  it('starts unpromoted, promotes (monitor 8), demotes, stops', async () => {
    const dir = scratch();
    const ex = new Executor({ environment: { HA_RSCTMP: dir } });
    const rsc: ResourceSpec = {
      id: 'stateful1',
      agent: { class: 'ocf', provider: 'pacemaker', type: 'Stateful' },
      params: { state: join(dir, 'stateful1.state') },
      meta: { promotable: 'true', 'clone-max': '1', 'promoted-max': '1', on_node: 'node1' },
    };
    const seq: [OperationResult['action'], number][] = [
      ['monitor', 7],
      ['start', 0],
      ['monitor', 0],
      ['promote', 0],
      ['monitor', 8],
      ['demote', 0],
      ['monitor', 0],
      ['stop', 0],
      ['monitor', 7],
    ];
    for (const [action, expected] of seq) {
      const r = await ex.run({ resource: rsc, action, intervalMs: action === 'monitor' ? 0 : 0 });
      expect([action, r.rc]).toEqual([action, expected]);
    }
  });
});

describe('exit codes and probes', () => {
  const paths = ocfRootWith({
    rc: '#!/bin/sh\n[ "$1" = meta-data ] && exit 0\necho "ocf-exit-reason:first" >&2\necho "ocf-exit-reason:exit $OCF_RESKEY_rc" >&2\nexit $OCF_RESKEY_rc\n',
  });
  const rsc = (rc: number): ResourceSpec => ({ id: `rc${rc}`, agent: { class: 'ocf', provider: 'test', type: 'rc' }, params: { rc: String(rc) }, meta: {} });

  it('maps codes above 9 (except 190/191) to 1, keeps the last exit reason', async () => {
    const ex = new Executor({ paths });
    const r = await ex.run({ resource: rsc(42), action: 'start' });
    expect([r.rc, r.rawExitCode, r.execStatus, r.exitReason]).toEqual([1, 42, 'done', 'exit 42']);
    expect((await ex.run({ resource: rsc(190), action: 'monitor', intervalMs: 5000 })).rcName).toBe('OCF_DEGRADED');
  });

  it("reads a probe's 5 and 2 as 7 but not a recurring monitor's, and keeps them raw on request", async () => {
    const ex = new Executor({ paths });
    expect((await ex.run({ resource: rsc(5), action: 'monitor', intervalMs: 0 })).rc).toBe(7);
    expect((await ex.run({ resource: rsc(2), action: 'monitor', intervalMs: 0 })).rc).toBe(7);
    expect((await ex.run({ resource: rsc(5), action: 'monitor', intervalMs: 10_000 })).rc).toBe(5);
    expect((await ex.run({ resource: rsc(5), action: 'monitor', intervalMs: 0, keepProbeResult: true })).rc).toBe(5);
    expect((await ex.run({ resource: rsc(6), action: 'monitor', intervalMs: 0 })).rc).toBe(6);
  });

  it('reports an agent that is not installed as 5 with an error status, and as 7 to a probe', async () => {
    const ex = new Executor({ paths });
    const missing: ResourceSpec = { id: 'm', agent: { class: 'ocf', provider: 'test', type: 'nope' }, params: {}, meta: {} };
    const start = await ex.run({ resource: missing, action: 'start' });
    expect([start.rc, start.execStatus]).toEqual([5, 'error']);
    expect((await ex.run({ resource: missing, action: 'monitor' })).rc).toBe(7);
  });
});

describe('timeouts', () => {
  it('kills a hung agent and every process it started, and reports a timeout, not a code', async () => {
    const dir = scratch();
    const pids = join(dir, 'pids');
    const paths = ocfRootWith({
      hang: `#!/bin/sh\nsleep 300 & echo $! >> ${pids}\n(sleep 300; echo never) & echo $! >> ${pids}\necho $$ >> ${pids}\nwait\n`,
    });
    const ex = new Executor({ paths });
    const r = await ex.run({ resource: { id: 'h', agent: { class: 'ocf', provider: 'test', type: 'hang' }, params: {}, meta: {} }, action: 'start', timeoutMs: 1500 });
    expect(r.execStatus).toBe('timeout');
    expect(r.rawExitCode).toBeUndefined();
    const started = readFileSync(pids, 'utf8').trim().split('\n').map(Number);
    expect(started.length).toBe(3);
    // SIGKILL to the group is immediate; give the kernel a moment to reap them.
    for (let i = 0; i < 50 && started.some(pidAlive); i++) await new Promise((r) => setTimeout(r, 100));
    expect(started.filter(pidAlive)).toEqual([]);
  });

  it('caps the output it keeps', async () => {
    const paths = ocfRootWith({ loud: '#!/bin/sh\nhead -c 300000 /dev/zero | tr "\\0" x\nexit 0\n' });
    const ex = new Executor({ paths, outputCapBytes: 1000 });
    const r = await ex.run({ resource: { id: 'l', agent: { class: 'ocf', provider: 'test', type: 'loud' }, params: {}, meta: {} }, action: 'start' });
    expect([r.rc, r.stdout.length, r.truncated]).toEqual([0, 1000, true]);
  });
});

describe('one operation at a time per resource, in parallel across resources', () => {
  it('never overlaps two operations of one resource', async () => {
    const dir = scratch();
    const log = join(dir, 'log');
    const paths = ocfRootWith({ slow: `#!/bin/sh\necho "begin $1" >> ${log}\nsleep 0.3\necho "end $1" >> ${log}\nexit 0\n` });
    const ex = new Executor({ paths });
    const rsc: ResourceSpec = { id: 's', agent: { class: 'ocf', provider: 'test', type: 'slow' }, params: {}, meta: {} };
    await Promise.all([ex.run({ resource: rsc, action: 'start' }), ex.run({ resource: rsc, action: 'monitor', intervalMs: 1000 }), ex.run({ resource: rsc, action: 'stop' })]);
    expect(readFileSync(log, 'utf8').trim().split('\n')).toEqual(['begin start', 'end start', 'begin monitor', 'end monitor', 'begin stop', 'end stop']);
  });

  it('runs different resources at once (each agent waits for the other to have begun)', async () => {
    const dir = scratch();
    // Each agent marks that it began, then waits for the other's mark: serialised, they would
    // both time out.
    const script = `#!/bin/sh\ntouch ${dir}/$OCF_RESOURCE_INSTANCE\nfor i in $(seq 1 100); do [ -e ${dir}/$OCF_RESKEY_other ] && exit 0; sleep 0.1; done\nexit 1\n`;
    const paths = ocfRootWith({ pair: script });
    const ex = new Executor({ paths });
    const spec = (id: string, other: string): ResourceSpec => ({ id, agent: { class: 'ocf', provider: 'test', type: 'pair' }, params: { other }, meta: {} });
    const [a, b] = await Promise.all([ex.run({ resource: spec('a', 'b'), action: 'start', timeoutMs: 30_000 }), ex.run({ resource: spec('b', 'a'), action: 'start', timeoutMs: 30_000 })]);
    expect([a.rc, b.rc]).toEqual([0, 0]);
  });

  it('repeats a recurring monitor and cancels it when the resource stops', async () => {
    const dir = scratch();
    const count = join(dir, 'count');
    writeFileSync(count, '');
    const paths = ocfRootWith({ mon: `#!/bin/sh\n[ "$1" = monitor ] && echo x >> ${count}\nexit 0\n` });
    const ex = new Executor({ paths });
    const rsc: ResourceSpec = { id: 'r', agent: { class: 'ocf', provider: 'test', type: 'mon' }, params: {}, meta: {} };
    const seen: OperationResult[] = [];
    await new Promise<void>((resolve) => {
      ex.startRecurring({ resource: rsc, action: 'monitor', intervalMs: 100 }, (r) => {
        seen.push(r);
        if (seen.length === 3) resolve();
      });
    });
    await ex.run({ resource: rsc, action: 'stop' });
    const after = readFileSync(count, 'utf8').length;
    await new Promise((r) => setTimeout(r, 400));
    expect(readFileSync(count, 'utf8').length).toBe(after);
    expect(seen.every((r) => r.rc === 0 && r.intervalMs === 100)).toBe(true);
    ex.close();
  });
});

describe('migration, reload and notify actions', () => {
  it.skipIf(noDummy)('runs migrate_to and migrate_from with the source and target in the meta attributes', async () => {
    const ex = new Executor();
    const rsc: ResourceSpec = { id: 'dm', agent: { class: 'ocf', provider: 'heartbeat', type: 'Dummy' }, params: { state: join(scratch(), 'dm.state') }, meta: { 'allow-migrate': 'true', migrate_source: 'node1', migrate_target: 'node2' } };
    expect((await ex.run({ resource: rsc, action: 'start' })).rc).toBe(0);
    const to = await ex.run({ resource: rsc, action: 'migrate_to' });
    expect([to.rc, to.env['OCF_RESKEY_CRM_meta_migrate_target'], to.env['OCF_RESKEY_CRM_meta_allow_migrate']]).toEqual([0, 'node2', 'true']);
    expect((await ex.run({ resource: rsc, action: 'migrate_from' })).rc).toBe(0);
    expect((await ex.run({ resource: rsc, action: 'stop' })).rc).toBe(0);
  });

  it('runs reload-agent as the legacy reload for OCF 1.0 agents that only advertise reload', async () => {
    const dir = scratch();
    const log = join(dir, 'actions');
    const md = (version: string, action: string): string =>
      `<?xml version="1.0"?><resource-agent name="x"><version>${version}</version><longdesc/><shortdesc/><parameters/><actions><action name="${action}" timeout="10s"/></actions></resource-agent>`;
    const script = (version: string, action: string): string => `#!/bin/sh\nif [ "$1" = meta-data ]; then echo '${md(version, action)}'; exit 0; fi\necho "$1" >> ${log}\nexit 0\n`;
    const paths = ocfRootWith({ legacy: script('1.0', 'reload'), modern: script('1.1', 'reload-agent') });
    const ex = new Executor({ paths });
    for (const type of ['legacy', 'modern']) expect((await ex.run({ resource: { id: type, agent: { class: 'ocf', provider: 'test', type }, params: {}, meta: {} }, action: 'reload-agent' })).rc).toBe(0);
    expect(readFileSync(log, 'utf8').trim().split('\n')).toEqual(['reload', 'reload-agent']);
  });

  it.skipIf(noStateful)('passes clone notifications to notify as Pacemaker does', async () => {
    const dir = scratch();
    const ex = new Executor({ environment: { HA_RSCTMP: dir } });
    const rsc: ResourceSpec = { id: 'st', agent: { class: 'ocf', provider: 'pacemaker', type: 'Stateful' }, params: { state: join(dir, 'st.state') }, meta: { notify: 'true', clone_max: '2' } };
    const n = await ex.run({ resource: rsc, action: 'notify', notify: { type: 'post', operation: 'promote', lists: { promote_uname: ['node1'], active_uname: ['node1', 'node2'] } } });
    expect([n.rc, n.env['OCF_RESKEY_CRM_meta_notify_type'], n.env['OCF_RESKEY_CRM_meta_notify_active_uname']]).toEqual([0, 'post', 'node1 node2']);
  });
});
