// `cluster node add-remote|add-guest|remove-remote|remove-guest` on a CIB file.

import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { cibText } from '../../src/pcs/lib/commands/cluster-cib.js';
import { nodeAddGuest, nodeAddRemote, nodeRemoveGuest, nodeRemoveRemote } from '../../src/pcs/lib/commands/remote-node.js';
import { locationPrefer } from '../../src/pcs/lib/commands/constraint/location.js';
import { createResource } from '../../src/pcs/lib/commands/resource/create.js';
import { LibraryError, type ReportItem } from '../../src/pcs/lib/reports/item.js';
import { testEnv, type TestEnv } from './helpers.js';

let t: TestEnv;
afterEach(() => t?.cleanup());

const REMOTE_AGENT = '/usr/lib/ocf/resource.d/pacemaker/remote';
const haveRemoteAgent = existsSync(REMOTE_AGENT);
if (!haveRemoteAgent) console.warn(`skipping add-remote tests: ${REMOTE_AGENT} (Debian's pacemaker package) is not installed`);

const codes = (reports: ReportItem[]) => reports.map((r) => r.message.code);


/** The errors a command reported (as it went, or with what it threw). */
async function errorCodes(f: () => unknown): Promise<string[]> {
  const before = t.reports.length;
  try {
    await f();
  } catch (e) {
    if (!(e instanceof LibraryError)) throw e;
    return [...t.reports.slice(before), ...e.reports].filter((r) => r.severity === 'error').map((r) => r.message.code);
  }
  return ['(no error)'];
}

const vm = (id: string) =>
  createResource(t.next(), { id, agent: 'ocf:pacemaker:Dummy', instance: [], meta: [], operations: [], placement: { kind: 'alone' }, noDefaultOps: true });

describe('guest nodes', () => {
  it('names the guest in meta-attributes first in the resource, the address defaulting to the name', async () => {
    t = testEnv();
    await vm('vm1');
    await vm('vm2');
    nodeAddGuest(t.next(), { node: 'guest1', resource: 'vm1', options: [] });
    nodeAddGuest(t.next(), { node: 'guest2', resource: 'vm2', options: [['remote-port', '3121'], ['remote-addr', '10.0.0.5'], ['remote-connect-timeout', '60s']] });
    expect(codes(t.reports)).toEqual(['USING_DEFAULT_ADDRESS_FOR_HOST', 'REMOTE_NODE_STEPS_LEFT_TO_USER', 'REMOTE_NODE_STEPS_LEFT_TO_USER']);
    const xml = cibText(t.next(), 'resources');
    expect(xml).toContain(
      [
        '<primitive id="vm1" class="ocf" type="Dummy" provider="pacemaker">',
        '    <meta_attributes id="vm1-meta_attributes">',
        '      <nvpair id="vm1-meta_attributes-remote-addr" name="remote-addr" value="guest1"/>',
        '      <nvpair id="vm1-meta_attributes-remote-node" name="remote-node" value="guest1"/>',
        '    </meta_attributes>',
      ].join('\n'),
    );
    expect(xml).toContain('<nvpair id="vm2-meta_attributes-remote-connect-timeout" name="remote-connect-timeout" value="60s"/>');
  });

  it('refuses clashes, unknown or bad options, missing resources and a second guest in one resource', async () => {
    t = testEnv();
    await vm('vm1');
    await vm('vm2');
    nodeAddGuest(t.next(), { node: 'guest1', resource: 'vm1', options: [['remote-addr', '10.0.0.5']] });
    expect(await errorCodes(() => nodeAddGuest(t.next(), { node: 'guest1', resource: 'vm2', options: [] }))).toEqual(['ID_ALREADY_EXISTS']);
    expect(await errorCodes(() => nodeAddGuest(t.next(), { node: 'guest2', resource: 'vm2', options: [['remote-addr', '10.0.0.5']] }))).toEqual(['ID_ALREADY_EXISTS']);
    expect(await errorCodes(() => nodeAddGuest(t.next(), { node: 'node01', resource: 'vm2', options: [] }))).toEqual(['ID_ALREADY_EXISTS']);
    expect(await errorCodes(() => nodeAddGuest(t.next(), { node: 'guest2', resource: 'vm1', options: [] }))).toEqual(['RESOURCE_IS_GUEST_NODE_ALREADY']);
    expect(
      await errorCodes(() => nodeAddGuest(t.next(), { node: 'guest2', resource: 'nope', options: [['foo', 'bar'], ['remote-port', '99999']] })),
    ).toEqual(['INVALID_OPTIONS', 'INVALID_OPTION_VALUE', 'ID_NOT_FOUND']);
  });

  it('removes the guest meta-attributes by node name, address or resource id, keeping the resource', async () => {
    t = testEnv();
    await vm('vm1');
    await vm('vm2');
    nodeAddGuest(t.next(), { node: 'guest1', resource: 'vm1', options: [['remote-addr', '10.0.0.5']] });
    nodeAddGuest(t.next(), { node: 'guest2', resource: 'vm2', options: [] });
    nodeRemoveGuest(t.next(), '10.0.0.5', false);
    nodeRemoveGuest(t.next(), 'vm2', false);
    const xml = cibText(t.next(), 'resources');
    expect(xml).not.toContain('remote-');
    expect(xml).toContain('<meta_attributes id="vm1-meta_attributes"/>');
    expect(await errorCodes(() => nodeRemoveGuest(t.next(), 'vm1', false))).toEqual(['REMOTE_NODE_NOT_FOUND']);
  });
});

