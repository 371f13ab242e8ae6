// ocf:hacluster:Filesystem on this machine, for real: tmpfs, ext4 on a loop device, and a busy
// mount whose user gets killed by the stop. Needs root and util-linux/psmisc/e2fsprogs.

import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isRoot, missingTools, pidAlive, scratch } from './support.js';
import { builtin, runner } from './support-agents.js';

const reason = !isRoot ? 'skipped: mounting needs root' : missingTools('mount', 'umount', 'fuser', 'losetup', 'mkfs.ext4', 'dd');

function mounted(dir: string): boolean {
  return readFileSync('/proc/mounts', 'utf8').split('\n').some((l) => l.split(' ')[1] === dir);
}

describe.skipIf(reason !== undefined)(reason ?? 'Filesystem (real)', () => {
  const loops: string[] = [];
  afterAll(() => {
    for (const l of loops) {
      try {
        execFileSync('losetup', ['-d', l]);
      } catch {
        // already detached
      }
    }
  });

  it('mounts tmpfs, monitors at depth 0 and 20, unmounts, and is idempotent both ways', async () => {
    const dir = join(scratch(), 'mnt');
    const r = runner();
    const fs = builtin('fs-tmp', 'Filesystem', { device: 'tmpfs', directory: dir, fstype: 'tmpfs', options: 'size=8m' });
    expect((await r.op(fs, 'monitor', { intervalMs: 0 })).rc).toBe(7);
    expect((await r.op(fs, 'start')).rc).toBe(0);
    expect(mounted(dir)).toBe(true);
    expect((await r.op(fs, 'start')).rc).toBe(0);
    expect((await r.op(fs, 'monitor')).rc).toBe(0);
    const deep = await r.op(fs, 'monitor', { checkLevel: 20 });
    expect([deep.rc, deep.exitReason]).toEqual([0, undefined]);
    expect(existsSync(join(dir, '.Filesystem_status', `fs-tmp_${process.env['HACLUSTER_NODE'] ?? execFileSync('hostname').toString().trim().split('.')[0]}`))).toBe(true);
    expect((await r.op(fs, 'stop')).rc).toBe(0);
    expect(mounted(dir)).toBe(false);
    expect((await r.op(fs, 'stop')).rc).toBe(0);
    expect((await r.op(fs, 'monitor')).rc).toBe(7);
  });

  it('mounts ext4 on a loop device, reads the device at depth 10, refuses a clone of it', async () => {
    const dir = scratch();
    const image = join(dir, 'disk.img');
    execFileSync('dd', ['if=/dev/zero', `of=${image}`, 'bs=1M', 'count=16'], { stdio: 'ignore' });
    execFileSync('mkfs.ext4', ['-q', '-F', image]);
    const loop = execFileSync('losetup', ['-f', '--show', image]).toString().trim();
    loops.push(loop);
    const r = runner();
    const fs = builtin('fs-ext4', 'Filesystem', { device: loop, directory: join(dir, 'mnt'), fstype: 'ext4' });
    expect((await r.op(fs, 'start')).rc).toBe(0);
    expect((await r.op(fs, 'monitor', { checkLevel: 10 })).rc).toBe(0);
    expect((await r.op(fs, 'monitor', { checkLevel: 20 })).rc).toBe(0);
    expect((await r.op(fs, 'stop')).rc).toBe(0);
    const clone = await r.op(fs, 'start', { meta: { clone_max: '2' } });
    expect([clone.rc, clone.exitReason]).toEqual([6, `DANGER! ext4 on ${loop} is NOT cluster-aware!`]);
    const missing = builtin('fs-missing', 'Filesystem', { device: '/dev/does-not-exist', directory: join(dir, 'mnt2'), fstype: 'ext4' });
    expect((await r.op(missing, 'start')).rc).toBe(5);
    expect((await r.op(missing, 'monitor', { intervalMs: 0 })).rc).toBe(7);
  });

  it('kills what keeps the mount busy (and only that), then unmounts', async () => {
    const dir = join(scratch(), 'busy');
    const r = runner();
    const fs = builtin('fs-busy', 'Filesystem', { device: 'tmpfs', directory: dir, fstype: 'tmpfs' });
    expect((await r.op(fs, 'start')).rc).toBe(0);
    writeFileSync(join(dir, 'f'), 'x');
    const holder = spawn('sleep', ['300'], { cwd: dir, stdio: 'ignore' });
    const holderGone = new Promise((res) => holder.once('exit', res));
    const bystander = spawn('sleep', ['300'], { cwd: '/', stdio: 'ignore' });
    try {
      const stop = await r.op(fs, 'stop', { timeoutMs: 30_000 });
      expect(stop.rc).toBe(0);
      expect(mounted(dir)).toBe(false);
      await holderGone;
      expect(holder.signalCode).toBe('SIGTERM');
      expect(pidAlive(bystander.pid!)).toBe(true);
    } finally {
      bystander.kill();
      holder.kill();
    }
  });

  it('with force_unmount=false a busy mount fails the stop, with the reason', async () => {
    const dir = join(scratch(), 'busy2');
    const r = runner();
    const fs = builtin('fs-busy2', 'Filesystem', { device: 'tmpfs', directory: dir, fstype: 'tmpfs', force_unmount: 'false' });
    expect((await r.op(fs, 'start')).rc).toBe(0);
    const holder = spawn('sleep', ['300'], { cwd: dir, stdio: 'ignore' });
    const holderGone = new Promise((res) => holder.once('exit', res));
    try {
      await new Promise((res) => setTimeout(res, 200));
      const stop = await r.op(fs, 'stop');
      expect(stop.rc).toBe(1);
      expect(stop.exitReason).toMatch(/^Couldn't unmount .*busy/);
      expect(mounted(dir)).toBe(true);
    } finally {
      holder.kill();
      await holderGone;
    }
    expect((await r.op(fs, 'stop')).rc).toBe(0);
  });

  it('with force_unmount=safe finds the holder through /proc', async () => {
    const dir = join(scratch(), 'busy3');
    const r = runner();
    const fs = builtin('fs-busy3', 'Filesystem', { device: 'tmpfs', directory: dir, fstype: 'tmpfs', force_unmount: 'safe' });
    expect((await r.op(fs, 'start')).rc).toBe(0);
    writeFileSync(join(dir, 'held'), 'x');
    // Holds a file open under the mount, with its cwd elsewhere.
    const holder = spawn('sh', ['-c', `exec 3<${join(dir, 'held')}; exec sleep 300`], { cwd: '/', stdio: 'ignore' });
    const holderGone = new Promise((res) => holder.once('exit', res));
    await new Promise((res) => setTimeout(res, 200));
    const stop = await r.op(fs, 'stop');
    expect(stop.rc).toBe(0);
    await holderGone;
    expect(holder.signalCode).toBe('SIGTERM');
  });
});
