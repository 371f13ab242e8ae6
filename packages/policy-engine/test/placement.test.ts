// Stages 2–6: node health, constraints, node criteria (locations, stickiness, fail counts),
// internal constraints and assignment, each run alone on a small cluster.

import { describe, expect, it } from 'vitest';
import { INFINITY, MINUS_INFINITY } from '@hacluster/cib';
import type { WorkingSet } from '../src/model/types.js';
import { applyNodeHealth } from '../src/stages/node-health.js';
import { unpackConstraints } from '../src/stages/constraints.js';
import { applyNodeCriteria } from '../src/stages/node-criteria.js';
import { createInternalConstraints } from '../src/stages/internal-constraints.js';
import { assignResources } from '../src/stages/assign.js';
import { handleConfigChanges } from '../src/stages/config-changes.js';
import { dummy, probedStopped, started, unpack, type CibSpec } from './helpers.js';

/** Runs the stages up to (and including) assignment. */
function placed(spec: CibSpec): WorkingSet {
  const ws = unpack(spec, { showScores: true });
  applyNodeHealth(ws);
  unpackConstraints(ws);
  applyNodeCriteria(ws);
  createInternalConstraints(ws);
  handleConfigChanges(ws, () => {});
  assignResources(ws);
  return ws;
}

const where = (ws: WorkingSet, id: string) => ws.resourceById.get(id)!.assignedTo?.node.uname;
const score = (ws: WorkingSet, id: string, node: string) => ws.resourceById.get(id)!.allowedNodes.get(ws.nodeByUname.get(node)!.id)?.weight;

describe('node health', () => {
  it('turns red health attributes into bans under migrate-on-red', () => {
    const ws = unpack({
      nodes: ['n1', { name: 'n2', transient: { '#health-disk': 'red' } }],
      options: { 'node-health-strategy': 'migrate-on-red' },
      resources: dummy('A'),
    });
    applyNodeHealth(ws);
    unpackConstraints(ws);
    applyNodeCriteria(ws);
    expect(score(ws, 'A', 'n2')).toBe(MINUS_INFINITY);
    expect(score(ws, 'A', 'n1')).toBe(0);
  });
});

describe('constraints', () => {
  it('unpacks locations (with #uname rules), colocations and orderings', () => {
    const ws = unpack({
      nodes: ['n1', 'n2'],
      resources: dummy('A') + dummy('B'),
      constraints:
        '<rsc_location id="l1" rsc="A" node="n1" score="50"/>' +
        '<rsc_location id="l2" rsc="B"><rule id="r" score="-INFINITY"><expression id="e" attribute="#uname" operation="eq" value="n2"/></rule></rsc_location>' +
        '<rsc_colocation id="c" rsc="B" with-rsc="A" score="INFINITY"/>' +
        '<rsc_order id="o" first="A" then="B"/>',
    });
    unpackConstraints(ws);
    expect(ws.locations.map((l) => l.id)).toEqual(['l1', 'r']); // a rule's location carries the rule's id
    expect(ws.colocations).toHaveLength(1);
    const c = ws.colocations[0]!;
    expect([c.dependent.id, c.primary.id, c.score, c.explicit]).toEqual(['B', 'A', INFINITY, true]);
    expect(ws.orderings.length).toBeGreaterThanOrEqual(2); // symmetrical: A then B, and B stop then A stop
  });
  it('ignores constraints naming unknown resources', () => {
    const ws = unpack({ nodes: ['n1'], resources: dummy('A'), constraints: '<rsc_colocation id="c" rsc="A" with-rsc="nope" score="10"/>' });
    unpackConstraints(ws);
    expect(ws.colocations).toHaveLength(0);
  });
});

