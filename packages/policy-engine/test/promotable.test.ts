// Promotable clones: promotion scores from master-<rsc> node attributes, the choice of promoted
// instances within promoted-max and promoted-node-max, role-based locations and colocations,
// the promote/demote actions and the clone's pseudo-actions around them, and the status display.

import { describe, expect, it } from 'vitest';
import { run, required, inputs } from './inspect.js';
import { Role } from '../src/model/role.js';
import type { WorkingSet } from '../src/model/types.js';
import { formatClusterStatus } from '../src/output/cluster-status.js';
import { clone, dummy, probedStopped, started, unpack, type CibSpec, type HistoryOp, type NodeSpec } from './helpers.js';

/** Scheduled, with the summary lines also trimmed. */
function runTrimmed(spec: CibSpec, options: { showScores?: boolean } = {}) {
  const result = run(spec, options);
  return { ...result, summary: result.summary.map((l) => l.trim()) };
}

/** Where each instance will be promoted: instance → node, for the instances that will be. */
function promotedOn(ws: WorkingSet, cloneId: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of ws.resourceById.get(cloneId)!.children) if (i.nextRole === Role.promoted) out[i.id] = i.assignedTo!.node.uname;
  return out;
}

/** A running (unpromoted) instance of an anonymous clone's primitive. */
const running = (rsc: string): HistoryOp[] => [probedStopped(rsc), started(rsc)];
/** A promoted one. */
const promoted = (rsc: string): HistoryOp[] => [...running(rsc), { rsc, task: 'promote', rc: 0, callId: 3 }];

/** A primitive with a monitor per role, as a promotable agent's are configured (the history helper records Dummy). */
const stateful = (id: string) =>
  `<primitive id="${id}" class="ocf" provider="pacemaker" type="Dummy"><operations>` +
  `<op id="${id}-mon-p" name="monitor" interval="10s" role="Promoted"/><op id="${id}-mon-u" name="monitor" interval="11s" role="Unpromoted"/>` +
  `</operations></primitive>`;
const node = (name: string, score: number | undefined, history: HistoryOp[] = []): NodeSpec =>
  score === undefined ? { name, history } : { name, history, transient: { [`master-${id(history)}`]: String(score) } };
const id = (history: HistoryOp[]) => history[0]?.rsc ?? 'A';

describe('promotion scores', () => {
  it('promotes the instance on the node with the highest master-<rsc> score, once', () => {
    const { ws, summary } = runTrimmed({
      nodes: [node('n1', 5, running('A')), node('n2', 10, running('A')), node('n3', 1, running('A'))],
      resources: clone('P', stateful('A'), { promotable: 'true' }),
    });
    expect(Object.values(promotedOn(ws, 'P'))).toEqual(['n2']);
    expect(summary).toEqual([expect.stringMatching(/^Promote A:\d \( Unpromoted -> Promoted n2 \)$/)]);
  });

  it('promotes nothing without a score, and a Promoted-role location makes an instance promotable', () => {
    const spec: CibSpec = { nodes: [{ name: 'n1', history: running('A') }, { name: 'n2', history: running('A') }], resources: clone('P', stateful('A'), { promotable: 'true' }) };
    expect(promotedOn(runTrimmed(spec).ws, 'P')).toEqual({});
    const located = runTrimmed({ ...spec, constraints: '<rsc_location id="l" rsc="P" role="Promoted" node="n2" score="50"/>' });
    expect(Object.values(promotedOn(located.ws, 'P'))).toEqual(['n2']);
  });

  it('reads the score under the instance name for unique clones', () => {
    const { ws } = runTrimmed({
      nodes: [{ name: 'n1', transient: { 'master-A:0': '5', 'master-A:1': '20' } }],
      resources: clone('P', stateful('A'), { promotable: 'true', 'globally-unique': 'true', 'clone-max': '2', 'clone-node-max': '2' }),
    });
    expect(Object.keys(promotedOn(ws, 'P'))).toEqual(['A:1']);
  });

  it('shows each instance\'s promotion score with the scores, and "(inactive)" for one placed nowhere', () => {
    const { ws } = runTrimmed(
      {
        nodes: [node('n1', 5, running('A')), node('n2', 10, running('A'))],
        resources: clone('P', stateful('A'), { promotable: 'true', 'clone-max': '3' }),
      },
      { showScores: true },
    );
    const lines = ws.trace.lines.filter((l) => l.includes('promotion score'));
    expect(lines).toContain('A:1 promotion score on n2: 10');
    expect(lines).toContain('A:0 promotion score on n1: 5');
    expect(lines).toContain('A:2 promotion score (inactive): -INFINITY');
  });
});

