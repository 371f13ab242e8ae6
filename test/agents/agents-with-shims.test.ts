// Agents and the attribute tools together, outside a cluster: agents call crm_attribute on PATH
// (ours, from node_modules/.bin) with CIB_file, and the CIB file ends up with the promotion
// scores, node health and what the agents read back (stonith-enabled, standby).

import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Executor, type OcfAction, type ResourceSpec } from '@hacluster/agents';
import { Cib } from '@hacluster/cib';
import { REPO_BIN, twoNodeCib } from '../support/cib-files.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';

const noBins = existsSync(join(REPO_BIN, 'crm_attribute')) ? undefined : 'skipped: run pnpm install first (node_modules/.bin/crm_attribute)';
const PATH = `${REPO_BIN}:/usr/sbin:/usr/bin:/sbin:/bin`;

function transient(file: string, node: string, name: string): string | undefined {
  const cib = Cib.parse(readFileSync(file, 'utf8'));
  const state = cib.scope('status')?.elements('node_state').find((s) => s.get('uname') === node);
  for (const set of state?.first('transient_attributes')?.elements('instance_attributes') ?? []) {
    const p = set.elements('nvpair').find((n) => n.get('name') === name);
    if (p) return p.get('value');
  }
  return undefined;
}

function on(node: string, env: Record<string, string>) {
  const ex = new Executor({ path: PATH, environment: { HACLUSTER_NODE: node, ...env } });
  return (rsc: ResourceSpec, action: OcfAction, meta: Record<string, string> = {}) =>
    ex.run({ resource: { ...rsc, meta: { ...rsc.meta, ...meta, on_node: node } }, action, intervalMs: action === 'monitor' ? 10_000 : 0, timeoutMs: 30_000 });
}

const tmp = (): string => mkdtempSync(join(tmpdir(), 'agents-shims-'));

