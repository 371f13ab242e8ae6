// Stage 1, unpack: options, nodes and their states, resources, operation history.

import { describe, expect, it } from 'vitest';
import { Role } from '../src/model/role.js';
import { Cib } from '@hacluster/cib';
import { unpackCluster } from '../src/unpack/cluster.js';
import { cibXml, dummy, fencing, probedStopped, started, unpack, type HistoryOp } from './helpers.js';

describe('unpack: cluster options', () => {
  it('reads both vocabularies (fencing-enabled and the older stonith-enabled)', () => {
    expect(unpack({ nodes: ['n1'], options: { 'fencing-enabled': 'true' } }).flags.stonithEnabled).toBe(true);
    expect(unpack({ nodes: ['n1'], options: { 'fencing-enabled': 'false' } }).flags.stonithEnabled).toBe(false);
    expect(unpack({ nodes: ['n1'], options: { 'stonith-enabled': 'false' } }).flags.stonithEnabled).toBe(false);
    expect(unpack({ nodes: ['n1'], options: { 'stonith-enabled': 'true' } }).flags.stonithEnabled).toBe(true);
  });
  it('knows quorum and no-quorum-policy', () => {
    const ws = unpack({ nodes: ['n1'], quorum: false, options: { 'no-quorum-policy': 'freeze' } });
    expect(ws.flags.haveQuorum).toBe(false);
    expect(ws.noQuorumPolicy).toBe('freeze');
    expect(unpack({ nodes: ['n1'] }).flags.haveQuorum).toBe(true);
  });
  it('takes "now" from execution-date unless given', () => {
    expect(unpack({ nodes: ['n1'] }).now).toBe(1_700_000_100);
    expect(unpack({ nodes: ['n1'] }, { now: 42 }).now).toBe(42);
  });
});

describe('unpack: nodes', () => {
  it('classifies online, offline, standby and maintenance nodes', () => {
    const ws = unpack({
      nodes: ['n1', { name: 'n2', state: 'offline' }, { name: 'n3', attrs: { standby: 'on' } }, { name: 'n4', transient: { maintenance: 'true' } }],
    });
    const [n1, n2, n3, n4] = ws.nodes;
    expect(n1!.online).toBe(true);
    expect(n2!.online).toBe(false);
    expect(n2!.unclean).toBe(false);
    expect(n3!.standby).toBe(true);
    expect(n4!.maintenance).toBe(true);
  });
  it('marks a lost member unclean when fencing is enabled', () => {
    const ws = unpack({ nodes: ['n1', { name: 'n2', state: 'unclean' }], options: { 'fencing-enabled': 'true' }, resources: fencing('st') });
    expect(ws.nodes[1]!.unclean).toBe(true);
    expect(ws.nodes[1]!.online).toBe(false);
  });
  it('treats a member whose controller has not joined as pending', () => {
    const ws = unpack({ nodes: ['n1', { name: 'n2', state: 'pending' }], options: { 'fencing-enabled': 'true' }, resources: fencing('st') });
    expect(ws.nodes[1]!.pending).toBe(true);
    expect(ws.nodes[1]!.unclean).toBe(false);
  });
  it('fences a pending node after node-pending-timeout', () => {
    const spec = {
      nodes: ['n1', { name: 'n2', state: 'none' as const }],
      resources: fencing('st'),
      // a joining peer's entry has no uname yet: it is found by id
      extraStatus: '<node_state id="2" in_ccm="1699999000" crmd="0"/>',
    };
    const waiting = unpack({ ...spec, options: { 'fencing-enabled': 'true' } });
    expect(waiting.nodes[1]!.pending).toBe(true);
    const late = unpack({ ...spec, options: { 'fencing-enabled': 'true', 'node-pending-timeout': '2min' } });
    expect(late.nodePendingTimeout).toBe(120);
    expect(late.nodes[1]!.unclean).toBe(true);
  });
});

