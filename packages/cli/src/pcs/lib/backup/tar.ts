// The tar format pcs backups use (POSIX ustar, regular files only): writing and reading.

export interface TarEntry {
  name: string;
  data: Buffer;
  mode: number;
  mtime: number;
  uname?: string;
  gname?: string;
}

const BLOCK = 512;

function octal(n: number, width: number): string {
  return n.toString(8).padStart(width - 1, '0') + '\0';
}

function header(e: TarEntry): Buffer {
  const h = Buffer.alloc(BLOCK);
  const put = (text: string, at: number, width: number) => h.write(text.slice(0, width), at, width, 'utf8');
  put(e.name, 0, 100);
  put(octal(e.mode, 8), 100, 8);
  put(octal(0, 8), 108, 8);
  put(octal(0, 8), 116, 8);
  put(octal(e.data.length, 12), 124, 12);
  put(octal(e.mtime, 12), 136, 12);
  h.fill(' ', 148, 156); // checksum counts as spaces while it is computed
  put('0', 156, 1);
  put('ustar\0', 257, 6);
  put('00', 263, 2);
  put(e.uname ?? 'root', 265, 32);
  put(e.gname ?? 'root', 297, 32);
  let sum = 0;
  for (const b of h) sum += b;
  put(sum.toString(8).padStart(6, '0') + '\0 ', 148, 8);
  return h;
}

export function writeTar(entries: readonly TarEntry[]): Buffer {
  const parts: Buffer[] = [];
  for (const e of entries) {
    parts.push(header(e), e.data);
    const pad = (BLOCK - (e.data.length % BLOCK)) % BLOCK;
    if (pad) parts.push(Buffer.alloc(pad));
  }
  parts.push(Buffer.alloc(BLOCK * 2));
  return Buffer.concat(parts);
}

export class TarFormatError extends Error {}

/** Regular files of a tar archive, by name. */
export function readTar(archive: Buffer): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  let at = 0;
  while (at + BLOCK <= archive.length) {
    const h = archive.subarray(at, at + BLOCK);
    if (h.every((b) => b === 0)) break;
    const field = (from: number, width: number) => h.subarray(from, from + width).toString('utf8').replace(/\0.*$/s, '');
    const stored = Number.parseInt(field(148, 8).trim() || 'x', 8);
    let sum = 0;
    for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : h[i]!;
    if (!Number.isFinite(stored) || stored !== sum) throw new TarFormatError(`damaged header at byte ${at}`);
    const prefix = field(345, 155);
    const name = (prefix ? prefix + '/' : '') + field(0, 100);
    const size = Number.parseInt(field(124, 12).trim() || '0', 8);
    const type = field(156, 1) || '0';
    at += BLOCK;
    if (at + size > archive.length) throw new TarFormatError(`'${name}' is cut short`);
    if (type === '0') out.set(name.replace(/^\.\//, ''), Buffer.from(archive.subarray(at, at + size)));
    at += Math.ceil(size / BLOCK) * BLOCK;
  }
  return out;
}
