// Clones: instances and their numbering, the mapping of history to instances, instance
// placement, the clone's pseudo-actions and orderings (interleave, clone-min), probes, fail
// counts, and the status display (promotable clones: promotable.test.ts; notifications:
// notify.test.ts).

import { describe, expect, it } from 'vitest';
import { run, required, inputs } from './inspect.js';
import { MINUS_INFINITY } from '@hacluster/cib';
import { schedule } from '../src/schedule.js';
import type { WorkingSet } from '../src/model/types.js';
import { formatClusterStatus } from '../src/output/cluster-status.js';
import { simulateCluster } from '../src/simulate/simulate.js';
import { cibRoot, clone, dummy, fencing, probedStopped, started, unpack, type CibSpec } from './helpers.js';

const placement = (ws: WorkingSet, cloneId: string) =>
  Object.fromEntries(ws.resourceById.get(cloneId)!.children.map((c) => [c.id, c.assignedTo?.node.uname ?? null]));

describe('clone instances', () => {
  it('numbers instances from 0 and defaults clone-max to the number of nodes', () => {
    const ws = unpack({ nodes: ['n1', 'n2', 'n3'], resources: clone('C', dummy('A')) });
    const c = ws.resourceById.get('C')!;
    expect(c.children.map((i) => i.id)).toEqual(['A:0', 'A:1', 'A:2']);
    expect(c.unique).toBe(false);
    // clones are slightly sticky unless configured otherwise, and instances inherit it
    expect(c.children.map((i) => i.stickiness)).toEqual([1, 1, 1]);
  });

  it('is globally unique by default when more than one instance may run per node', () => {
    const ws = unpack({ nodes: ['n1'], resources: clone('C', dummy('A'), { 'clone-max': '2', 'clone-node-max': '2' }) });
    expect(ws.resourceById.get('C')!.unique).toBe(true);
    expect(ws.resourceById.get('C')!.clone!.cloneNodeMax).toBe(2);
  });

  it('runs anonymous clones one instance per node whatever clone-node-max says', () => {
    const ws = unpack({ nodes: ['n1'], resources: clone('C', dummy('A'), { 'clone-node-max': '3', 'globally-unique': 'false' }) });
    expect(ws.resourceById.get('C')!.clone!.cloneNodeMax).toBe(1);
  });

  it('makes a clone of an LSB agent anonymous, at most one instance per node', () => {
    const lsb = '<primitive id="L" class="lsb" type="dummy"/>';
    const ws = unpack({ nodes: ['n1', 'n2'], resources: clone('C', lsb, { 'globally-unique': 'true', 'clone-max': '5' }) });
    const c = ws.resourceById.get('C')!;
    expect(c.unique).toBe(false);
    expect(c.children.map((i) => [i.id, i.unique])).toEqual([
      ['L:0', false],
      ['L:1', false],
    ]);
  });

  it('clones a group: each instance is a numbered copy of the group and its members', () => {
    const ws = unpack({ nodes: ['n1', 'n2'], resources: clone('C', `<group id="G">${dummy('A')}${dummy('B')}</group>`) });
    expect(ws.resourceById.get('C')!.children.map((g) => [g.id, g.children.map((m) => m.id)])).toEqual([
      ['G:0', ['A:0', 'B:0']],
      ['G:1', ['A:1', 'B:1']],
    ]);
  });
});

describe('history of anonymous clones', () => {
  it('maps the history on each node to its own instance, remembering the history name', () => {
    const ws = unpack({
      nodes: [
        { name: 'n1', history: [probedStopped('A'), started('A')] },
        { name: 'n2', history: [probedStopped('A'), started('A')] },
      ],
      resources: clone('C', dummy('A')),
    });
    const [a0, a1] = ws.resourceById.get('C')!.children;
    expect([a0!.runningOn.map((n) => n.uname), a1!.runningOn.map((n) => n.uname)]).toEqual([['n1'], ['n2']]);
    expect([a0!.cloneName, a1!.cloneName]).toEqual(['A', 'A']);
  });

  it('gives history beyond clone-max an orphan instance, which is stopped', () => {
    const { ws, summary } = run({
      nodes: [
        { name: 'n1', history: [probedStopped('A'), started('A')] },
        { name: 'n2', history: [probedStopped('A'), started('A')] },
      ],
      resources: clone('C', dummy('A'), { 'clone-max': '1' }),
    });
    const c = ws.resourceById.get('C')!;
    expect(c.children.map((i) => [i.id, i.orphan])).toEqual([
      ['A:0', false],
      ['A:1', true],
    ]);
    expect(summary).toEqual(['Stop A:1 ( n2 ) due to node availability']);
  });
});