describe('promotion limits', () => {
  it('promotes on both nodes of a dual-primary pair (promoted-max=2, promoted-node-max=1)', () => {
    // the guide's DRBD: both nodes primary, for GFS2 and live migration
    const { ws, summary } = runTrimmed({
      nodes: [node('n1', 10000, running('drbd')), node('n2', 10000, running('drbd'))],
      resources: clone('drbd-clone', stateful('drbd'), { promotable: 'true', 'clone-max': '2', 'promoted-max': '2', 'promoted-node-max': '1' }),
    });
    expect(Object.values(promotedOn(ws, 'drbd-clone')).sort()).toEqual(['n1', 'n2']);
    expect(summary.sort()).toEqual([
      expect.stringMatching(/^Promote drbd:\d \( Unpromoted -> Promoted n1 \)$/),
      expect.stringMatching(/^Promote drbd:\d \( Unpromoted -> Promoted n2 \)$/),
    ]);
  });

  it('accepts the legacy <master> element and master-max', () => {
    const { ws } = runTrimmed({
      nodes: [node('n1', 10, running('A')), node('n2', 10, running('A'))],
      resources: '<master id="M"><meta_attributes id="M-meta"><nvpair id="M-mm" name="master-max" value="2"/></meta_attributes>' + stateful('A') + '</master>',
    });
    expect(ws.resourceById.get('M')!.promotable).toBe(true);
    expect(Object.values(promotedOn(ws, 'M')).sort()).toEqual(['n1', 'n2']);
  });

  it('keeps the promoted instance where it is rather than moving promotion to an equal node', () => {
    const { ws, summary } = runTrimmed({
      nodes: [node('n1', 10, running('A')), node('n2', 10, promoted('A'))],
      resources: clone('P', stateful('A'), { promotable: 'true' }),
    });
    expect(Object.values(promotedOn(ws, 'P'))).toEqual(['n2']);
    expect(summary).toEqual([]);
  });

  it('never promotes with target-role Unpromoted (nor the legacy Slave), demoting what is promoted', () => {
    for (const role of ['Unpromoted', 'Slave']) {
      const { ws, summary } = runTrimmed({
        nodes: [node('n1', 10, promoted('A'))],
        resources: clone('P', stateful('A'), { promotable: 'true', 'target-role': role }),
      });
      expect(promotedOn(ws, 'P')).toEqual({});
      expect(summary).toEqual([expect.stringMatching(/^Demote A:0 \( Promoted -> Unpromoted n1 \)$/)]);
    }
  });

  it('promotes nothing new without quorum when no-quorum-policy is freeze', () => {
    const { ws } = runTrimmed({
      nodes: [node('n1', 10, running('A'))],
      options: { 'no-quorum-policy': 'freeze' },
      quorum: false,
      resources: clone('P', stateful('A'), { promotable: 'true' }),
    });
    expect(promotedOn(ws, 'P')).toEqual({});
  });
});

