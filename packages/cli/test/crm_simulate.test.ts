// crm_simulate's command line: upstream's option names, clear errors and exit codes.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCrmSimulateArgs } from '../src/crm_simulate/args.js';
import { ExitCode, runCrmSimulate } from '../src/crm_simulate/command.js';

const CIB = `<cib crm_feature_set="3.19.0" validate-with="pacemaker-3.10" epoch="1" num_updates="0" admin_epoch="0" have-quorum="1" execution-date="1700000100">
  <configuration>
    <crm_config><cluster_property_set id="o"><nvpair id="o-f" name="fencing-enabled" value="false"/></cluster_property_set></crm_config>
    <nodes><node id="1" uname="n1"/></nodes>
    <resources><primitive id="A" class="ocf" provider="pacemaker" type="Dummy"/></resources>
    <constraints/>
  </configuration>
  <status><node_state id="1" uname="n1" in_ccm="true" crmd="online" join="member" expected="member"/></status>
</cib>
`;

const env = { readStdin: () => CIB };
const dir = mkdtempSync(join(tmpdir(), 'crm-simulate-'));
const file = join(dir, 'cib.xml');
writeFileSync(file, CIB);

describe('crm_simulate arguments', () => {
  it('accepts bundled short options, attached and separate values, long options with =', () => {
    const r = parseCrmSimulateArgs(['-sSQx', file, '-t', '2024-01-01', '--save-graph=g.xml', '-ufoo', '--op-inject', 'A_start_0@n1=0']);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.args).toMatchObject({ showScores: true, simulate: true, quiet: true, xmlFile: file, useDate: '2024-01-01', saveGraph: 'g.xml', nodeUp: ['foo'], opInject: ['A_start_0@n1=0'] });
  });
  it('rejects unknown options with a usage error', () => {
    const r = runCrmSimulate(['--bogus'], env);
    expect(r.exitCode).toBe(ExitCode.usage);
    expect(r.stderr).toMatch(/crm_simulate: .*--bogus/);
  });
  it('reports a missing file as "no input"', () => {
    const r = runCrmSimulate(['-x', join(dir, 'missing.xml'), '-S'], env);
    expect(r.exitCode).toBe(ExitCode.noInput);
    expect(r.stderr).toContain('no such file');
  });
  it('says there is no live cluster for -L', () => {
    const r = runCrmSimulate(['-L'], env);
    expect(r.exitCode).toBe(ExitCode.noInput);
    expect(r.stderr).toContain('no live cluster');
  });
  it('reports malformed XML as a data error', () => {
    const bad = join(dir, 'bad.xml');
    writeFileSync(bad, '<cib><configuration>');
    expect(runCrmSimulate(['-x', bad, '-S'], env).exitCode).toBe(ExitCode.dataErr);
  });
});

describe('crm_simulate runs', () => {
  it('simulates a file and writes the graph and dot files', () => {
    const graph = join(dir, 'out.exp');
    const dot = join(dir, 'out.dot');
    const r = runCrmSimulate(['-x', file, '-S', '-G', graph, '-D', dot], env);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('* Start      A       (    n1 )');
    expect(readFileSync(graph, 'utf8')).toMatch(/^<transition_graph /);
    expect(readFileSync(dot, 'utf8')).toContain('digraph');
  });
  it('reads the CIB from standard input with -p', () => {
    const r = runCrmSimulate(['-p', '-R'], env);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('Transition Summary:');
  });
  it('saves the revised CIB with --save-output', () => {
    const out = join(dir, 'revised.xml');
    expect(runCrmSimulate(['-x', file, '-S', '-Q', '--save-output', out], env).exitCode).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('operation_key="A_start_0"');
  });
});