describe('placing instances', () => {
  it('keeps running instances where they are and starts the others on free nodes', () => {
    const { ws, summary } = run({
      nodes: [{ name: 'n1', history: [probedStopped('A')] }, { name: 'n2', history: [probedStopped('A'), started('A')] }, 'n3'],
      resources: clone('C', dummy('A')),
    });
    // the instance already running (A:0, mapped from n2's history) stays; the rest spread out
    expect(placement(ws, 'C')).toEqual({ 'A:0': 'n2', 'A:1': 'n1', 'A:2': 'n3' });
    expect(summary.sort()).toEqual(['Start A:1 ( n1 )', 'Start A:2 ( n3 )']);
  });

  it('places no more than clone-max instances, and no more than clone-node-max per node', () => {
    const { ws } = run({
      nodes: ['n1', 'n2'],
      resources: clone('C', dummy('A'), { 'clone-max': '5', 'clone-node-max': '2', 'globally-unique': 'true' }),
    });
    const where = Object.values(placement(ws, 'C'));
    expect(where.filter((n) => n === 'n1')).toHaveLength(2);
    expect(where.filter((n) => n === 'n2')).toHaveLength(2);
    expect(where.filter((n) => n === null)).toHaveLength(1);
  });

  it('bans the whole anonymous clone from a node where an instance reached its migration-threshold', () => {
    const ws = unpack({
      nodes: [
        { name: 'n1', history: [probedStopped('A'), started('A')], transient: { 'fail-count-A#monitor_10000': '3' } },
        { name: 'n2', history: [probedStopped('A')] },
      ],
      resources: clone('C', dummy('A'), { 'migration-threshold': '3' }),
    });
    schedule(ws);
    const n1 = ws.nodeByUname.get('n1')!.id;
    expect(ws.resourceById.get('C')!.allowedNodes.get(n1)!.weight).toBe(MINUS_INFINITY);
    expect(placement(ws, 'C')).toEqual({ 'A:0': null, 'A:1': 'n2' });
  });
});

describe('clone actions and orderings', () => {
  it('brackets instance starts with the clone start and running pseudo-actions', () => {
    const { ws } = run({ nodes: ['n1', 'n2'], resources: clone('C', dummy('A')) });
    expect(required(ws)).toEqual(expect.arrayContaining(['C_start_0', 'C_running_0', 'A:0_start_0@n1', 'A:1_start_0@n2']));
    expect(inputs(ws, 'A:0_start_0')).toContain('C_start_0');
    expect(inputs(ws, 'C_running_0')).toEqual(expect.arrayContaining(['A:0_start_0@n1', 'A:1_start_0@n2']));
  });

  it('probes one instance of an anonymous clone per node: the one that is to run there', () => {
    const { ws } = run({ nodes: ['n1', 'n2'], resources: clone('C', dummy('A')) });
    expect(required(ws).filter((a) => a.includes('_monitor_0'))).toEqual(['A:0_monitor_0@n1', 'A:1_monitor_0@n2']);
  });

  it('blocks the starts of inactive instances, not the active ones, while a node cannot be probed', () => {
    const spec = (n3: 'pending' | 'online'): CibSpec => ({
      nodes: [
        { name: 'n1', history: [probedStopped('A'), started('A')] },
        { name: 'n2', history: [probedStopped('A')] },
        { name: 'n3', state: n3 },
      ],
      // a node is pending (a member not yet joined) only where fencing could deal with it
      options: { 'fencing-enabled': 'true' },
      resources: fencing('F') + clone('C', dummy('A'), { 'clone-max': '2' }),
    });
    const blocked = run(spec('pending'));
    // the probe of the first instance on the pending node cannot run: no second instance may
    // start before that node's state is known, but the running one stays and the clone's own
    // start goes ahead
    expect(blocked.summary).toContain('Start A:1 ( n2 ) due to unrunnable A:0 monitor (blocked)');
    expect(blocked.summary.some((l) => l.startsWith('Stop'))).toBe(false);
    expect(required(blocked.ws)).toContain('C_start_0');
    expect(required(blocked.ws)).not.toContain('A:1_start_0@n2');
    const probed = run(spec('online'));
    expect(required(probed.ws)).toContain('A:1_start_0@n2');
  });

  it('orders each instance after the instance on its own node when interleaved', () => {
    const spec = (interleave: string): CibSpec => ({
      nodes: ['n1', 'n2'],
      resources: clone('CA', dummy('A')) + clone('CB', dummy('B'), { interleave }),
      constraints: '<rsc_order id="o" first="CA" then="CB"/>',
    });
    const interleaved = run(spec('true')).ws;
    const b0 = interleaved.resourceById.get('B:0')!.assignedTo!.node.uname;
    const a0 = interleaved.resourceById.get('A:0')!.assignedTo!.node.uname;
    expect(b0).toBe(a0);
    expect(inputs(interleaved, 'B:0_start_0')).toContain(`A:0_start_0@${a0}`);
    expect(inputs(interleaved, 'B:0_start_0')).not.toContain('CA_running_0');
    const whole = run(spec('false')).ws;
    expect(inputs(whole, 'B:0_start_0')).toContain('CB_start_0');
    expect(inputs(whole, 'CB_start_0')).toContain('CA_running_0');
  });

  it('lets the "then" side start once clone-min instances of the clone can run', () => {
    const spec = (standby: boolean): CibSpec => ({
      nodes: ['n1', { name: 'n2', attrs: standby ? { standby: 'on' } : {} }, 'n3'],
      resources: clone('CA', dummy('A'), { 'clone-min': '3' }) + dummy('B'),
      constraints: '<rsc_order id="o" first="CA" then="B"/>',
    });
    expect(run(spec(false)).summary).toContain('Start B ( n1 )');
    // only two of three can start: B waits
    expect(run(spec(true)).summary).toContain('Start B ( n1 ) due to unrunnable clone-one-or-more:o (blocked)');
  });

  it('colocates a primitive only where an instance of a clone will run', () => {
    const { ws } = run({
      nodes: ['n1', 'n2', 'n3'],
      resources: clone('CA', dummy('A'), { 'clone-max': '1' }) + dummy('B'),
      constraints: '<rsc_colocation id="c" rsc="B" with-rsc="CA" score="INFINITY"/>',
    });
    expect(ws.resourceById.get('B')!.assignedTo!.node.uname).toBe(ws.resourceById.get('A:0')!.assignedTo!.node.uname);
  });
});

