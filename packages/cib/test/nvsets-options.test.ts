import { describe, expect, it } from 'vitest';
import {
  buildIdIndex,
  canonicalOptionName,
  findClusterOption,
  isLegacyRoleName,
  parseBoolean,
  parseRole,
  parseXml,
  readNvSets,
  resolveClusterOptions,
  roleRank,
  sortNvSets,
  unpackNvSets,
} from '../src/index.js';

const sets = (xml: string) => {
  const doc = parseXml(xml);
  return readNvSets(doc.root.first('primitive') ?? doc.root, 'meta_attributes', buildIdIndex(doc.root));
};

describe('name/value sets', () => {
  const xml = `<resources>
    <primitive id="p">
      <meta_attributes id="low"><nvpair id="l1" name="target-role" value="Stopped"/><nvpair id="l2" name="is-managed" value="false"/></meta_attributes>
      <meta_attributes id="high" score="100"><nvpair id="h1" name="target-role" value="Started"/></meta_attributes>
      <meta_attributes id="ruled" score="1000"><rule id="r"><expression id="e" attribute="#uname" operation="eq" value="node2"/></rule><nvpair id="r1" name="target-role" value="Promoted"/></meta_attributes>
      <meta_attributes id="mid" score="10"><nvpair id="m1" name="is-managed" value="true"/><nvpair id="m2" name="priority" value="5"/></meta_attributes>
      <meta_attributes id-ref="shared"/>
    </primitive>
    <template id="t"><meta_attributes id="shared" score="-5"><nvpair id="s1" name="priority" value="1"/><nvpair id="s2" name="resource-stickiness" value="7"/></meta_attributes></template>
  </resources>`;

  it('applies sets by descending score, document order breaking ties, skipping sets whose rule fails', () => {
    const read = sets(xml);
    expect(sortNvSets(read).map((s) => s.id ?? s.idRef)).toEqual(['ruled', 'high', 'mid', 'low', 'shared']);
    const onNode1 = unpackNvSets(read, { nodeAttributes: new Map([['#uname', 'node1']]) });
    expect(Object.fromEntries(onNode1)).toEqual({ 'target-role': 'Started', 'is-managed': 'true', priority: '5', 'resource-stickiness': '7' });
    const onNode2 = unpackNvSets(read, { nodeAttributes: new Map([['#uname', 'node2']]) });
    expect(onNode2.get('target-role')).toBe('Promoted');
  });

  it('follows a set id-ref to the set it names', () => {
    const shared = sets(xml).find((s) => s.idRef === 'shared')!;
    expect(shared.score).toBe(-5);
    expect(shared.pairs.map((p) => p.name)).toEqual(['priority', 'resource-stickiness']);
  });

  it('puts a named first set ahead whatever its score (cib-bootstrap-options)', () => {
    const props = readNvSets(
      parseXml(`<crm_config>
        <cluster_property_set id="other" score="100"><nvpair id="o1" name="no-quorum-policy" value="freeze"/></cluster_property_set>
        <cluster_property_set id="cib-bootstrap-options"><nvpair id="b1" name="no-quorum-policy" value="stop"/></cluster_property_set>
      </crm_config>`).root,
      'cluster_property_set',
    );
    expect(unpackNvSets(props, {}).get('no-quorum-policy')).toBe('freeze');
    expect(unpackNvSets(props, {}, { firstId: 'cib-bootstrap-options' }).get('no-quorum-policy')).toBe('stop');
  });

  it("applies sets the other way round in Pacemaker's overwrite mode: the last of equal sets wins (op-defaults)", () => {
    const opDefaults = readNvSets(
      parseXml(`<op_defaults>
        <meta_attributes id="op-defaults"><nvpair id="t1" name="timeout" value="5s"/></meta_attributes>
        <meta_attributes id="op-monitor-defaults"><rule id="r1" score="INFINITY"><op_expression id="e1" name="monitor"/></rule><nvpair id="t2" name="timeout" value="7s"/></meta_attributes>
        <meta_attributes id="op-monitor-interval-defaults"><rule id="r2" score="INFINITY"><op_expression id="e2" name="monitor" interval="10s"/></rule><nvpair id="t3" name="timeout" value="8s"/></meta_attributes>
        <meta_attributes id="low" score="-1"><nvpair id="t4" name="timeout" value="1s"/><nvpair id="r" name="record-pending" value="true"/></meta_attributes>
      </op_defaults>`).root,
      'meta_attributes',
    );
    // The timeouts Pacemaker gives in the scheduler test op-defaults: 5s, 7s and 8s.
    const timeout = (name: string, intervalMs: number) => unpackNvSets(opDefaults, { operation: { name, intervalMs } }, { overwrite: true }).get('timeout');
    expect([timeout('start', 0), timeout('monitor', 0), timeout('monitor', 10_000)]).toEqual(['5s', '7s', '8s']);
    expect(sortNvSets(opDefaults, { overwrite: true }).map((s) => s.id)).toEqual(['low', 'op-defaults', 'op-monitor-defaults', 'op-monitor-interval-defaults']);
    expect(sortNvSets(opDefaults, { overwrite: true, firstId: 'op-defaults' }).map((s) => s.id).at(-1)).toBe('op-defaults');
    // Without overwrite the first set gives the value.
    expect(unpackNvSets(opDefaults, { operation: { name: 'monitor', intervalMs: 10_000 } }).get('timeout')).toBe('5s');
  });

  it('takes a value back with #default', () => {
    const read = readNvSets(
      parseXml(`<x>
        <meta_attributes id="a" score="2"><nvpair id="a1" name="target-role" value="Stopped"/></meta_attributes>
        <meta_attributes id="b" score="1"><nvpair id="b1" name="target-role" value="#default"/></meta_attributes>
      </x>`).root,
      'meta_attributes',
    );
    expect(unpackNvSets(read, {}).has('target-role')).toBe(false);
  });

  it('keeps values already given', () => {
    const into = new Map([['priority', '99']]);
    unpackNvSets(sets(xml), {}, {}, into);
    expect(into.get('priority')).toBe('99');
  });
});

