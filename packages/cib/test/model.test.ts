// The typed readers on shared CIBs that exercise them: tags, id-refs, templates, bundles,
// promotable clones, fencing levels, alerts, and the status section.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  Cib,
  constraintResources,
  isPromotable,
  primitivesOf,
  readConfiguration,
  readStatus,
  resourceTree,
  unpackNvSets,
  type ResourceConfig,
} from '../src/index.js';
import { missingReason, sharedPath } from '../../../test/support/corpus.js';

const xmlDir = sharedPath('conformance', 'scheduler', 'xml');
const load = (name: string) => Cib.parse(readFileSync(join(xmlDir!, name), 'utf8'), name);
const ids = (rs: { id: string }[]) => rs.map((r) => r.id);

describe('typed model of shared CIBs', () => {
  if (!xmlDir) {
    it.skip(missingReason('conformance/scheduler/xml'), () => {});
    return;
  }

  it('reads tags and constraints that name them (tags-coloc-order-1)', () => {
    const config = readConfiguration(load('tags-coloc-order-1.xml'));
    expect(config.tags).toMatchObject([{ id: 'tag1', refs: ['rsc2', 'rsc3', 'rsc4'] }]);
    expect(config.constraints.map((c) => [c.kind, c.id, constraintResources(c)])).toEqual([
      ['colocation', 'tag1-colo-rsc1', ['tag1', 'rsc1']],
      ['order', 'rsc1-before-tag1', ['rsc1', 'tag1']],
    ]);
    expect(config.nodes.map((n) => [n.id, n.uname, n.type])).toEqual([
      ['node1', 'node1', 'member'],
      ['node2', 'node2', 'member'],
    ]);
    const options = unpackNvSets(config.crmConfig, {}, { firstId: 'cib-bootstrap-options' });
    expect(Object.fromEntries(options)).toEqual({ 'fencing-enabled': 'false', 'no-quorum-policy': 'ignore' });
  });

  it('follows an nvpair id-ref to its value (nvpair-id-ref)', () => {
    const config = readConfiguration(load('nvpair-id-ref.xml'));
    const rsc2 = config.resources.find((r) => r.id === 'rsc2')!;
    expect(rsc2.instance[0]!.pairs).toEqual([{ id: 'rsc1-instance_attributes-fake', name: 'fake', value: 'common-value' }]);
    const stonith = config.resources[0]!;
    expect(stonith).toMatchObject({ kind: 'primitive', class: 'stonith', type: 'null', provider: undefined });
    expect(rsc2.kind === 'primitive' && rsc2.operations.map((o) => [o.id, o.name, o.interval, o.intervalMs])).toEqual([['rsc2-monitor-10', 'monitor', '10', 10_000]]);
  });

  it('reads templates apart from resources, and primitives based on them (template-1)', () => {
    const config = readConfiguration(load('template-1.xml'));
    expect(ids(config.templates)).toEqual(['template1']);
    expect(config.templates[0]).toMatchObject({ kind: 'template', class: 'ocf', provider: 'pacemaker', type: 'Dummy' });
    expect(config.templates[0]!.utilization[0]!.pairs).toMatchObject([{ name: 'cpu', value: '1' }]);
    expect(config.resources.map((r) => r.kind === 'primitive' && [r.id, r.template, r.class])).toEqual([
      ['rsc1', 'template1', undefined],
      ['rsc2', 'template1', undefined],
    ]);
  });

  it('reads bundles with their container, network and primitive (bundle-interleave-start)', () => {
    const config = readConfiguration(load('bundle-interleave-start.xml'));
    const bundle = config.resources.find((r) => r.id === 'base-bundle')!;
    expect(bundle.kind).toBe('bundle');
    if (bundle.kind !== 'bundle') return;
    expect(bundle.container).toEqual({ technology: 'podman', attributes: { image: 'localhost/pcmktest:base', replicas: '3' } });
    expect(bundle.network?.get('control-port')).toBe('3121');
    expect(bundle.primitive?.operations.map((o) => [o.intervalMs, o.role])).toEqual([
      [15_000, 'Promoted'],
      [16_000, 'Unpromoted'],
    ]);
    expect(ids(primitivesOf(bundle))).toEqual(['base']);
  });

  it('recognises promotable clones written as clone with promotable=true (a-promote-then-b-migrate)', () => {
    const config = readConfiguration(load('a-promote-then-b-migrate.xml'));
    const clone = config.resources.find((r): r is Extract<ResourceConfig, { kind: 'clone' }> => r.kind === 'clone')!;
    expect(clone.id).toBe('ms1');
    expect(clone.legacyMaster).toBe(false);
    expect(isPromotable(clone)).toBe(true);
    expect(ids(resourceTree(clone))[0]).toBe('ms1');
  });

  it('recognises the legacy <master> as promotable', () => {
    const cib = Cib.parse(
      '<cib><configuration><resources><master id="ms"><primitive id="p" class="ocf" provider="linbit" type="drbd"/></master>' +
        '<clone id="c"><meta_attributes id="c-m"><nvpair id="c-m-p" name="promotable" value="false"/></meta_attributes><group id="g"><primitive id="q" class="lsb" type="x"/></group></clone>' +
        '</resources></configuration></cib>',
    );
    const [ms, c] = readConfiguration(cib).resources as [ResourceConfig, ResourceConfig];
    expect(ms.kind === 'clone' && [ms.legacyMaster, isPromotable(ms)]).toEqual([true, true]);
    expect(c.kind === 'clone' && isPromotable(c)).toBe(false);
    expect(ids(resourceTree(c))).toEqual(['c', 'g', 'q']);
  });

  it('reads op_defaults whose rules pick operations, with the timeouts Pacemaker gives (op-defaults)', () => {
    const { opDefaults } = readConfiguration(load('op-defaults.xml'));
    expect(opDefaults.map((s) => s.id)).toEqual(['op-defaults', 'op-dummy-defaults', 'op-monitor-defaults', 'op-monitor-interval-defaults']);
    const timeout = (type: string, name: string, intervalMs: number) =>
      unpackNvSets(opDefaults, { resourceAgent: { class: 'ocf', provider: type === 'Dummy' ? 'pacemaker' : 'heartbeat', type }, operation: { name, intervalMs } }, { overwrite: true }).get('timeout');
    // In the test's transition graph: IPaddr2 start 5000 ms, probe 7000, 10 s monitor 8000.
    expect([timeout('IPaddr2', 'start', 0), timeout('IPaddr2', 'monitor', 0), timeout('IPaddr2', 'monitor', 10_000)]).toEqual(['5s', '7s', '8s']);
    expect(timeout('Dummy', 'start', 0)).toBe('6s');
  });

  it('reads fencing levels and alerts (clone-requires-quorum)', () => {
    const config = readConfiguration(load('clone-requires-quorum.xml'));
    expect(config.fencingLevels[0]).toMatchObject({ id: 'cts-remote-rhel7-1.1', index: 1, target: 'remote-rhel7-1', devices: ['FencingFail'] });
    expect(config.fencingLevels.find((l) => l.targetAttribute !== undefined)).toMatchObject({ targetAttribute: 'cts-fencing', targetValue: 'levels-and' });
    expect(config.alerts).toMatchObject([{ id: 'alert-1', path: '/var/lib/pacemaker/notify.sh', recipients: [{ id: 'alert-1-recipient-1', value: '/run/crm/alert.log' }] }]);
  });

  it('reads node states, transient attributes and the operation history (bug-cl-5247)', () => {
    const status = readStatus(load('bug-cl-5247.xml').scope('status'));
    expect(status.length).toBe(4);
    const n4 = status.find((s) => s.uname === 'bl460g8n4')!;
    expect([n4.id, n4.inCcm, n4.crmd, n4.join, n4.expected, n4.remoteNode]).toEqual(['3232261400', 'true', 'online', 'member', 'member', false]);
    expect(unpackNvSets(n4.transientAttributes, {}).get('fail-count-pgsr02#monitor_10000')).toBe('1');
    const stonith = n4.lrmResources.find((r) => r.id === 'prmStonith1-2')!;
    expect([stonith.class, stonith.type]).toEqual(['stonith', 'external/ipmi']);
    expect(stonith.ops.map((o) => [o.id, o.operation, o.interval, o.callId, o.rcCode, o.opStatus])).toEqual([
      ['prmStonith1-2_last_0', 'start', 0, 31, 0, 0],
      ['prmStonith1-2_monitor_3600000', 'monitor', 3_600_000, 33, 0, 0],
    ]);
    expect(n4.lrmResources.find((r) => r.id === 'pgsr02')!.container).toBe('prmDB2');
  });
});
