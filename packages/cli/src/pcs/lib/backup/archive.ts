// Compression of backup tarballs. pcs writes .tar.bz2; the standard bzip2 tool compresses
// (Node has no bzip2 of its own), and reading also takes gzip and plain tar, as pcs does.

import { childProcess, zlib } from '@hacluster/cib';

export class ArchiveError extends Error {}

function bzip2(args: string[], input: Buffer): Buffer {
  const r = childProcess().spawnSync('bzip2', args, { input, maxBuffer: 1 << 30 });
  if (r.error) throw new ArchiveError(`cannot run bzip2: ${r.error.message}`);
  if (r.status !== 0) throw new ArchiveError(`bzip2 failed: ${r.stderr.toString().trim()}`);
  return r.stdout;
}

export function compress(tar: Buffer): Buffer {
  return bzip2(['-c'], tar);
}

export function decompress(data: Buffer): Buffer {
  if (data.subarray(0, 3).toString('latin1') === 'BZh') return bzip2(['-dc'], data);
  if (data[0] === 0x1f && data[1] === 0x8b) {
    try {
      return zlib().gunzipSync(data);
    } catch (e) {
      throw new ArchiveError(`damaged gzip data: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  return data;
}
