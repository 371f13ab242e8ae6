// Bundles, relations, debug actions and the text folding of agent listings.

import { afterEach, describe, expect, it } from 'vitest';
import { bundleCreate, bundleReset, bundleUpdateCmd } from '../../src/pcs/lib/commands/resource/bundle.js';
import { createResource } from '../../src/pcs/lib/commands/resource/create.js';
import { debugResourceAction } from '../../src/pcs/lib/commands/resource/debug.js';
import { resourceRelations } from '../../src/pcs/lib/commands/resource/relations.js';
import { orderAdd } from '../../src/pcs/lib/commands/constraint/order.js';
import { cibText } from '../../src/pcs/lib/commands/cluster-cib.js';
import { resourcesStatus } from '../../src/pcs/lib/commands/status.js';
import { treeToLines } from '../../src/pcs/cli/resource/relations.js';
import { textWrap } from '../../src/pcs/cli/wrap.js';
import { LibraryError } from '../../src/pcs/lib/reports/item.js';
import { testEnv, type TestEnv } from './helpers.js';

let t: TestEnv;
afterEach(() => t?.cleanup());

const dummy = (id: string, placement: Parameters<typeof createResource>[1]['placement'] = { kind: 'alone' }, instance: [string, string][] = []) =>
  createResource(t.next(), { id, agent: 'ocf:pacemaker:Dummy', instance, meta: [], operations: [], placement, noDefaultOps: true });

describe('bundles', () => {
  it('creates, updates and resets a bundle the way pcs lays it out', async () => {
    t = testEnv();
    bundleCreate(t.env, { id: 'b1', containerType: 'docker', container: { image: 'x', replicas: '2' }, network: {}, portMaps: [], storageMaps: [], meta: [] }, { force: false, disabled: false });
    bundleUpdateCmd(
      t.next(),
      'b1',
      { container: { replicas: '' }, network: { 'control-port': '3121' }, portMapAdd: [{ port: '80' }], portMapRemove: [], storageMapAdd: [{ 'source-dir': '/a', 'target-dir': '/b' }], storageMapRemove: [], meta: [['target-role', 'Stopped']] },
      { force: false },
    );
    expect(cibText(t.next(), 'resources')).toBe(
      [
        '<resources>',
        '  <bundle id="b1">',
        '    <meta_attributes id="b1-meta_attributes">',
        '      <nvpair id="b1-meta_attributes-target-role" name="target-role" value="Stopped"/>',
        '    </meta_attributes>',
        '    <docker image="x"/>',
        '    <network control-port="3121">',
        '      <port-mapping port="80" id="b1-port-map-80"/>',
        '    </network>',
        '    <storage>',
        '      <storage-mapping source-dir="/a" target-dir="/b" id="b1-storage-map"/>',
        '    </storage>',
        '  </bundle>',
        '</resources>',
        '',
      ].join('\n'),
    );
    bundleReset(t.next(), 'b1', { container: { image: 'y' }, network: {}, portMaps: [{ port: '81' }], storageMaps: [], meta: [] }, { force: false, disabled: true });
    const after = cibText(t.next(), 'resources');
    expect(after).toContain('<docker image="y"/>');
    expect(after).toContain('<port-mapping port="81" id="b1-port-map-81"/>');
    expect(after).toContain('<storage/>');
    expect(after).toContain('name="target-role" value="Stopped"');
  });

  it('refuses a bad container, port and unknown option, and keeps an inner resource reachable', async () => {
    t = testEnv();
    expect(() =>
      bundleCreate(t.env, { id: 'b1', containerType: 'lxc', container: {}, network: { 'control-port': '99999' }, portMaps: [{ bogus: '1' }], storageMaps: [], meta: [] }, { force: false, disabled: false }),
    ).toThrow(LibraryError);
    const codes = t.reports.map((r) => r.message.code);
    expect(codes).toEqual(expect.arrayContaining(['INVALID_OPTION_VALUE', 'INVALID_OPTIONS', 'REQUIRED_OPTION_OF_ALTERNATIVES_IS_MISSING']));
    bundleCreate(t.next(), { id: 'b2', containerType: 'podman', container: { image: 'x' }, network: { 'control-port': '3121' }, portMaps: [], storageMaps: [], meta: [] }, { force: false, disabled: false });
    await dummy('web', { kind: 'bundle', bundle: 'b2' });
    const noPort = { container: {}, network: { 'control-port': '' }, portMapAdd: [], portMapRemove: [], storageMapAdd: [], storageMapRemove: [], meta: [] };
    expect(() => bundleUpdateCmd(t.next(), 'b2', noPort, { force: false })).toThrow(LibraryError);
    expect(t.reports.at(-1)).toMatchObject({ severity: 'error', forceCode: 'FORCE', message: { code: 'RESOURCE_IN_BUNDLE_NOT_ACCESSIBLE', bundle: 'b2', resource: 'web' } });
    bundleUpdateCmd(t.next(), 'b2', noPort, { force: true });
    expect(cibText(t.next(), 'resources')).toContain('<network/>');
  });
});