describe('promote and demote actions', () => {
  it('starts, then promotes through the clone\'s promote/promoted pseudo-actions, with the Promoted-role monitor', () => {
    const { ws, summary } = runTrimmed({
      nodes: [{ name: 'n1', transient: { 'master-A': '10' }, history: [probedStopped('A')] }],
      resources: clone('P', stateful('A'), { promotable: 'true' }),
    });
    expect(summary).toEqual(['Promote A:0 ( Stopped -> Promoted n1 )']);
    expect(required(ws)).toEqual(
      expect.arrayContaining(['P_promote_0', 'P_promoted_0', 'A:0_promote_0@n1', 'A:0_start_0@n1', 'A:0_monitor_10000@n1']),
    );
    expect(required(ws)).not.toContain('A:0_monitor_11000@n1');
    expect(inputs(ws, 'A:0_promote_0', 'n1')).toEqual(expect.arrayContaining(['A:0_start_0@n1', 'P_promote_0']));
    expect(inputs(ws, 'P_promote_0')).toEqual(expect.arrayContaining(['P_running_0']));
    expect(inputs(ws, 'P_promoted_0')).toEqual(['A:0_promote_0@n1']);
  });

  it('demotes before stopping a promoted instance, through demote/demoted', () => {
    const { ws, summary } = runTrimmed({
      nodes: [node('n1', 10, promoted('A'))],
      resources: clone('P', stateful('A'), { promotable: 'true', 'target-role': 'Stopped' }),
    });
    expect(summary).toEqual(['Stop A:0 ( Promoted n1 ) due to node availability']);
    expect(inputs(ws, 'A:0_stop_0', 'n1')).toEqual(expect.arrayContaining(['A:0_demote_0@n1', 'P_stop_0']));
    expect(inputs(ws, 'A:0_demote_0', 'n1')).toEqual(['P_demote_0']);
    expect(inputs(ws, 'P_stop_0')).toEqual(expect.arrayContaining(['P_demoted_0']));
  });

  it('orders a promote-then-start constraint after the clone\'s promotions', () => {
    const { ws } = runTrimmed({
      nodes: [node('n1', 10, running('A'))],
      resources: clone('P', stateful('A'), { promotable: 'true' }) + dummy('B'),
      constraints: '<rsc_order id="o" first="P" first-action="promote" then="B" then-action="start"/>',
    });
    expect(inputs(ws, 'B_start_0', 'n1')).toEqual(expect.arrayContaining(['P_promoted_0']));
  });
});

describe('colocations with a role', () => {
  const twoNodes = (extra: Partial<CibSpec>): CibSpec => ({
    nodes: [node('n1', 5, running('A')), node('n2', 10, running('A'))],
    resources: clone('P', stateful('A'), { promotable: 'true' }) + dummy('B'),
    ...extra,
  });

  it('places a resource colocated with the promoted role where the promotion is', () => {
    const { ws } = runTrimmed(twoNodes({ constraints: '<rsc_colocation id="c" rsc="B" with-rsc="P" with-rsc-role="Promoted" score="INFINITY"/>' }));
    expect(ws.resourceById.get('B')!.assignedTo!.node.uname).toBe('n2');
  });

  it('accepts the legacy Master role name in colocations', () => {
    const { ws } = runTrimmed(twoNodes({ constraints: '<rsc_colocation id="c" rsc="B" with-rsc="P" with-rsc-role="Master" score="INFINITY"/>' }));
    expect(ws.resourceById.get('B')!.assignedTo!.node.uname).toBe('n2');
  });

  it('moves the promotion to where a resource it must be promoted with runs', () => {
    // B is pinned to n1, and the promoted instance must be with B: n1 wins over the higher score
    const { ws } = runTrimmed(
      twoNodes({
        constraints:
          '<rsc_location id="l" rsc="B" node="n1" score="INFINITY"/>' +
          '<rsc_colocation id="c" rsc="P" rsc-role="Promoted" with-rsc="B" score="INFINITY"/>',
      }),
    );
    expect(Object.values(promotedOn(ws, 'P'))).toEqual(['n1']);
  });

  it('keeps an anti-colocated resource away from the promoted instance', () => {
    const { ws } = runTrimmed(twoNodes({ constraints: '<rsc_colocation id="c" rsc="B" with-rsc="P" with-rsc-role="Promoted" score="-INFINITY"/>' }));
    expect(ws.resourceById.get('B')!.assignedTo!.node.uname).toBe('n1');
  });
});

describe('promotable clone status display', () => {
  it('collapses instances into Promoted and Unpromoted', () => {
    const text = formatClusterStatus(
      unpack({ nodes: [node('n1', 5, running('A')), node('n2', 10, promoted('A')), 'n3'], resources: clone('P', stateful('A'), { promotable: 'true' }) }),
    );
    expect(text).toContain(['  * Clone Set: P [A] (promotable):', '    * Promoted: [ n2 ]', '    * Unpromoted: [ n1 ]', '    * Stopped: [ n3 ]'].join('\n'));
  });
});
