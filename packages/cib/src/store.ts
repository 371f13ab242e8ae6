// CIB files on disk. Writes are atomic (temporary file, fsync, rename, fsync of the directory), so
// a crash at any instant leaves the old CIB or the new one, never a torn one. Each replaced
// version is kept as a numbered backup (cib-N.raw, as Pacemaker keeps them), and a CIB is not
// overwritten by an older one unless that is forced.

import { closeSync, fsyncSync, openSync, readFileSync, renameSync, writeSync, existsSync, readdirSync, unlinkSync, copyFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { Cib } from './cib.js';
import { CibError } from './errors.js';
import { compareCibVersions, formatVersion } from './version.js';

/** Reads and parses a CIB file; unreadable and malformed files are CibErrors naming the file. */
export function readCibFile(file: string): Cib {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new CibError({ code: 'FILE_UNREADABLE', file, reason: reasonOf(e) });
  }
  return Cib.parse(text, file);
}

export interface WriteOptions {
  /** Write even when the stored CIB has a higher version. */
  force?: boolean;
  /** Keep this many numbered backups of replaced versions (0: none). Default 0. */
  backups?: number;
}

/** Writes `text` to `file` atomically. */
export function writeFileAtomic(file: string, text: string): void {
  const dir = dirname(file);
  const tmp = join(dir, `.${basename(file)}.${process.pid}.${Date.now()}.tmp`);
  try {
    const fd = openSync(tmp, 'w', 0o600);
    try {
      const buf = Buffer.from(text, 'utf8');
      let off = 0;
      while (off < buf.length) off += writeSync(fd, buf, off, buf.length - off);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, file);
    const dfd = openSync(dir, 'r');
    try {
      fsyncSync(dfd);
    } finally {
      closeSync(dfd);
    }
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      // nothing left behind to clean
    }
    throw new CibError({ code: 'FILE_UNWRITABLE', file, reason: reasonOf(e) });
  }
}

/**
 * Writes a CIB to a file: refuses when the file holds a newer CIB (unless forced), keeps
 * numbered backups if asked, and replaces the file atomically.
 */
export function writeCibFile(file: string, cib: Cib, options: WriteOptions = {}): void {
  if (existsSync(file) && !options.force) {
    let stored: Cib | undefined;
    try {
      stored = readCibFile(file);
    } catch {
      stored = undefined; // an unreadable file is not a newer CIB
    }
    if (stored && compareCibVersions(stored.version, cib.version) > 0) {
      throw new CibError({
        code: 'OLDER_THAN_STORED',
        file,
        offered: formatVersion(cib.version),
        stored: formatVersion(stored.version),
      });
    }
  }
  if (options.backups && existsSync(file)) keepBackup(file, options.backups);
  writeFileAtomic(file, cib.toXml());
}

/** Copies the current file to the next `<name>-N.raw` and drops the oldest beyond `keep`. */
function keepBackup(file: string, keep: number): void {
  const dir = dirname(file);
  const stem = basename(file).replace(/\.xml$/, '');
  const pattern = new RegExp(`^${stem.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-(\\d+)\\.raw$`);
  const numbers = readdirSync(dir)
    .map((f) => pattern.exec(f))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => Number(m[1]))
    .sort((a, b) => a - b);
  const next = (numbers[numbers.length - 1] ?? -1) + 1;
  const target = join(dir, `${stem}-${next}.raw`);
  copyFileSync(file, target);
  const fd = openSync(target, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  const all = [...numbers, next];
  for (const n of all.slice(0, Math.max(0, all.length - keep))) unlinkSync(join(dir, `${stem}-${n}.raw`));
}

function reasonOf(e: unknown): string {
  if (e && typeof e === 'object' && 'code' in e) {
    const code = (e as { code: string }).code;
    if (code === 'ENOENT') return 'no such file';
    if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
    if (code === 'EISDIR') return 'it is a directory';
  }
  return e instanceof Error ? e.message : String(e);
}