describe('clone status display', () => {
  it('collapses healthy anonymous instances into Started and lists where none runs as Stopped', () => {
    const text = formatClusterStatus(
      unpack({
        nodes: [{ name: 'n1', history: [probedStopped('A'), started('A')] }, { name: 'n2', history: [probedStopped('A'), started('A')] }, 'n3'],
        resources: clone('C', dummy('A')),
      }),
    );
    expect(text).toContain(['  * Clone Set: C [A]:', '    * Started: [ n1 n2 ]', '    * Stopped: [ n3 ]'].join('\n'));
  });

  it('prints a failed instance in full, and every instance of a unique clone', () => {
    const failed = formatClusterStatus(
      unpack({
        nodes: [
          { name: 'n1', history: [probedStopped('A'), started('A'), { rsc: 'A', task: 'monitor', rc: 1, interval: 10000, callId: 3 }] },
          { name: 'n2', history: [probedStopped('A'), started('A')] },
        ],
        resources: clone('C', dummy('A')),
      }),
    );
    expect(failed).toContain(['  * Clone Set: C [A]:', '    * A\t(ocf:pacemaker:Dummy):\t FAILED n1', '    * Started: [ n2 ]'].join('\n'));
    const unique = formatClusterStatus(unpack({ nodes: ['n1'], resources: clone('C', dummy('A'), { 'globally-unique': 'true', 'clone-max': '2' }) }));
    expect(unique).toContain(
      ['  * Clone Set: C [A] (unique):', '    * A:0\t(ocf:pacemaker:Dummy):\t Stopped', '    * A:1\t(ocf:pacemaker:Dummy):\t Stopped'].join('\n'),
    );
  });

  it('marks an unmanaged clone in its header', () => {
    const text = formatClusterStatus(unpack({ nodes: ['n1'], resources: clone('C', dummy('A'), { 'is-managed': 'false' }) }));
    expect(text).toContain('  * Clone Set: C [A] (unmanaged):');
  });
});

describe('crm_simulate with clones', () => {
  const running: CibSpec = {
    nodes: [
      { name: 'n1', history: [probedStopped('A'), started('A')] },
      { name: 'n2', history: [probedStopped('A'), started('A')] },
    ],
    resources: clone('C', dummy('A')),
  };

  it('injects a failure by the instance history name and recovers that instance', () => {
    const r = simulateCluster(cibRoot(running), { process: true, simulate: true, injections: { opInject: ['A_monitor_10000@n1=1'] } });
    expect(r.stdout).toContain("Injecting attribute fail-count-A#monitor_10000=value++ into /node_state '1'");
    expect(r.stdout).toMatch(/\* Recover\s+A:0\s+\(\s*n1 \)/);
    // the instances are named as their history is (A, not A:0)
    expect(r.stdout).toMatch(/Resource action: A\s+stop on n1/);
  });

  it('after a failed stop, still completes the clone\'s INFINITY-priority pseudo-actions', () => {
    const r = simulateCluster(cibRoot(running), {
      process: true,
      simulate: true,
      injections: { opInject: ['A_monitor_10000@n1=1'], opFail: ['A_stop_0@n1=1'] },
    });
    const executed = r.stdout.slice(r.stdout.indexOf('Executing Cluster Transition:'), r.stdout.indexOf('Revised Cluster Status:'));
    expect(executed).toContain('Pretending action');
    expect(executed).toContain('Pseudo action:   C_stopped_0');
    expect(executed).not.toMatch(/Resource action: A\s+start on n1/);
  });
});