describe('node criteria', () => {
  it('adds stickiness on the current node', () => {
    const ws = placed({
      nodes: [{ name: 'n1' }, { name: 'n2', history: [probedStopped('A'), started('A')] }],
      resources: dummy('A', { 'resource-stickiness': '100' }),
    });
    expect(where(ws, 'A')).toBe('n2');
    expect(ws.trace.lines).toContain('pcmk__primitive_assign: A allocation score on n2: 100');
  });
  it('bans a node where the fail count reached migration-threshold', () => {
    const ws = placed({
      nodes: [{ name: 'n1', history: [started('A', 1)], transient: { 'fail-count-A#monitor_10000': '3' } }, 'n2'],
      resources: dummy('A', { 'migration-threshold': '3' }),
    });
    expect(score(ws, 'A', 'n1')).toBe(MINUS_INFINITY);
    expect(where(ws, 'A')).toBe('n2');
  });
});

describe('internal constraints', () => {
  it('chains group members: each colocated with and started after the previous one', () => {
    const ws = unpack({ nodes: ['n1'], resources: `<group id="g">${dummy('A')}${dummy('B')}${dummy('C')}</group>` });
    unpackConstraints(ws);
    createInternalConstraints(ws);
    const internal = ws.colocations.filter((c) => !c.explicit).map((c) => `${c.dependent.id}->${c.primary.id}`);
    expect(internal).toEqual(['B->A', 'C->B']);
    const starts = ws.orderings.filter((o) => o.firstTask === 'A_start_0' && o.thenTask === 'B_start_0');
    expect(starts).toHaveLength(1);
  });
});

describe('assignment', () => {
  it('breaks ties by node name and spreads resources by count', () => {
    const ws = placed({ nodes: ['n2', 'n1'], resources: dummy('A') + dummy('B') });
    expect(where(ws, 'A')).toBe('n1');
    expect(where(ws, 'B')).toBe('n2');
  });
  it('places a dependent with its primary, and never with a -INFINITY one', () => {
    const ws = placed({
      nodes: ['n1', 'n2', 'n3'],
      resources: dummy('A') + dummy('B') + dummy('C'),
      constraints:
        '<rsc_location id="l" rsc="A" node="n3" score="10"/>' +
        '<rsc_colocation id="c1" rsc="B" with-rsc="A" score="INFINITY"/>' +
        '<rsc_colocation id="c2" rsc="C" with-rsc="A" score="-INFINITY"/>',
    });
    expect(where(ws, 'A')).toBe('n3');
    expect(where(ws, 'B')).toBe('n3');
    expect(where(ws, 'C')).not.toBe('n3');
  });
  it('lets an optional colocation pull the primary (dependent influence)', () => {
    const ws = placed({
      nodes: ['n1', 'n2'],
      resources: dummy('A') + dummy('B'),
      constraints: '<rsc_location id="l" rsc="B" node="n2" score="100"/><rsc_colocation id="c" rsc="B" with-rsc="A" score="50"/>',
    });
    expect(where(ws, 'A')).toBe('n2');
    expect(where(ws, 'B')).toBe('n2');
  });
  it('keeps a whole group on one node, moving it for a later member', () => {
    const ws = placed({
      nodes: ['n1', 'n2'],
      resources: `<group id="g">${dummy('A')}${dummy('B')}</group>`,
      constraints: '<rsc_location id="l" rsc="B" node="n1" score="-INFINITY"/><rsc_location id="l2" rsc="g" node="n1" score="10"/>',
    });
    expect(where(ws, 'A')).toBe('n2');
    expect(where(ws, 'B')).toBe('n2');
  });
  it('stops the members that cannot run with the earlier ones', () => {
    const ws = placed({
      nodes: ['n1', 'n2'],
      resources: `<group id="g">${dummy('A')}${dummy('B')}</group>`,
      constraints: '<rsc_location id="l" rsc="B" node="n1" score="-INFINITY"/><rsc_location id="l2" rsc="A" node="n2" score="-INFINITY"/>',
    });
    expect(where(ws, 'A')).toBe('n1');
    expect(where(ws, 'B')).toBeUndefined();
  });
  it('asymmetric clusters run resources only where allowed', () => {
    const ws = placed({ nodes: ['n1', 'n2'], options: { 'symmetric-cluster': 'false' }, resources: dummy('A') + dummy('B'), constraints: '<rsc_location id="l" rsc="A" node="n2" score="0"/>' });
    expect(where(ws, 'A')).toBe('n2');
    expect(where(ws, 'B')).toBeUndefined();
  });
});
