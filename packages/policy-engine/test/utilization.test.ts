// Utilization and placement strategies: node capacity bookkeeping, bans for insufficient
// capacity (for a resource with its colocated resources, or alone), balanced placement, and the
// load_stopped pseudo-actions that free a node before it is filled again.

import { describe, expect, it } from 'vitest';
import { schedule } from '../src/schedule.js';
import { ActionFlag } from '../src/model/flags.js';
import type { WorkingSet } from '../src/model/types.js';
import { compareNodeCapacities, consumeNodeCapacity } from '../src/assign/utilization.js';
import { glibHashOrder } from '../src/util/glib-hash.js';
import { simulateCluster } from '../src/simulate/simulate.js';
import { cibRoot, probedStopped, started, unpack } from './helpers.js';

function rsc(id: string, util: Record<string, number>, meta = ''): string {
  const pairs = Object.entries(util).map(([k, v]) => `<nvpair id="${id}-u-${k}" name="${k}" value="${v}"/>`).join('');
  return `<primitive id="${id}" class="ocf" provider="pacemaker" type="Dummy">${meta}<utilization id="${id}-u">${pairs}</utilization></primitive>`;
}

const cpu = (n: number) => ({ cpu: String(n) });

const where = (ws: WorkingSet, id: string) => ws.resourceById.get(id)!.assignedTo?.node.uname;

describe('node capacity', () => {
  it('compares free capacity attribute by attribute', () => {
    const ws = unpack({ nodes: ['n1', 'n2'] });
    const [n1, n2] = [ws.nodeByUname.get('n1')!, ws.nodeByUname.get('n2')!];
    n1.utilization.set('cpu', '4');
    n1.utilization.set('memory', '100');
    n2.utilization.set('cpu', '2');
    n2.utilization.set('memory', '200');
    expect(compareNodeCapacities(n1, n2)).toBe(0);
    n2.utilization.set('disk', '5');
    expect(compareNodeCapacities(n1, n2)).toBe(1);
    expect(compareNodeCapacities(n2, n1)).toBe(-1);
  });
  it('records 0 for an attribute a node lacks when a resource consumes it', () => {
    const ws = unpack({ nodes: ['n1'], resources: rsc('A', { cpu: 2, memory: 10 }) });
    const node = ws.nodeByUname.get('n1')!;
    node.utilization.set('memory', '64');
    consumeNodeCapacity(node.utilization, ws.resourceById.get('A')!);
    expect(Object.fromEntries(node.utilization)).toEqual({ memory: '54', cpu: '0' });
  });
});

describe('placement strategies', () => {
  const options = (strategy: string) => ({ 'placement-strategy': strategy });
  it('keeps a resource off nodes without room for it, and stopped when none has', () => {
    const ws = unpack({
      nodes: [{ name: 'n1', utilization: cpu(1) }, { name: 'n2', utilization: cpu(2) }],
      options: options('utilization'),
      resources: rsc('A', { cpu: 2 }) + rsc('B', { cpu: 3 }),
    });
    schedule(ws);
    expect(where(ws, 'A')).toBe('n2');
    expect(where(ws, 'B')).toBeUndefined();
  });
  it('ignores utilization under the default strategy', () => {
    const ws = unpack({ nodes: [{ name: 'n1', utilization: cpu(1) }, { name: 'n2', utilization: cpu(1) }], options: options('default'), resources: rsc('A', { cpu: 2 }) });
    schedule(ws);
    expect(where(ws, 'A')).toBe('n1');
  });
  it('counts the resources colocated with one when looking for room', () => {
    const ws = unpack({
      nodes: [{ name: 'n1', utilization: cpu(1) }, { name: 'n2', utilization: cpu(2) }],
      options: options('utilization'),
      resources: rsc('A', { cpu: 1 }) + rsc('B', { cpu: 1 }),
      constraints: '<rsc_colocation id="c" rsc="B" with-rsc="A" score="INFINITY"/>',
    });
    schedule(ws);
    expect([where(ws, 'A'), where(ws, 'B')]).toEqual(['n2', 'n2']);
  });
  it('spreads resources over the nodes with the most free capacity under balanced', () => {
    const resources = rsc('A', { cpu: 1 }) + rsc('B', { cpu: 1 }) + rsc('C', { cpu: 1 });
    const nodes = [{ name: 'n1', utilization: cpu(4) }, { name: 'n2', utilization: cpu(3) }];
    const balanced = unpack({ nodes, options: options('balanced'), resources });
    schedule(balanced);
    // n1 has more room; then both have 3 left and n2 has fewer resources; then n1 has more room
    expect(['A', 'B', 'C'].map((id) => where(balanced, id))).toEqual(['n1', 'n2', 'n1']);
    // minimal fills the first node by name while it has room
    const minimal = unpack({ nodes, options: options('minimal'), resources });
    schedule(minimal);
    expect(['A', 'B', 'C'].map((id) => where(minimal, id))).toEqual(['n1', 'n1', 'n1']);
  });
  it('orders stops before the load_stopped pseudo-action of their node and starts after it', () => {
    const ws = unpack({
      nodes: [
        { name: 'n1', utilization: cpu(1), history: [probedStopped('A'), started('A'), probedStopped('B')] },
        { name: 'n2', utilization: cpu(1), history: [probedStopped('A'), probedStopped('B')] },
      ],
      options: options('utilization'),
      resources: rsc('A', { cpu: 1 }) + rsc('B', { cpu: 1 }, '<meta_attributes id="B-m"><nvpair id="B-p" name="priority" value="10"/></meta_attributes>'),
      constraints: '<rsc_location id="l" rsc="B" node="n1" score="100"/>',
    });
    schedule(ws);
    expect([where(ws, 'A'), where(ws, 'B')]).toEqual(['n2', 'n1']);
    const load = ws.singletons.get('load_stopped_n1')!;
    expect(load.flags & ActionFlag.pseudo).toBeTruthy();
    expect(load.before.map((l) => l.action.uuid)).toContain('A_stop_0');
    expect(load.after.map((l) => l.action.uuid)).toContain('B_start_0');
  });
});