describe.skipIf(noBins !== undefined)(noBins ?? 'agents with the attribute tools', () => {
  it.skipIf(!existsSync('/usr/lib/ocf/resource.d/pacemaker/Stateful'))("Pacemaker's Stateful sets its promotion score through our crm_attribute", async () => {
    const cib = twoNodeCib();
    const run = on('node1', { CIB_file: cib, HA_RSCTMP: tmp() });
    const rsc: ResourceSpec = { id: 'stateful1', agent: { class: 'ocf', provider: 'pacemaker', type: 'Stateful' }, params: { state: join(tmp(), 's.state') }, meta: { promotable: 'true' } };
    expect((await run(rsc, 'start')).rc).toBe(0);
    expect(transient(cib, 'node1', 'master-stateful1')).toBe('5');
    expect((await run(rsc, 'promote')).rc).toBe(0);
    expect(transient(cib, 'node1', 'master-stateful1')).toBe('10');
    expect((await run(rsc, 'demote')).rc).toBe(0);
    expect((await run(rsc, 'stop')).rc).toBe(0);
    expect(transient(cib, 'node1', 'master-stateful1')).toBeUndefined();
  });

  it('drbd (sandbox) publishes promotion scores from the disk states on both nodes', async () => {
    const cib = twoNodeCib();
    const sandbox = tmp();
    const n1 = on('node1', { CIB_file: cib, HACLUSTER_SANDBOX: sandbox });
    const n2 = on('node2', { CIB_file: cib, HACLUSTER_SANDBOX: sandbox });
    const r0: ResourceSpec = { id: 'drbd-r0', agent: { class: 'ocf', provider: 'hacluster', type: 'drbd' }, params: { drbd_resource: 'r0' }, meta: { clone_max: '2', notify: 'true' } };
    expect((await n1(r0, 'start')).rc).toBe(0);
    // Alone, with UpToDate data and no peer: "local UpToDate, peer unknown".
    expect(transient(cib, 'node1', 'master-drbd-r0')).toBe('1000');
    expect((await n2(r0, 'start')).rc).toBe(0);
    expect((await n1(r0, 'monitor')).rc).toBe(0);
    expect([transient(cib, 'node1', 'master-drbd-r0'), transient(cib, 'node2', 'master-drbd-r0')]).toEqual(['10000', '10000']);
    writeFileSync(join(sandbox, 'node2', 'drbd', 'r0', 'disk'), 'Outdated\n');
    expect((await n2(r0, 'monitor')).rc).toBe(0);
    expect(transient(cib, 'node2', 'master-drbd-r0')).toBe('10');
    writeFileSync(join(sandbox, 'node1', 'drbd', 'r0', 'disk'), 'Inconsistent\n');
    expect((await n2(r0, 'monitor')).rc).toBe(0);
    expect(transient(cib, 'node2', 'master-drbd-r0')).toBeUndefined();
    expect((await n1(r0, 'stop')).rc).toBe(0);
    expect(transient(cib, 'node1', 'master-drbd-r0')).toBeUndefined();
  });

  it('controld reads stonith-enabled from the CIB through crm_attribute', async () => {
    const off = twoNodeCib({ crmConfig: '      <cluster_property_set id="cib-bootstrap-options">\n        <nvpair id="o1" name="stonith-enabled" value="false"/>\n      </cluster_property_set>\n' });
    const dlm: ResourceSpec = { id: 'dlm', agent: { class: 'ocf', provider: 'hacluster', type: 'controld' }, params: {}, meta: { clone_max: '2' } };
    const refused = await on('node1', { CIB_file: off, HACLUSTER_SANDBOX: tmp() })(dlm, 'start');
    expect([refused.rc, refused.exitReason]).toEqual([6, 'refusing to start: stonith-enabled=false and allow_stonith_disabled is not set']);
    expect((await on('node1', { CIB_file: twoNodeCib(), HACLUSTER_SANDBOX: tmp() })(dlm, 'start')).rc).toBe(0);
  });

  it('HealthCheck as node health turns #health-web green and red', async () => {
    let up = true;
    const server: Server = createServer((_, res) => {
      res.writeHead(up ? 200 : 503);
      res.end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const cib = twoNodeCib();
      const run = on('node1', { CIB_file: cib, HA_RSCTMP: tmp() });
      const hc: ResourceSpec = { id: 'web-health', agent: { class: 'ocf', provider: 'hacluster', type: 'HealthCheck' }, params: { check: 'HTTP_GET', connect_port: String((server.address() as AddressInfo).port), urls: '/', retry: '0', health_attribute: '#health-web' }, meta: {} };
      expect((await run(hc, 'start')).rc).toBe(0);
      expect((await run(hc, 'monitor')).rc).toBe(0);
      expect(transient(cib, 'node1', '#health-web')).toBe('green');
      up = false;
      expect((await run(hc, 'monitor')).rc).toBe(0);
      expect(transient(cib, 'node1', '#health-web')).toBe('red');
      expect((await run(hc, 'stop')).rc).toBe(0);
    } finally {
      server.close();
    }
  });

  it('the OCO responder says OK for an online node and KO once it is in standby', async () => {
    const cib = twoNodeCib();
    const run = on('node1', { CIB_file: cib, HA_RSCTMP: tmp() });
    const port = 17000 + (process.pid % 900);
    const oco: ResourceSpec = { id: 'oco', agent: { class: 'ocf', provider: 'hacluster', type: 'oco' }, params: { port: String(port), address: '127.0.0.1', force_ko_file: join(tmp(), 'ko') }, meta: {} };
    const probe = (): Promise<string> =>
      new Promise((resolve, reject) => {
        const s = connect({ host: '127.0.0.1', port });
        let d = '';
        s.on('data', (c: Buffer) => (d += c.toString()));
        s.on('end', () => resolve(d));
        s.on('error', reject);
      });
    const started = await run(oco, 'start');
    expect([started.rc, started.exitReason, started.stderr]).toEqual([0, undefined, '']);
    try {
      expect(await probe()).toBe('OK\n');
      const cibText = readFileSync(cib, 'utf8').replace('<node id="1" uname="node1"/>', '<node id="1" uname="node1"><instance_attributes id="nodes-1"><nvpair id="nodes-1-standby" name="standby" value="on"/></instance_attributes></node>');
      writeFileSync(cib, cibText);
      expect(await probe()).toBe('KO\n');
      expect((await run(oco, 'monitor')).rc).toBe(0);
    } finally {
      expect((await run(oco, 'stop')).rc).toBe(0);
    }
    expect((await run(oco, 'monitor')).rc).toBe(7);
  });
});

