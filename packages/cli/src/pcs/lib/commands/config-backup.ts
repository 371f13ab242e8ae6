// `pcs config backup` / `config restore` on files: the CIB given with -f and the corosync.conf
// given with --corosync_conf, in the tarball layout pcs uses (version.txt, cib.xml,
// corosync.conf), so backups move between our pcs and the real one.

import { readFileSync } from 'node:fs';
import { writeFileAtomic } from '@hacluster/cib';
import { ArchiveError, compress, decompress } from '../backup/archive.js';
import { readTar, TarFormatError, writeTar, type TarEntry } from '../backup/tar.js';
import type { LibraryEnvironment } from '../env.js';
import { error, LibraryError, warning } from '../reports/item.js';

/** The backup layout version pcs writes and reads. */
export const BACKUP_VERSION = 1;

function fail(reason: string): never {
  throw new LibraryError(error({ code: 'BACKUP_ERROR', reason }));
}

function read(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (e) {
    throw new LibraryError(error({ code: 'FILE_IO_ERROR', file, operation: 'read', reason: e instanceof Error ? e.message : String(e) }));
  }
}

export function configBackup(env: LibraryEnvironment, now = Math.floor(Date.now() / 1000)): Buffer {
  const cibFile = env.cibFile;
  if (cibFile === undefined) throw new LibraryError(error({ code: 'LIVE_CLUSTER_NOT_AVAILABLE', command: 'config backup' }));
  env.getCib('config backup'); // a file that is not a CIB is not backed up
  const entries: TarEntry[] = [
    { name: 'version.txt', data: Buffer.from(String(BACKUP_VERSION)), mode: 0o644, mtime: now },
    { name: 'cib.xml', data: read(cibFile), mode: 0o600, mtime: now, uname: 'hacluster', gname: 'haclient' },
  ];
  const corosync = env.corosyncConfFile;
  if (corosync !== undefined) entries.push({ name: 'corosync.conf', data: read(corosync), mode: 0o644, mtime: now });
  try {
    return compress(writeTar(entries));
  } catch (e) {
    if (e instanceof ArchiveError) fail(e.message);
    throw e;
  }
}

export function configRestore(env: LibraryEnvironment, archive: Buffer): void {
  const cibFile = env.cibFile;
  if (cibFile === undefined) throw new LibraryError(error({ code: 'LIVE_CLUSTER_NOT_AVAILABLE', command: 'config restore' }));
  let files: Map<string, Buffer>;
  try {
    files = readTar(decompress(archive));
  } catch (e) {
    if (e instanceof ArchiveError || e instanceof TarFormatError) fail(`the tarball cannot be read: ${e.message}`);
    throw e;
  }
  const versionText = files.get('version.txt')?.toString().trim();
  const version = versionText !== undefined && /^[0-9]+$/.test(versionText) ? Number(versionText) : undefined;
  if (version === undefined) fail('the tarball does not say which backup version it is (version.txt)');
  if (version > BACKUP_VERSION) fail(`backup version ${version} is newer than this pcs reads (${BACKUP_VERSION})`);
  if (version < BACKUP_VERSION) env.reports.report(warning({ code: 'BACKUP_OLD_VERSION', version, supported: BACKUP_VERSION }));
  const missing = ['cib.xml', ...(env.corosyncConfFile !== undefined ? ['corosync.conf'] : [])].filter((f) => !files.has(f));
  if (missing.length) fail(`the tarball lacks ${missing.join(' and ')}`);
  try {
    writeFileAtomic(cibFile, files.get('cib.xml')!.toString('utf8'));
    if (env.corosyncConfFile !== undefined) writeFileAtomic(env.corosyncConfFile, files.get('corosync.conf')!.toString('utf8'));
  } catch (e) {
    throw new LibraryError(error({ code: 'FILE_IO_ERROR', file: cibFile, operation: 'write', reason: e instanceof Error ? e.message : String(e) }));
  }
}