describe('cluster options in both vocabularies', () => {
  it('maps legacy names to current ones', () => {
    expect(canonicalOptionName('stonith-enabled')).toBe('fencing-enabled');
    expect(canonicalOptionName('stop-orphan-resources')).toBe('stop-removed-resources');
    expect(canonicalOptionName('crmd-transition-delay')).toBe('transition-delay');
    expect(canonicalOptionName('no-quorum-policy')).toBe('no-quorum-policy');
    expect(canonicalOptionName('my-own-option')).toBe('my-own-option');
    expect(findClusterOption('stonith-timeout')).toMatchObject({ name: 'fencing-timeout', type: 'duration', default: '60s' });
  });

  it('lets a value under the current name win over one under a legacy name, in any order', () => {
    expect(Object.fromEntries(resolveClusterOptions([['stonith-enabled', 'false']]))).toEqual({ 'fencing-enabled': 'false' });
    expect(resolveClusterOptions([['stonith-enabled', 'false'], ['fencing-enabled', 'true']]).get('fencing-enabled')).toBe('true');
    expect(resolveClusterOptions([['fencing-enabled', 'true'], ['stonith-enabled', 'false']]).get('fencing-enabled')).toBe('true');
    // Among values of one name, the first (from the set of highest precedence) wins.
    expect(resolveClusterOptions([['stonith-action', 'off'], ['stonith-action', 'reboot']]).get('fencing-action')).toBe('off');
  });

  it("reads booleans in Pacemaker's spellings", () => {
    expect(['yes', 'TRUE', 'on', 'y', '1'].map(parseBoolean)).toEqual([true, true, true, true, true]);
    expect(['no', 'False', 'OFF', 'n', '0'].map(parseBoolean)).toEqual([false, false, false, false, false]);
    expect(parseBoolean('maybe')).toBeUndefined();
  });
});

describe('roles in both vocabularies', () => {
  it('reads Master/Slave as Promoted/Unpromoted and ranks roles', () => {
    expect(['Master', 'slave', 'Promoted', 'Unpromoted', 'Started', 'Stopped', 'Boss'].map(parseRole)).toEqual([
      'Promoted',
      'Unpromoted',
      'Promoted',
      'Unpromoted',
      'Started',
      'Stopped',
      undefined,
    ]);
    expect(isLegacyRoleName('Master')).toBe(true);
    expect(isLegacyRoleName('Promoted')).toBe(false);
    expect(roleRank('Promoted')).toBeGreaterThan(roleRank('Unpromoted'));
    expect(roleRank('Unpromoted')).toBeGreaterThan(roleRank('Started'));
    expect(roleRank('Started')).toBeGreaterThan(roleRank('Stopped'));
  });
});