describe('unpack: resources and history', () => {
  it('derives each resource role and node from its operation history', () => {
    const ws = unpack({
      nodes: [{ name: 'n1', history: [probedStopped('A'), started('A')] }, { name: 'n2', history: [probedStopped('A')] }],
      resources: dummy('A') + dummy('B'),
    });
    const a = ws.resourceById.get('A')!;
    expect(a.role).toBe(Role.started);
    expect(a.runningOn.map((n) => n.uname)).toEqual(['n1']);
    expect(ws.resourceById.get('B')!.role).toBe(Role.stopped);
    expect([...a.knownOn.keys()].length).toBe(2);
  });
  it('records a failed monitor as a failure and keeps the resource active', () => {
    const ws = unpack({
      nodes: [{ name: 'n1', history: [probedStopped('A'), started('A'), { rsc: 'A', task: 'monitor', rc: 7, interval: 10000, callId: 3 }] }],
      resources: dummy('A'),
    });
    const a = ws.resourceById.get('A')!;
    expect(a.failed).toBe(true);
    expect(a.runningOn.length).toBe(1);
    expect(ws.failed.length).toBe(1);
  });
  it('blocks a resource whose stop failed when it cannot be fenced', () => {
    const ws = unpack({
      nodes: [{ name: 'n1', history: [started('A', 1), { rsc: 'A', task: 'stop', rc: 1, callId: 2 }] }],
      resources: dummy('A'),
    });
    const a = ws.resourceById.get('A')!;
    expect(a.managed).toBe(false);
    expect(a.blocked).toBe(true);
  });
  it('turns history of unknown resources into orphans', () => {
    const ws = unpack({ nodes: [{ name: 'n1', history: [started('gone', 1)] }] });
    const orphan = ws.resourceById.get('gone');
    expect(orphan?.orphan).toBe(true);
  });
  it('honours target-role and is-managed', () => {
    const ws = unpack({ nodes: ['n1'], resources: dummy('A', { 'target-role': 'Stopped' }) + dummy('B', { 'is-managed': 'false' }) });
    expect(ws.resourceById.get('A')!.nextRole).toBe(Role.stopped);
    expect(ws.resourceById.get('B')!.managed).toBe(false);
  });
  it('unpacks groups with their members in order', () => {
    const ws = unpack({ nodes: ['n1'], resources: `<group id="g">${dummy('A')}${dummy('B')}</group>` });
    const g = ws.resourceById.get('g')!;
    expect(g.variant).toBe('group');
    expect(g.children.map((c) => c.id)).toEqual(['A', 'B']);
    expect(g.groupOrdered && g.groupColocated).toBe(true);
  });
});

describe('unpack: pending operations', () => {
  // A recurring monitor left pending whose failure the last-failure entry records later
  const pendingMonitor: HistoryOp = { rsc: 'D', task: 'monitor', interval: 10_000, rc: 193, status: -1, callId: -1, lastRcChange: 1_700_000_040 };
  const history = (withFailure: boolean): HistoryOp[] => [
    { rsc: 'D', task: 'start', rc: 0, callId: 2, lastRcChange: 1_700_000_030 },
    ...(withFailure ? [{ rsc: 'D', task: 'monitor', interval: 10_000, rc: 7, callId: 3, lastRcChange: 1_700_000_050 }] : []),
    { rsc: 'D', task: 'stop', rc: 0, callId: 4, lastRcChange: 1_700_000_060 },
    pendingMonitor,
  ];
  const unpackHistory = (withFailure: boolean) => {
    // the failure is recorded under the resource's last-failure entry, not the monitor's own
    const xml = cibXml({ nodes: [{ name: 'n1', history: history(withFailure) }], resources: dummy('D') });
    const text = withFailure ? xml.replace('id="D_monitor_10000"', 'id="D_last_failure_0"') : xml;
    return unpackCluster(Cib.parse(text, 'test.xml').root, {}).resourceById.get('D')!;
  };

  it('keeps a pending recurring monitor pending', () => {
    expect(unpackHistory(false).pendingTask).toBe('monitor');
  });

  it('ignores a pending recurring monitor whose failure was recorded after it', () => {
    const d = unpackHistory(true);
    expect(d.pendingTask).toBeUndefined();
    expect(d.pendingNode).toBeUndefined();
  });
});
