// config backup / restore on files, and the tar format underneath.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { readTar, writeTar } from '../../src/pcs/lib/backup/tar.js';
import { configBackup, configRestore } from '../../src/pcs/lib/commands/config-backup.js';
import { setProperties } from '../../src/pcs/lib/commands/property.js';
import { LibraryEnvironment } from '../../src/pcs/lib/env.js';
import { LibraryError } from '../../src/pcs/lib/reports/item.js';
import { testEnv, TWO_NODES, type TestEnv } from './helpers.js';

let t: TestEnv;
afterEach(() => t?.cleanup());

describe('tar', () => {
  it('reads back what it writes, and what tar(1) writes', () => {
    const data = writeTar([
      { name: 'version.txt', data: Buffer.from('1'), mode: 0o644, mtime: 1 },
      { name: 'cib.xml', data: Buffer.alloc(700, 'x'), mode: 0o600, mtime: 1 },
    ]);
    const files = readTar(data);
    expect([...files.keys()]).toEqual(['version.txt', 'cib.xml']);
    expect(files.get('cib.xml')!.length).toBe(700);
    t = testEnv();
    writeFileSync(join(t.dir, 'a.txt'), 'hello');
    const made = spawnSync('tar', ['-cf', '-', 'a.txt'], { cwd: t.dir });
    expect(readTar(made.stdout).get('a.txt')!.toString()).toBe('hello');
  });
});

describe('config backup and restore', () => {
  it('brings back the CIB and corosync.conf as they were', () => {
    t = testEnv();
    const conf = join(t.dir, 'corosync.conf');
    writeFileSync(conf, 'totem {\n    cluster_name: c\n}\n');
    const env = () => new LibraryEnvironment({ cibFile: t.file, corosyncConf: conf, cwd: t.dir, variables: {}, onReport: () => {} });
    setProperties(env(), [['stonith-enabled', 'false']], false);
    const saved = readFileSync(t.file, 'utf8');
    const archive = configBackup(env());
    expect(archive.subarray(0, 3).toString()).toBe('BZh');
    writeFileSync(t.file, TWO_NODES);
    writeFileSync(conf, '');
    configRestore(env(), archive);
    expect(readFileSync(t.file, 'utf8')).toBe(saved);
    expect(readFileSync(conf, 'utf8')).toBe('totem {\n    cluster_name: c\n}\n');
  });

  it('refuses a tarball without a version or from a newer pcs', () => {
    t = testEnv();
    const tar = (version: string | undefined) =>
      writeTar([...(version === undefined ? [] : [{ name: 'version.txt', data: Buffer.from(version), mode: 0o644, mtime: 1 }]), { name: 'cib.xml', data: Buffer.from(TWO_NODES), mode: 0o600, mtime: 1 }]);
    expect(() => configRestore(t.env, tar(undefined))).toThrow(LibraryError);
    expect(() => configRestore(t.next(), tar('2'))).toThrow(LibraryError);
    configRestore(t.next(), tar('1'));
  });
});
