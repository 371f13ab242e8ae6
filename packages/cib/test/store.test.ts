import { spawn } from 'node:child_process';
import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Cib, listBackups, readCibFile, readStoredVersion, renderProblem, writeCibFile, writeFileAtomic } from '../src/index.js';
import { problemOf } from './support/problems.js';

const root = mkdtempSync(join(tmpdir(), 'cib-store-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let serial = 0;
function freshDir(): string {
  const d = join(root, String(serial++));
  mkdirSync(d);
  return d;
}

const cibAt = (epoch: number, numUpdates = 0, adminEpoch = 0) => {
  const c = Cib.blank();
  c.root.set('epoch', String(epoch));
  c.root.set('num_updates', String(numUpdates));
  c.root.set('admin_epoch', String(adminEpoch));
  return c;
};

describe('reading CIB files', () => {
  it('names the file, line and column of malformed XML, and the file of a wrong root or a missing file', () => {
    const dir = freshDir();
    const bad = join(dir, 'bad.xml');
    writeFileSync(bad, '<cib epoch="1">\n  <configuration>\n    <resources>\n  </configuration>\n</cib>\n');
    expect(problemOf(() => readCibFile(bad))).toEqual({
      code: 'XML_SYNTAX',
      detail: 'end tag </configuration> does not match <resources>',
      line: 4,
      column: 3,
      file: bad,
    });
    expect(renderProblem(problemOf(() => readCibFile(bad)))).toBe(`${bad}:4:3: malformed XML: end tag </configuration> does not match <resources>`);
    const notCib = join(dir, 'pcmk.xml');
    writeFileSync(notCib, '<pacemaker-result/>');
    expect(problemOf(() => readCibFile(notCib))).toEqual({ code: 'WRONG_ROOT', found: 'pacemaker-result', file: notCib });
    expect(problemOf(() => readCibFile(join(dir, 'none.xml')))).toEqual({ code: 'FILE_UNREADABLE', file: join(dir, 'none.xml'), reason: 'no such file or directory' });
    expect(problemOf(() => readCibFile(dir))).toMatchObject({ code: 'FILE_UNREADABLE', reason: 'it is a directory' });
  });

  it('reads the version from the root tag alone, after a declaration or comments', () => {
    const dir = freshDir();
    const f = join(dir, 'cib.xml');
    writeFileSync(f, '<?xml version="1.0"?>\n<!-- <cib epoch="99"> in a comment is not the root -->\n<cib admin_epoch="2" epoch="7" num_updates="3"><configuration/></cib>');
    // The prolog is passed over: "<cib" in a comment is not the root.
    expect(readStoredVersion(f)).toEqual({ adminEpoch: 2, epoch: 7, numUpdates: 3 });
    writeFileSync(f, '<cib admin_epoch="0" epoch="12" num_updates="1">' + '<x/>'.repeat(100_000) + '</cib>');
    expect(readStoredVersion(f)).toEqual({ adminEpoch: 0, epoch: 12, numUpdates: 1 });
    expect(readStoredVersion(join(dir, 'missing.xml'))).toBeUndefined();
    writeFileSync(f, 'not xml');
    expect(readStoredVersion(f)).toBeUndefined();
  });
});

describe('writing CIB files', () => {
  it('writes what it was given, readable by its owner only when new, keeping the mode of an existing file', () => {
    const dir = freshDir();
    const f = join(dir, 'cib.xml');
    writeCibFile(f, cibAt(3));
    expect(readFileSync(f, 'utf8')).toBe(cibAt(3).toXml());
    expect(statSync(f).mode & 0o777).toBe(0o600);
    chmodSync(f, 0o640);
    writeCibFile(f, cibAt(4));
    expect(statSync(f).mode & 0o777).toBe(0o640);
    expect(readCibFile(f).version.epoch).toBe(4);
  });

  it('refuses to replace a newer CIB with an older one unless forced, comparing admin_epoch, epoch, num_updates', () => {
    const dir = freshDir();
    const f = join(dir, 'cib.xml');
    writeCibFile(f, cibAt(5, 2));
    const before = readFileSync(f, 'utf8');
    expect(problemOf(() => writeCibFile(f, cibAt(5, 1)))).toEqual({ code: 'OLDER_THAN_STORED', file: f, offered: '0.5.1', stored: '0.5.2' });
    expect(problemOf(() => writeCibFile(f, cibAt(9, 9, -1)))).toMatchObject({ code: 'OLDER_THAN_STORED', offered: '-1.9.9' });
    expect(readFileSync(f, 'utf8')).toBe(before);
    writeCibFile(f, cibAt(5, 2)); // the same version is not older
    writeCibFile(f, cibAt(1), { force: true });
    expect(readCibFile(f).version).toEqual({ adminEpoch: 0, epoch: 1, numUpdates: 0 });
    writeCibFile(f, cibAt(0, 0, 1));
    expect(readCibFile(f).version.adminEpoch).toBe(1);
  });

  it('keeps numbered backups of the versions it replaces, the newest few', () => {
    const dir = freshDir();
    const f = join(dir, 'cib.xml');
    for (let epoch = 1; epoch <= 6; epoch++) writeCibFile(f, cibAt(epoch), { backups: 3 });
    expect(listBackups(f).map(([k, p]) => [k, p.slice(dir.length + 1)])).toEqual([
      [2, 'cib-2.raw'],
      [3, 'cib-3.raw'],
      [4, 'cib-4.raw'],
    ]);
    expect(listBackups(f).map(([, p]) => readCibFile(p).version.epoch)).toEqual([3, 4, 5]);
    expect(readCibFile(f).version.epoch).toBe(6);
    writeCibFile(f, cibAt(7));
    expect(listBackups(f).length).toBe(3);
  });

  it('replaces the file a symbolic link names and keeps the link', () => {
    const dir = freshDir();
    const real = join(dir, 'real.xml');
    const link = join(dir, 'link.xml');
    writeCibFile(real, cibAt(1));
    symlinkSync(real, link);
    writeCibFile(link, cibAt(2));
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readCibFile(real).version.epoch).toBe(2);
  });

  it("clears temporary files of writers that died, and leaves a live writer's alone", async () => {
    const dir = freshDir();
    const f = join(dir, 'cib.xml');
    writeCibFile(f, cibAt(1));
    const dead = spawn(process.execPath, ['-e', '']);
    await new Promise((r) => dead.on('exit', r));
    const alive = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    try {
      writeFileSync(join(dir, `.cib.xml.${dead.pid}.1.tmp`), '<cib epoch="1"');
      writeFileSync(join(dir, `.cib.xml.${alive.pid}.1.tmp`), '<cib epoch="1"');
      expect(readCibFile(f).version.epoch).toBe(1); // a torn temporary never touches the file
      writeCibFile(f, cibAt(2));
      expect(readdirSync(dir).sort()).toEqual([`.cib.xml.${alive.pid}.1.tmp`, 'cib.xml']);
    } finally {
      alive.kill('SIGKILL');
    }
  });

  it('reports a file it cannot write, leaving nothing behind', () => {
    const dir = freshDir();
    expect(problemOf(() => writeFileAtomic(join(dir, 'no', 'such', 'cib.xml'), 'x'))).toMatchObject({ code: 'FILE_UNWRITABLE', reason: 'no such file or directory' });
    expect(readdirSync(dir)).toEqual([]);
  });
});