describe('bundle status', () => {
  it('shows a bundle per replica, and only the named parts of its replicas for one of them (as crm_mon)', async () => {
    t = testEnv();
    bundleCreate(t.env, { id: 'b1', containerType: 'docker', container: { image: 'x', replicas: '2' }, network: { 'control-port': '3121' }, portMaps: [], storageMaps: [], meta: [] }, { force: false, disabled: false });
    await dummy('web', { kind: 'bundle', bundle: 'b1' });
    expect((await resourcesStatus(t.next(), { inactive: true })).lines).toEqual([
      '  * Container bundle set: b1 [x]:',
      '    * b1-0\t(ocf:pacemaker:Dummy):\t Stopped',
      '    * b1-1\t(ocf:pacemaker:Dummy):\t Stopped',
    ]);
    expect((await resourcesStatus(t.next(), { inactive: true, resource: 'b1-docker-1' })).lines).toEqual([
      '  * Container bundle set: b1 [x]:',
      '    * Replica[1]',
      '      * b1-docker-1\t(ocf:heartbeat:docker):\t Stopped',
    ]);
  });
});

describe('relations', () => {
  it('draws what a group contains and the orders around it, each node once', async () => {
    t = testEnv();
    await dummy('a', { kind: 'group', group: 'g1', after: true });
    await dummy('b', { kind: 'group', group: 'g1', after: true });
    await dummy('d');
    orderAdd(t.next(), { first: 'd', then: 'g1', firstAction: 'start', thenAction: 'start', options: [], force: false });
    expect(treeToLines(resourceRelations(t.next(), 'g1'), false)).toEqual([
      'g1',
      '|- inner resource(s)',
      '|  |  members: a b',
      '|  |- a',
      '|  `- b',
      '`- order',
      '   |  start d then start g1',
      '   `- d',
    ]);
    expect(treeToLines(resourceRelations(t.next(), 'a'), true)[0]).toBe('a (resource: ocf:pacemaker:Dummy)');
    expect(() => resourceRelations(t.next(), 'nope')).toThrow(LibraryError);
  });
});

describe('debug actions', () => {
  it("runs the resource's agent with its parameters and reports the agent's code", async () => {
    t = testEnv();
    await dummy('d1', { kind: 'alone' }, [['state', `${t.dir}/d1.state`]]);
    expect((await debugResourceAction(t.next(), 'd1', 'monitor', false)).rc).toBe(7);
    const start = await debugResourceAction(t.next(), 'd1', 'start', true);
    expect([start.rc, start.description, start.agent]).toEqual([0, 'ok', 'ocf:pacemaker:Dummy']);
    expect(start.trace).toContain('OCF_RESKEY_state=');
    expect((await debugResourceAction(t.next(), 'd1', 'monitor', false)).rc).toBe(0);
    expect((await debugResourceAction(t.next(), 'd1', 'stop', false)).rc).toBe(0);
  });

  it('names the resource to use for a group', async () => {
    t = testEnv();
    await dummy('a', { kind: 'group', group: 'g', after: true });
    await expect(debugResourceAction(t.next(), 'g', 'start', false)).rejects.toThrow(/DEBUG_ACTION_NEEDS_PRIMITIVE/);
  });
});

describe('text folding', () => {
  it('folds as Python textwrap does, splitting after hyphens between letters and cutting long words', () => {
    expect(textWrap('Runs crm_mon in the background, recording the cluster status to an HTML file well-known-hyphen word', 30)).toEqual([
      'Runs crm_mon in the',
      'background, recording the',
      'cluster status to an HTML file',
      'well-known-hyphen word',
    ]);
    expect(textWrap('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa bb', 10)).toEqual(['aaaaaaaaaa', 'aaaaaaaaaa', 'aaaaaaaaaa', 'aaaaaaaaa', 'bb']);
    expect(textWrap('a-very-long-hyphenated-compound word', 12)).toEqual(['a-very-long-', 'hyphenated-', 'compound', 'word']);
  });
});
