// Stages 7–10: actions (probes, start/stop/recover, recurring monitors), fencing and shutdown,
// orderings (optional/runnable propagation with reasons) and the transition graph.

import { describe, expect, it } from 'vitest';
import { run, required } from './inspect.js';
import { graphToXml } from '../src/output/graph-xml.js';
import { dummy, fencing, probedStopped, started } from './helpers.js';

describe('actions: probes', () => {
  it('probes every resource on every node where its state is unknown', () => {
    const { ws } = run({ nodes: ['n1', { name: 'n2', history: [probedStopped('A')] }], resources: dummy('A') });
    const probes = required(ws).filter((a) => a.startsWith('A_monitor_0'));
    expect(probes).toEqual(['A_monitor_0@n1']);
  });
  it('does not probe where resource-discovery=never', () => {
    const { ws } = run({ nodes: ['n1', 'n2'], resources: dummy('A'), constraints: '<rsc_location id="l" rsc="A" node="n2" score="-INFINITY" resource-discovery="never"/>' });
    expect(required(ws).filter((a) => a.startsWith('A_monitor_0'))).toEqual(['A_monitor_0@n1']);
  });
});

describe('actions: start, stop, recover, monitors', () => {
  it('starts a stopped resource and schedules its recurring monitor', () => {
    const { ws, summary } = run({ nodes: [{ name: 'n1', history: [probedStopped('A')] }], resources: dummy('A') });
    expect(required(ws)).toEqual(['A_monitor_10000@n1', 'A_start_0@n1']);
    expect(summary).toEqual(['Start A ( n1 )']);
  });
  it('recovers a failed resource in place (stop, start)', () => {
    const { ws, summary } = run({
      nodes: [{ name: 'n1', history: [probedStopped('A'), started('A'), { rsc: 'A', task: 'monitor', rc: 7, interval: 10000, callId: 3 }] }],
      resources: dummy('A'),
    });
    expect(required(ws)).toContain('A_stop_0@n1');
    expect(required(ws)).toContain('A_start_0@n1');
    expect(summary).toEqual(['Recover A ( n1 )']);
  });
  it('stops a resource whose target-role is Stopped, with the reason', () => {
    const { summary } = run({ nodes: [{ name: 'n1', history: [probedStopped('A'), started('A')] }], resources: dummy('A', { 'target-role': 'Stopped' }) });
    expect(summary).toEqual(['Stop A ( n1 ) due to node availability']);
  });
  it('moves a resource away from a standby node', () => {
    const { summary } = run({
      nodes: [{ name: 'n1', attrs: { standby: 'on' }, history: [probedStopped('A'), started('A')] }, { name: 'n2', history: [probedStopped('A')] }],
      resources: dummy('A'),
    });
    expect(summary).toEqual(['Move A ( n1 -> n2 )']);
  });
});

describe('fencing and shutdown', () => {
  it('fences an unclean node and moves its resources once fenced', () => {
    const { ws, summary } = run({
      nodes: [
        { name: 'n1', history: [probedStopped('A'), { rsc: 'st', task: 'start', rc: 0, callId: 2 }] },
        { name: 'n2', state: 'unclean', history: [started('A', 1)] },
      ],
      options: { 'fencing-enabled': 'true' },
      resources: fencing('st') + dummy('A'),
    });
    expect(summary).toContain("Fence (reboot) n2 'peer is no longer part of the cluster'");
    expect(summary).toContain('Move A ( n2 -> n1 )');
    const start = ws.actions.find((a) => a.uuid === 'A_start_0')!;
    expect(start.before.some((w) => w.action.task === 'stonith')).toBe(true);
  });
  it('shuts a node down (do_shutdown) after stopping what runs there', () => {
    const { ws } = run({
      nodes: [{ name: 'n1', transient: { shutdown: '1700000000' }, history: [started('A', 1)] }, { name: 'n2', history: [probedStopped('A')] }],
      resources: dummy('A'),
    });
    const shutdown = ws.actions.find((a) => a.task === 'do_shutdown')!;
    expect(shutdown.node?.uname).toBe('n1');
    expect(shutdown.before.map((w) => w.action.uuid)).toContain('A_stop_0');
  });
});

describe('orderings', () => {
  it('makes a "then" start unrunnable when the "first" cannot start, and says why', () => {
    const { summary } = run({
      nodes: [{ name: 'n1', history: [probedStopped('A'), probedStopped('B')] }],
      resources: dummy('A') + dummy('B'),
      constraints: '<rsc_location id="l" rsc="A" node="n1" score="-INFINITY"/><rsc_order id="o" first="A" then="B" kind="Mandatory"/>',
    });
    expect(summary).toEqual(['Start B ( n1 ) due to unrunnable A start (blocked)']);
  });
  it('an optional ordering only orders, never blocks', () => {
    const { summary } = run({
      nodes: [{ name: 'n1', history: [probedStopped('A'), probedStopped('B')] }],
      resources: dummy('A') + dummy('B'),
      constraints: '<rsc_location id="l" rsc="A" node="n1" score="-INFINITY"/><rsc_order id="o" first="A" then="B" kind="Optional"/>',
    });
    expect(summary).toEqual(['Start B ( n1 )']);
  });
  it('restarts the "then" side when the "first" restarts', () => {
    const { summary } = run({
      nodes: [{ name: 'n1', history: [probedStopped('A'), probedStopped('B'), started('A', 3), started('B', 4), { rsc: 'A', task: 'monitor', rc: 7, interval: 10000, callId: 5 }] }],
      resources: dummy('A') + dummy('B'),
      constraints: '<rsc_order id="o" first="A" then="B"/>',
    });
    expect(summary).toEqual(['Recover A ( n1 )', 'Restart B ( n1 ) due to required A start']);
  });
});

describe('transition graph', () => {
  it('lists each action once with its inputs, pseudo-actions included', () => {
    const { graph } = run({ nodes: [{ name: 'n1', history: [probedStopped('A'), probedStopped('B')] }], resources: `<group id="g">${dummy('A')}${dummy('B')}</group>` });
    const xml = graphToXml(graph);
    expect(xml).toMatch(/^<transition_graph /);
    expect(xml).toContain('operation_key="g_start_0"');
    expect(xml).toContain('<pseudo_event');
    expect(xml.match(/<synapse /g)?.length).toBe(graph.synapses.length);
    // B starts after A
    const b = graph.synapses.find((s) => s.action.uuid === 'B_start_0')!;
    expect(b.inputs.map((i) => i.uuid)).toContain('A_start_0');
  });
});

describe('colocation blocking', () => {
  it('a start blocked by its colocation takes its recurring monitor with it (the transition stays valid)', () => {
    const history = [probedStopped('Z'), probedStopped('B'), probedStopped('C')];
    const { summary, graph } = run({
      nodes: [{ name: 'n1', history }, { name: 'n2', history }],
      resources: dummy('Z', { 'target-role': 'Stopped' }) + dummy('B') + dummy('C'),
      constraints: '<rsc_order id="o" first="Z" then="B" kind="Mandatory"/><rsc_colocation id="c" rsc="C" with-rsc="B" score="INFINITY"/>',
    });
    expect(summary).toEqual(['Start B ( n1 ) due to unrunnable Z start (blocked)', 'Start C ( n1 ) due to colocation with B (blocked)']);
    expect(graph.synapses).toHaveLength(0);
  });
});
