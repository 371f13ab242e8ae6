// A DRBD resource's state as both backends see it (from `drbdsetup events2 --now` or from the
// sandbox's files), and the promotion score the drbd agent derives from it.

export type DrbdRole = 'Primary' | 'Secondary' | 'Unknown';

export interface DrbdPeer {
  name: string;
  connection: string;
  role: DrbdRole;
  /** Worst disk state of the peer's volumes (UpToDate, Consistent, Outdated, DUnknown...). */
  peerDisk: string;
}

export interface DrbdStatus {
  /** The resource exists in the kernel (is "up"). */
  configured: boolean;
  role: DrbdRole;
  /** Worst disk state of the local volumes. */
  disk: string;
  peers: DrbdPeer[];
}

/** Disk states from worst to best; several volumes count as their worst. */
const DISK_ORDER = ['Diskless', 'Attaching', 'Detaching', 'Failed', 'Negotiating', 'Inconsistent', 'Outdated', 'DUnknown', 'Consistent', 'UpToDate'];

export function worseDisk(a: string, b: string): string {
  const ia = DISK_ORDER.indexOf(a);
  const ib = DISK_ORDER.indexOf(b);
  return (ia < 0 ? 0 : ia) <= (ib < 0 ? 0 : ib) ? a : b;
}

function role(v: string | undefined): DrbdRole {
  return v === 'Primary' || v === 'Secondary' ? v : 'Unknown';
}

/** Parses `drbdsetup events2 --now <res>` (lines of `exists <object> key:value...`). */
export function parseEvents2(text: string, resource: string): DrbdStatus {
  const status: DrbdStatus = { configured: false, role: 'Unknown', disk: 'Diskless', peers: [] };
  let firstDisk = true;
  const peers = new Map<string, DrbdPeer>();
  for (const line of text.split('\n')) {
    const words = line.trim().split(/\s+/);
    if (words[0] !== 'exists' || words.length < 2) continue;
    const kv = Object.fromEntries(words.slice(2).filter((w) => w.includes(':')).map((w) => [w.slice(0, w.indexOf(':')), w.slice(w.indexOf(':') + 1)]));
    if (kv['name'] !== undefined && kv['name'] !== resource) continue;
    const peerKey = kv['conn-name'] ?? kv['peer-node-id'] ?? '';
    switch (words[1]) {
      case 'resource':
        status.configured = true;
        status.role = role(kv['role']);
        break;
      case 'device':
        status.disk = firstDisk ? (kv['disk'] ?? 'Diskless') : worseDisk(status.disk, kv['disk'] ?? 'Diskless');
        firstDisk = false;
        break;
      case 'connection': {
        const p = peers.get(peerKey) ?? { name: peerKey, connection: 'StandAlone', role: 'Unknown', peerDisk: 'DUnknown' };
        p.connection = kv['connection'] ?? p.connection;
        p.role = role(kv['role']);
        peers.set(peerKey, p);
        break;
      }
      case 'peer-device': {
        const p = peers.get(peerKey) ?? { name: peerKey, connection: 'StandAlone', role: 'Unknown', peerDisk: 'DUnknown' };
        p.peerDisk = p.peerDisk === 'DUnknown' ? (kv['peer-disk'] ?? 'DUnknown') : worseDisk(p.peerDisk, kv['peer-disk'] ?? 'DUnknown');
        peers.set(peerKey, p);
        break;
      }
    }
  }
  status.peers = [...peers.values()];
  return status;
}

export interface ScoreOptions {
  /** adjust_master_score: consistent-only, remote-uptodate, local-uptodate-peer-unknown, best. */
  adjust: [number, number, number, number];
  removeIfPeerPrimary: 'false' | 'true' | 'unexpected';
}

export function parseAdjustScores(text: string): [number, number, number, number] | undefined {
  const n = text.trim().split(/\s+/).map(Number);
  return n.length === 4 && n.every((x) => Number.isInteger(x)) ? (n as [number, number, number, number]) : undefined;
}

/**
 * The promotion score for this node (0 or less: no score, never promote here). UpToDate data
 * wins, more so when the peer's state is known; Consistent data or UpToDate data only through a
 * peer rank below; Outdated, Inconsistent or no data never get promoted.
 */
export function promotionScore(s: DrbdStatus, o: ScoreOptions): number {
  if (!s.configured) return 0;
  const [consistentOnly, remoteUpToDate, localPeerUnknown, best] = o.adjust;
  const peerPrimary = s.peers.some((p) => p.role === 'Primary' && p.connection === 'Connected');
  if (peerPrimary && o.removeIfPeerPrimary === 'true' && s.role !== 'Primary') return 0;
  if (s.role === 'Primary') return best;
  if (s.disk === 'UpToDate') {
    const peerKnown = s.peers.some((p) => p.connection === 'Connected' && p.peerDisk !== 'DUnknown');
    return peerKnown ? best : localPeerUnknown;
  }
  if (s.disk === 'Consistent') return consistentOnly;
  if (s.peers.some((p) => p.connection === 'Connected' && p.peerDisk === 'UpToDate')) return remoteUpToDate;
  return 0;
}
