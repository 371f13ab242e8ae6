// Output formatting (cluster status, transition summary, score lines, graph XML, dot) and the
// full simulation (-S): executing the transition and the revised status.

import { describe, expect, it } from 'vitest';
import { formatClusterStatus } from '../src/output/cluster-status.js';
import { simulateCluster } from '../src/simulate/simulate.js';
import { getMsec, parseIntervalSpec } from '../src/util/interval.js';
import { colocationFactor } from '../src/constraints/colocation.js';
import { cibRoot, dummy, probedStopped, started, unpack, type CibSpec } from './helpers.js';

const spec: CibSpec = {
  nodes: [
    { name: 'n1', history: [probedStopped('A'), started('A'), probedStopped('B')] },
    { name: 'n2', state: 'offline' },
  ],
  resources: dummy('A') + `<group id="g">${dummy('B')}</group>`,
};

describe('cluster status (the crm_mon layout pcs status reuses)', () => {
  it('lists nodes and resources', () => {
    const text = formatClusterStatus(unpack(spec));
    expect(text).toBe(
      [
        'Node List:',
        '  * Online: [ n1 ]',
        '  * OFFLINE: [ n2 ]',
        '',
        'Full List of Resources:',
        '  * A\t(ocf:pacemaker:Dummy):\t Started n1',
        '  * Resource Group: g:',
        '    * B\t(ocf:pacemaker:Dummy):\t Stopped',
        '',
      ].join('\n'),
    );
  });
});

describe('crm_simulate -S', () => {
  it('prints the current status, the summary, the executed actions and the revised status', () => {
    const result = simulateCluster(cibRoot(spec), { process: true, simulate: true });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/Transition Summary:\n {2}\* Start {6}B {7}\( {4}n1 \)\n/);
    // A's recurring monitor is not in its history yet, so it is scheduled too
    expect(result.stdout).toContain(
      'Executing Cluster Transition:\n  * Resource action: A               monitor=10000 on n1\n  * Pseudo action:   g_start_0\n  * Resource action: B               start on n1\n',
    );
    expect(result.stdout).toMatch(/Revised Cluster Status:[\s\S]*\* B\t\(ocf:pacemaker:Dummy\):\t Started n1/);
  });
  it('writes score lines with -s, from the same computation', () => {
    const result = simulateCluster(cibRoot(spec), { process: true, simulate: true, showScores: true, quiet: true });
    const lines = result.stdout.split('\n').filter((l) => l.startsWith('pcmk__'));
    expect(lines).toContain('pcmk__group_assign: g allocation score on n1: 0');
    expect(lines).toContain('pcmk__group_assign: B allocation score on n1: 0');
    expect(lines).toContain('pcmk__primitive_assign: A allocation score on n1: 0');
  });
  it('injects events: a node comes up and an operation result is recorded', () => {
    const result = simulateCluster(cibRoot(spec), {
      process: true,
      simulate: true,
      injections: { nodeUp: ['n2'], opInject: ['A_monitor_10000@n1=7'] },
    });
    expect(result.stdout).toContain('Performing Requested Modifications:');
    expect(result.stdout).toContain('Bringing node n2 online');
    expect(result.stdout).toContain('Injecting A_monitor_10000@n1=7 into the configuration');
    expect(result.stdout).toContain('Recover    A');
  });
  it('produces the transition graph and a dot file', () => {
    const result = simulateCluster(cibRoot(spec), { process: true });
    expect(result.graphXml).toMatch(/^<transition_graph [^>]*transition_id="1">/);
    expect(result.graphXml).toContain('<rsc_op id=');
    expect(result.dot).toMatch(/^ digraph "g" \{/);
    expect(result.dot).toContain('"B_start_0 n1" [ style=bold color="green" fontcolor="black"]');
  });
});

describe('time spans', () => {
  it('reads upstream\'s units and ISO 8601 durations', () => {
    expect(getMsec('10s')).toBe(10_000);
    expect(getMsec('500ms')).toBe(500);
    expect(getMsec('2min')).toBe(120_000);
    expect(getMsec('30')).toBe(30_000);
    expect(getMsec('x')).toBe(-1);
    expect(parseIntervalSpec('PT1M30S')).toBe(90_000);
    expect(parseIntervalSpec('P30S')).toBe(30_000); // accepted leniently, as upstream does
    expect(parseIntervalSpec('bogus')).toBe(0);
  });
  it('computes colocation factors in single precision', () => {
    expect(colocationFactor(1_000_000)).toBe(1);
    expect(colocationFactor(500)).toBe(Math.fround(Math.fround(500) / Math.fround(1_000_000)));
  });
});

describe('transition graph attributes', () => {
  it('asks to be recomputed when a date rule in force will change (recheck-by)', () => {
    // execution-date is 1700000100; the rule starts to hold one second after 1700003600
    const rule = (start: string) =>
      `<rsc_location id="l" rsc="A"><rule id="r" score="100"><date_expression id="d" operation="gt" start="${start}"/></rule></rsc_location>`;
    const later = simulateCluster(cibRoot({ ...spec, constraints: rule('2023-11-14T23:13:20Z') }), { process: true });
    expect(later.graphXml).toContain('recheck-by="1700003601"');
    const past = simulateCluster(cibRoot({ ...spec, constraints: rule('2023-01-01T00:00:00Z') }), { process: true });
    expect(past.graphXml).not.toContain('recheck-by');
  });
});