describe('utilization output (crm_simulate -U)', () => {
  it('lists hash-table keys in the order Pacemaker visits them (observed with crm_simulate 2.1.5)', () => {
    expect(glibHashOrder(['cpu', 'memory'])).toEqual(['cpu', 'memory']);
    expect(glibHashOrder(['cpu', 'memory', 'disk', 'net', 'a'])).toEqual(['cpu', 'disk', 'net', 'a', 'memory']);
    // ten keys: the table grows from 8 to 16 buckets on the eighth
    expect(glibHashOrder(['cpu', 'memory', 'disk', 'net', 'a', 'zz', 'gpu', 'io', 'bandwidth', 'slots'])).toEqual(
      ['cpu', 'disk', 'io', 'a', 'net', 'zz', 'slots', 'bandwidth', 'gpu', 'memory'],
    );
  });
  it('shows capacities before and after assignment, and what each assigned resource uses', () => {
    const root = cibRoot({
      nodes: [{ name: 'n1', utilization: { cpu: '1', memory: '512' } }, { name: 'n2', utilization: { cpu: '2', memory: '1024' } }],
      options: { 'placement-strategy': 'balanced' },
      resources: rsc('A', { cpu: 1, memory: 512 }) + rsc('B', { cpu: 1, memory: 512 }),
    });
    const lines = simulateCluster(root, { process: true, showUtilization: true }).stdout.split('\n');
    const util = lines.filter((l) => /capacity:|utilization on/.test(l));
    expect(util).toEqual([
      'Original: n1 capacity: cpu=1 memory=512',
      'Original: n2 capacity: cpu=2 memory=1024',
      'pcmk__assign_resource: A utilization on n2: cpu=1 memory=512',
      'pcmk__assign_resource: B utilization on n1: cpu=1 memory=512',
      'Remaining: n1 capacity: cpu=0 memory=0',
      'Remaining: n2 capacity: cpu=1 memory=512',
    ]);
  });
});

describe('load orderings and live migration', () => {
  // The same CIB under Debian's crm_simulate 2.1.5 (-G) gives a graph of the same actions and inputs.
  it('lets two resources migrate past each other when both nodes are full', () => {
    const meta = (node: string) =>
      `<meta_attributes id="m-${node}"><nvpair id="m-${node}-am" name="allow-migrate" value="true"/></meta_attributes>`;
    const vm = (id: string) =>
      `<primitive id="${id}" class="ocf" provider="pacemaker" type="Dummy">${meta(id)}<utilization id="${id}-u"><nvpair id="${id}-u-c" name="cpu" value="1"/></utilization></primitive>`;
    const root = cibRoot({
      nodes: [
        { name: 'n1', utilization: { cpu: '1' }, history: [probedStopped('A'), started('A'), probedStopped('B')] },
        { name: 'n2', utilization: { cpu: '1' }, history: [probedStopped('B'), started('B'), probedStopped('A')] },
      ],
      options: { 'placement-strategy': 'utilization' },
      resources: vm('A') + vm('B'),
      constraints: '<rsc_location id="la" rsc="A" node="n2" score="100"/><rsc_location id="lb" rsc="B" node="n1" score="100"/>',
    });
    const result = simulateCluster(root, { process: true, simulate: true });
    const summary = section(result.stdout, 'Transition Summary:');
    expect(summary.sort()).toEqual(['* Migrate A ( n1 -> n2 )', '* Migrate B ( n2 -> n1 )']);
    // without breaking the loop, each migration would wait for the other's stop
    expect(result.stdout).not.toContain('invalid transition');
    expect(result.stdout).toContain('migrate_from on n2');
    expect(result.stdout).toContain('migrate_from on n1');
  });
});

function section(text: string, heading: string): string[] {
  const lines = text.split('\n');
  const start = lines.indexOf(heading);
  const out: string[] = [];
  for (let i = start + 1; i < lines.length && lines[i]!.startsWith(' '); i++) out.push(lines[i]!.trim().replace(/\s+/g, ' '));
  return out;
}
