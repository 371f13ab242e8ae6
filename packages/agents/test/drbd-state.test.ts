import { describe, expect, it } from 'vitest';
import { parseEvents2, promotionScore, type DrbdStatus } from '../src/builtin/drbd/state.js';

const EVENTS = `exists resource name:r0 role:Secondary suspended:no force-io-failures:no may_promote:no promotion_score:10101
exists connection name:r0 peer-node-id:1 conn-name:node2 connection:Connected role:Primary
exists device name:r0 volume:0 minor:0 backing_dev:/dev/loop7 disk:UpToDate client:no quorum:yes
exists device name:r0 volume:1 minor:1 backing_dev:/dev/loop8 disk:Consistent client:no quorum:yes
exists peer-device name:r0 peer-node-id:1 conn-name:node2 volume:0 replication:Established peer-disk:UpToDate resync-suspended:no
exists peer-device name:r0 peer-node-id:1 conn-name:node2 volume:1 replication:Established peer-disk:Outdated resync-suspended:no
exists -
`;
const opts = { adjust: [0, 10, 1000, 10000] as [number, number, number, number], removeIfPeerPrimary: 'false' as const };

describe('drbd state', () => {
  it('reads drbdsetup events2 --now, volumes counting as their worst disk state', () => {
    expect(parseEvents2(EVENTS, 'r0')).toEqual({
      configured: true,
      role: 'Secondary',
      disk: 'Consistent',
      peers: [{ name: 'node2', connection: 'Connected', role: 'Primary', peerDisk: 'Outdated' }],
    });
    expect(parseEvents2('exists -\n', 'r0').configured).toBe(false);
    expect(parseEvents2(EVENTS, 'r1').configured).toBe(false);
  });

  it('scores UpToDate data highest when the peer is known, lower when not, Consistent and remote data lower still', () => {
    const base: DrbdStatus = { configured: true, role: 'Secondary', disk: 'UpToDate', peers: [{ name: 'p', connection: 'Connected', role: 'Secondary', peerDisk: 'UpToDate' }] };
    expect(promotionScore(base, opts)).toBe(10000);
    expect(promotionScore({ ...base, peers: [] }, opts)).toBe(1000);
    expect(promotionScore({ ...base, role: 'Primary', disk: 'Diskless' }, opts)).toBe(10000);
    expect(promotionScore({ ...base, disk: 'Consistent' }, { ...opts, adjust: [5, 10, 1000, 10000] })).toBe(5);
    expect(promotionScore({ ...base, disk: 'Diskless' }, opts)).toBe(10);
    // Outdated or Inconsistent data of its own: only through an UpToDate peer.
    expect(promotionScore({ ...base, disk: 'Outdated' }, opts)).toBe(10);
    expect(promotionScore({ ...base, disk: 'Outdated', peers: [] }, opts)).toBe(0);
    expect(promotionScore({ ...base, disk: 'Inconsistent', peers: [] }, opts)).toBe(0);
    expect(promotionScore({ ...base, configured: false }, opts)).toBe(0);
    const peerPrimary = { ...base, peers: [{ ...base.peers[0]!, role: 'Primary' as const }] };
    expect(promotionScore(peerPrimary, opts)).toBe(10000);
    expect(promotionScore(peerPrimary, { ...opts, removeIfPeerPrimary: 'true' })).toBe(0);
  });
});
