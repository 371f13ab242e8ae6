// CIB files on disk. Writes are atomic (a temporary file beside the target, written and fsynced,
// renamed over the target, then the directory fsynced), so a crash at any instant leaves the old
// CIB or the new one, never a torn one. Each replaced version can be kept as a numbered backup
// (cib-N.raw beside cib.xml, as Pacemaker keeps them), and a CIB is not overwritten by an older
// one unless that is forced.

import {
  closeSync,
  copyFileSync,
  existsSync,
  fsyncSync,
  linkSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  realpathSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { Cib } from './cib.js';
import { CibError } from './errors.js';
import { compareCibVersions, formatVersion, readVersion, type CibVersion } from './version.js';
import { parseXml } from './xml/parse.js';

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

/**
 * Writes `text` to `file` atomically. A symbolic link is followed (the file it names is
 * replaced, the link stays). The file keeps its permissions; a new one is made readable by its
 * owner only, as Pacemaker keeps CIBs (they may hold fencing passwords).
 */
export function writeFileAtomic(file: string, text: string): void {
  const target = existsSync(file) ? realpathSync(file) : file;
  const dir = dirname(target);
  removeStaleTemporaries(target);
  const tmp = join(dir, `${temporaryPrefix(target)}${process.pid}.${Date.now()}.tmp`);
  try {
    const mode = existsSync(target) ? statSync(target).mode & 0o7777 : 0o600;
    // 'wx': never through a file (or link) that is already there.
    const fd = openSync(tmp, 'wx', mode);
    try {
      const buf = Buffer.from(text, 'utf8');
      let off = 0;
      while (off < buf.length) off += writeSync(fd, buf, off, buf.length - off);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, target);
    fsyncDirectory(dir);
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      // nothing left behind to clean
    }
    throw new CibError({ code: 'FILE_UNWRITABLE', file, reason: reasonOf(e) });
  }
}

function temporaryPrefix(target: string): string {
  return `.${basename(target)}.`;
}

/** Temporary files of writers that died before renaming (their process is gone) are removed. */
function removeStaleTemporaries(target: string): void {
  const dir = dirname(target);
  const prefix = temporaryPrefix(target);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith('.tmp')) continue;
    const pid = Number(name.slice(prefix.length).split('.')[0]);
    if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid || isAlive(pid)) continue;
    try {
      unlinkSync(join(dir, name));
    } catch {
      // another writer got there first
    }
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function fsyncDirectory(dir: string): void {
  const dfd = openSync(dir, 'r');
  try {
    fsyncSync(dfd);
  } finally {
    closeSync(dfd);
  }
}

/**
 * The version a CIB file holds, read from its root tag alone (a stored CIB can be tens of
 * megabytes), or undefined when the file is missing or holds no readable CIB.
 */
export function readStoredVersion(file: string): CibVersion | undefined {
  let head: string;
  try {
    const fd = openSync(file, 'r');
    try {
      const buf = Buffer.alloc(64 * 1024);
      head = buf.toString('utf8', 0, readSync(fd, buf, 0, buf.length, 0));
    } finally {
      closeSync(fd);
    }
  } catch {
    return undefined;
  }
  const tag = rootStartTag(head);
  try {
    if (tag !== undefined) return readVersion(parseXml(tag + '/>').root);
  } catch {
    // not a well-formed tag after all: read the whole file below
  }
  try {
    return readCibFile(file).version;
  } catch {
    return undefined;
  }
}

/**
 * The root element's start tag without its `>` (`<cib a="1"`), found after the prolog (XML
 * declaration, comments, processing instructions, DOCTYPE); undefined when it is not in `head`.
 */
function rootStartTag(head: string): string | undefined {
  let i = 0;
  for (;;) {
    while (i < head.length && /[\s\uFEFF]/.test(head[i]!)) i++;
    const skipTo = (end: string) => {
      const e = head.indexOf(end, i);
      return e < 0 ? -1 : e + end.length;
    };
    if (head.startsWith('<?', i)) i = skipTo('?>');
    else if (head.startsWith('<!--', i)) i = skipTo('-->');
    else if (head.startsWith('<!DOCTYPE', i)) i = skipTo('>');
    else break;
    if (i < 0) return undefined;
  }
  if (!head.startsWith('<cib', i)) return undefined;
  let quote = '';
  for (let j = i + 4; j < head.length; j++) {
    const c = head[j]!;
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return head.slice(i, head[j - 1] === '/' ? j - 1 : j);
  }
  return undefined;
}

/**
 * Writes a CIB to a file: refuses when the file holds a newer CIB (unless forced), keeps
 * numbered backups if asked, and replaces the file atomically.
 */
export function writeCibFile(file: string, cib: Cib, options: WriteOptions = {}): void {
  if (!options.force) {
    const stored = readStoredVersion(file);
    if (stored && compareCibVersions(stored, cib.version) > 0) {
      throw new CibError({ code: 'OLDER_THAN_STORED', file, offered: formatVersion(cib.version), stored: formatVersion(stored) });
    }
  }
  if (options.backups && existsSync(file)) keepBackup(realpathSync(file), options.backups);
  writeFileAtomic(file, cib.toXml());
}

/** The numbered backups of a CIB file, oldest first: [number, path]. */
export function listBackups(file: string): [number, string][] {
  const dir = dirname(file);
  const stem = backupStem(file);
  const pattern = new RegExp(`^${stem.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-(\\d+)\\.raw$`);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .map((f) => pattern.exec(f))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m): [number, string] => [Number(m[1]), join(dir, m[0])])
    .sort((a, b) => a[0] - b[0]);
}

/** cib.xml keeps cib-N.raw: the name without .xml. */
function backupStem(file: string): string {
  return basename(file).replace(/\.xml$/, '');
}

/**
 * Keeps the current file as the next `<name>-N.raw` and drops the oldest beyond `keep`. The
 * backup is a hard link to the current file (which the write then replaces by rename), so it is
 * whole at every instant; where links are not possible it is copied atomically.
 */
function keepBackup(file: string, keep: number): void {
  const existing = listBackups(file);
  const next = (existing[existing.length - 1]?.[0] ?? -1) + 1;
  const target = join(dirname(file), `${backupStem(file)}-${next}.raw`);
  try {
    linkSync(file, target);
    fsyncDirectory(dirname(file));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'EPERM' && code !== 'EXDEV' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP') {
      throw new CibError({ code: 'FILE_UNWRITABLE', file: target, reason: reasonOf(e) });
    }
    const tmp = `${target}.${process.pid}.tmp`;
    copyFileSync(file, tmp);
    const fd = openSync(tmp, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, target);
    fsyncDirectory(dirname(file));
  }
  const all = [...existing.map(([n]) => n), next];
  for (const n of all.slice(0, Math.max(0, all.length - keep))) {
    try {
      unlinkSync(join(dirname(file), `${backupStem(file)}-${n}.raw`));
    } catch {
      // already gone
    }
  }
}

function reasonOf(e: unknown): string {
  if (e && typeof e === 'object' && 'code' in e) {
    const code = (e as { code: string }).code;
    if (code === 'ENOENT') return 'no such file or directory';
    if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
    if (code === 'EISDIR') return 'it is a directory';
    if (code === 'ENOTDIR') return 'a part of the path is not a directory';
    if (code === 'ENOSPC') return 'no space left on the device';
  }
  return e instanceof Error ? e.message : String(e);
}