describe.skipIf(!haveRemoteAgent)('remote nodes', () => {
  it('creates an ocf:pacemaker:remote resource with the server and the default operations', async () => {
    t = testEnv();
    await nodeAddRemote(t.env, { node: 'rem1', instance: [], meta: [], operations: [] });
    await nodeAddRemote(t.next(), { node: 'rem2', address: '10.0.0.7', instance: [['port', '3121']], meta: [['target-role', 'Stopped']], operations: [[['name', 'monitor'], ['interval', '30s']]], noDefaultOps: true });
    const xml = cibText(t.next(), 'resources');
    expect(xml).toContain('<nvpair id="rem1-instance_attributes-server" name="server" value="rem1"/>');
    expect(xml).toContain('<op name="monitor" interval="60s" timeout="30s" id="rem1-monitor-interval-60s"/>');
    expect(xml).toContain(
      [
        '<primitive id="rem2" class="ocf" type="remote" provider="pacemaker">',
        '    <instance_attributes id="rem2-instance_attributes">',
        '      <nvpair id="rem2-instance_attributes-port" name="port" value="3121"/>',
        '      <nvpair id="rem2-instance_attributes-server" name="server" value="10.0.0.7"/>',
        '    </instance_attributes>',
        '    <meta_attributes id="rem2-meta_attributes">',
        '      <nvpair id="rem2-meta_attributes-target-role" name="target-role" value="Stopped"/>',
        '    </meta_attributes>',
        '    <operations>',
        '      <op name="monitor" interval="30s" id="rem2-monitor-interval-30s"/>',
        '    </operations>',
        '  </primitive>',
      ].join('\n'),
    );
  });

  it("refuses a 'server' option and a name or address in use", async () => {
    t = testEnv();
    await nodeAddRemote(t.env, { node: 'rem1', address: '10.0.0.7', instance: [], meta: [], operations: [] });
    expect(await errorCodes(() => nodeAddRemote(t.next(), { node: 'rem2', instance: [['server', 'x']], meta: [], operations: [] }))).toEqual(['INVALID_OPTIONS']);
    expect(await errorCodes(() => nodeAddRemote(t.next(), { node: 'rem1', instance: [], meta: [], operations: [] }))).toEqual(['ID_ALREADY_EXISTS']);
    expect(await errorCodes(() => nodeAddRemote(t.next(), { node: 'rem3', address: '10.0.0.7', instance: [], meta: [], operations: [] }))).toEqual(['ID_ALREADY_EXISTS']);
  });

  it('removes the resource and its constraints, found by name or address', async () => {
    t = testEnv();
    await nodeAddRemote(t.env, { node: 'rem1', instance: [], meta: [], operations: [] });
    await nodeAddRemote(t.next(), { node: 'rem2', address: '10.0.0.7', instance: [], meta: [], operations: [] });
    locationPrefer(t.next(), { resource: { kind: 'resource', value: 'rem1' }, nodes: ['node01'], prefer: true, force: true });
    nodeRemoveRemote(t.next(), 'rem1', false);
    nodeRemoveRemote(t.next(), '10.0.0.7', false);
    expect(cibText(t.next(), 'resources')).toBe('<resources/>\n');
    expect(cibText(t.next(), 'constraints')).toBe('<constraints/>\n');
    expect(await errorCodes(() => nodeRemoveRemote(t.next(), 'rem1', false))).toEqual(['REMOTE_NODE_NOT_FOUND']);
  });
});
