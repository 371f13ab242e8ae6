import { describe, expect, it } from 'vitest';
import {
  applyVersionBump,
  bumpEpoch,
  bumpNumUpdates,
  bumpVersionFor,
  Cib,
  compareCibVersions,
  formatVersion,
  readVersion,
  versionBumpFor,
} from '../src/index.js';

const CIB = `<cib admin_epoch="1" epoch="10" num_updates="4" validate-with="pacemaker-3.9" cib-last-written="Mon Jan  1 00:00:00 2024" have-quorum="1">
  <configuration>
    <crm_config/>
    <nodes/>
    <resources>
      <primitive id="a" class="ocf" provider="heartbeat" type="Dummy"/>
    </resources>
    <constraints/>
  </configuration>
  <status>
    <node_state id="1" uname="n1" crmd="online"/>
  </status>
</cib>
`;
const cib = (text = CIB) => Cib.parse(text);

describe('versions', () => {
  it('read (admin_epoch, epoch, num_updates), missing counters as 0', () => {
    expect(cib().version).toEqual({ adminEpoch: 1, epoch: 10, numUpdates: 4 });
    expect(Cib.parse('<cib/>').version).toEqual({ adminEpoch: 0, epoch: 0, numUpdates: 0 });
    expect(formatVersion(cib().version)).toBe('1.10.4');
  });

  it('order by admin_epoch, then epoch, then num_updates', () => {
    const v = (adminEpoch: number, epoch: number, numUpdates: number) => ({ adminEpoch, epoch, numUpdates });
    expect(compareCibVersions(v(1, 0, 0), v(0, 99, 99))).toBeGreaterThan(0);
    expect(compareCibVersions(v(0, 2, 0), v(0, 1, 99))).toBeGreaterThan(0);
    expect(compareCibVersions(v(0, 1, 3), v(0, 1, 4))).toBeLessThan(0);
    expect(compareCibVersions(v(0, 1, 4), v(0, 1, 4))).toBe(0);
    const sorted = [v(0, 1, 5), v(1, 0, 0), v(0, 2, 0), v(0, 1, 0)].sort(compareCibVersions).map(formatVersion);
    expect(sorted).toEqual(['0.1.0', '0.1.5', '0.2.0', '1.0.0']);
  });

  it('move epoch for a configuration change (resetting num_updates) and num_updates for a status change', () => {
    const c = cib();
    expect(bumpNumUpdates(c.root)).toEqual({ adminEpoch: 1, epoch: 10, numUpdates: 5 });
    expect(bumpEpoch(c.root)).toEqual({ adminEpoch: 1, epoch: 11, numUpdates: 0 });
    expect(readVersion(c.root)).toEqual({ adminEpoch: 1, epoch: 11, numUpdates: 0 });
    expect(applyVersionBump(c.root, 'none')).toEqual({ adminEpoch: 1, epoch: 11, numUpdates: 0 });
    // Only the counters' own attributes changed; the rest of the tag is written as before.
    expect(c.toXml()).toContain('<cib admin_epoch="1" epoch="11" num_updates="0" validate-with="pacemaker-3.9"');
  });
});

describe('which counter a change moves', () => {
  const change = (edit: (c: Cib) => void) => {
    const before = cib();
    const after = cib();
    edit(after);
    return versionBumpFor(before.root, after.root);
  };

  it('epoch when the configuration changed, or the schema', () => {
    expect(change((c) => c.scope('resources')!.first()!.set('type', 'Stateful'))).toBe('epoch');
    expect(change((c) => c.scope('resources')!.first()!.remove('provider'))).toBe('epoch');
    expect(change((c) => c.root.set('validate-with', 'pacemaker-3.10'))).toBe('epoch');
    expect(change((c) => c.ensureScope('tags'))).toBe('epoch');
  });

  it('num_updates when only the status (or a status-like root attribute) changed', () => {
    expect(change((c) => c.scope('status')!.first()!.set('crmd', 'offline'))).toBe('num_updates');
    expect(change((c) => c.root.set('have-quorum', '0'))).toBe('num_updates');
    expect(change((c) => c.root.set('dc-uuid', '1'))).toBe('num_updates');
  });

  it('none for the same content: layout, attribute order, the counters and write stamps', () => {
    expect(versionBumpFor(cib().root, cib(CIB.replace(/>\s+</g, '><')).root)).toBe('none');
    expect(versionBumpFor(cib().root, cib(CIB.replace('class="ocf" provider="heartbeat"', 'provider="heartbeat" class="ocf"')).root)).toBe('none');
    expect(change((c) => c.root.set('epoch', '99'))).toBe('none');
    expect(change((c) => c.root.set('cib-last-written', 'Tue Jan  2 00:00:00 2024'))).toBe('none');
  });

  it('gives the new CIB the version that follows the old one, keeping a raised admin_epoch', () => {
    const before = cib();
    const after = cib();
    after.scope('resources')!.first()!.set('type', 'Stateful');
    after.root.set('epoch', '3'); // whatever the edited copy says, the count goes on from before
    expect(bumpVersionFor(before.root, after.root)).toBe('epoch');
    expect(after.version).toEqual({ adminEpoch: 1, epoch: 11, numUpdates: 0 });
    const status = cib();
    status.scope('status')!.first()!.set('crmd', 'offline');
    bumpVersionFor(before.root, status.root);
    expect(status.version).toEqual({ adminEpoch: 1, epoch: 10, numUpdates: 5 });
    const admin = cib();
    admin.root.set('admin_epoch', '5');
    expect(bumpVersionFor(before.root, admin.root)).toBe('none');
    expect(admin.version).toEqual({ adminEpoch: 5, epoch: 10, numUpdates: 4 });
  });
});
