// ocf:hacluster:Filesystem on the real system: mount(8), umount(8), /proc/mounts, fuser(1).
// Every wait is bounded by the operation's timeout: a stop that cannot unmount fails before the
// executor has to kill it, so the cluster learns why.

import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { tmpdir } from 'node:os';
import { OCF_ERR_CONFIGURED, OCF_ERR_GENERIC, OCF_ERR_INSTALLED, OCF_NOT_RUNNING, OCF_SUCCESS, type OcfExitCode } from '../../ocf/codes.js';
import type { Handlers } from '../framework/agent.js';
import { command, sleep, which } from '../framework/command.js';
import { isTrue, type AgentContext } from '../framework/context.js';
import { fail } from '../framework/failure.js';
import { holdersByFuser, holdersByProc } from './holders.js';
import { CLUSTER_SAFE_FSTYPES, NO_FSCK_FSTYPES } from './metadata.js';
import { canonicalMountPoint, mountsAt, mountsBelow, readMounts } from './mounts.js';

/** Checks shared by both backends: the parameters alone, no system state. */
export function checkFilesystemParams(ctx: AgentContext): void {
  const { directory = '', fstype = '', options = '' } = ctx.params;
  if (!directory.startsWith('/')) fail(OCF_ERR_CONFIGURED, `directory ${directory} is not an absolute path`);
  if (canonicalMountPoint(directory) === '/') fail(OCF_ERR_CONFIGURED, 'will not manage the root filesystem');
  if (!['auto', 'force', 'no'].includes(ctx.params['run_fsck'] ?? 'auto')) fail(OCF_ERR_CONFIGURED, `run_fsck must be auto, force or no`);
  if (!['true', 'false', 'safe', 'yes', 'no', '1', '0'].includes((ctx.params['force_unmount'] ?? 'true').toLowerCase())) {
    fail(OCF_ERR_CONFIGURED, 'force_unmount must be true, safe or false');
  }
  const opts = options.split(',');
  if (fstype === 'none' && !opts.some((o) => o === 'bind' || o === 'rbind')) fail(OCF_ERR_CONFIGURED, 'fstype none needs a bind option');
  const clone = ctx.meta['clone_max'] !== undefined;
  if (clone && !CLUSTER_SAFE_FSTYPES.has(fstype) && !isTrue(ctx.params['force_clones']) && !opts.includes('ro')) {
    fail(OCF_ERR_CONFIGURED, `DANGER! ${fstype} on ${ctx.params['device']} is NOT cluster-aware!`);
  }
}

/** The status file of depth-20 monitors: one per instance and node, like the shell agent's. */
export function statusFilePath(ctx: AgentContext): string {
  const dir = canonicalMountPoint(ctx.params['directory'] ?? '');
  const prefix = ctx.params['statusfile_prefix'] ?? '.Filesystem_status/';
  return join(dir, `${prefix}${ctx.instance.replace(/:/g, '_')}_${ctx.nodeName}`);
}

function isBlockDeviceSpec(device: string): boolean {
  return device.startsWith('/dev/');
}

function kernelKnows(fstype: string): boolean {
  try {
    return readFileSync('/proc/filesystems', 'utf8').split('\n').some((l) => l.split('\t').pop()?.trim() === fstype);
  } catch {
    return false;
  }
}

export function filesystemReal(ctx: AgentContext): Handlers {
  const device = ctx.params['device'] ?? '';
  const directory = canonicalMountPoint(ctx.params['directory'] ?? '');
  const fstype = ctx.params['fstype'] ?? '';
  const options = ctx.params['options'] ?? '';
  const isMounted = (): boolean => mountsAt(readMounts(), directory).length > 0;

  const validate = async (): Promise<OcfExitCode> => {
    checkFilesystemParams(ctx);
    if (!which(ctx, 'mount') || !which(ctx, 'umount')) fail(OCF_ERR_INSTALLED, 'mount/umount not found');
    if (fstype !== 'none' && !kernelKnows(fstype)) {
      // Only ask modprobe when the kernel does not know the type yet (the shell agent always does).
      if (which(ctx, 'modprobe')) await command(ctx, 'modprobe', [fstype], { timeoutMs: 10_000 });
      if (!kernelKnows(fstype)) fail(OCF_ERR_INSTALLED, `Couldn't find filesystem ${fstype} in /proc/filesystems and failed to load kernel module`);
    }
    return OCF_SUCCESS;
  };

  const fsck = async (): Promise<void> => {
    const mode = ctx.params['run_fsck'] ?? 'auto';
    if (mode === 'no' || !isBlockDeviceSpec(device) || (mode === 'auto' && NO_FSCK_FSTYPES.has(fstype))) return;
    ctx.log('info', `checking ${device} with fsck`);
    const r = await command(ctx, 'fsck', ['-p', device]);
    // fsck: 0 clean, 1 corrected, 2 corrected and reboot wanted; 4 and above are failures.
    if (r.code === undefined || r.code >= 4) fail(OCF_ERR_GENERIC, `fsck of ${device} failed (${r.code ?? 'timeout'})`);
  };

  const start = async (): Promise<OcfExitCode> => {
    if (isMounted()) return OCF_SUCCESS;
    const below = mountsBelow(readMounts(), directory);
    if (below.length > 0) fail(OCF_ERR_CONFIGURED, `filesystem(s) already mounted below ${directory}: ${below.map((m) => m.directory).join(' ')}`);
    if (isBlockDeviceSpec(device) && !existsSync(device)) fail(OCF_ERR_INSTALLED, `Couldn't find device [${device}]. Expected /dev/??? to exist`);
    await fsck();
    mkdirSync(directory, { recursive: true });
    const args = fstype === 'none' ? [] : ['-t', fstype];
    if (options !== '') args.push('-o', options);
    const r = await command(ctx, 'mount', [...args, device, directory]);
    if (r.code !== 0) fail(OCF_ERR_GENERIC, `Couldn't mount device [${device}] as ${directory}${r.stderr.trim() ? `: ${r.stderr.trim()}` : ''}`);
    return OCF_SUCCESS;
  };

  const holders = async (dir: string): Promise<number[]> => {
    const mode = (ctx.params['force_unmount'] ?? 'true').toLowerCase();
    if (mode === 'safe') return holdersByProc(dir);
    return holdersByFuser(ctx, dir);
  };

  const signalAll = (pids: number[], signal: NodeJS.Signals): void => {
    for (const pid of pids) {
      try {
        process.kill(pid, signal);
        ctx.log('info', `sent ${signal} to ${pid}, which kept ${directory} busy`);
      } catch {
        // already gone
      }
    }
  };

  const umountOne = async (dir: string): Promise<void> => {
    const force = ['nfs', 'nfs4', 'cifs', 'smbfs'].includes(fstype) ? ['-f'] : [];
    const killing = !['false', 'no', '0'].includes((ctx.params['force_unmount'] ?? 'true').toLowerCase());
    // TERM for half the time left (6 s with fast_stop), KILL after that, one try a second.
    const termUntil = Date.now() + (isTrue(ctx.params['fast_stop']) ? 6000 : ctx.remainingMs() / 2);
    for (;;) {
      const r = await command(ctx, 'umount', [...force, dir], { timeoutMs: Math.max(1000, Math.min(ctx.remainingMs(), 30_000)) });
      if (r.code === 0 || mountsAt(readMounts(), dir).length === 0) return;
      if (!killing) fail(OCF_ERR_GENERIC, `Couldn't unmount ${dir}: ${r.stderr.trim()}`);
      if (ctx.remainingMs() < 1500) fail(OCF_ERR_GENERIC, `Couldn't unmount ${dir} before the stop timeout: ${r.stderr.trim()}`);
      const pids = await holders(dir);
      signalAll(pids, Date.now() < termUntil ? 'SIGTERM' : 'SIGKILL');
      await sleep(1000);
    }
  };

  const stop = async (): Promise<OcfExitCode> => {
    for (const m of mountsBelow(readMounts(), directory)) await umountOne(m.directory);
    while (isMounted()) await umountOne(directory);
    return OCF_SUCCESS;
  };

  const statusCheck = async (): Promise<void> => {
    const file = statusFilePath(ctx);
    mkdirSync(dirname(file), { recursive: true });
    const token = `${Date.now()} ${process.pid}\n`;
    const scratch = mkdtempSync(join(tmpdir(), 'fs-status-'));
    try {
      writeFileSync(join(scratch, 'in'), token);
      // O_DIRECT bypasses the page cache, so a dead device shows; filesystems without it (tmpfs
      // on older kernels) get a plain synchronous write instead.
      let w = await command(ctx, 'dd', [`if=${join(scratch, 'in')}`, `of=${file}`, 'oflag=direct,sync', 'bs=4096', 'conv=sync'], { timeoutMs: ctx.remainingMs() });
      if (w.code !== 0) w = await command(ctx, 'dd', [`if=${join(scratch, 'in')}`, `of=${file}`, 'oflag=sync', 'bs=4096', 'conv=sync'], { timeoutMs: ctx.remainingMs() });
      if (w.code !== 0) fail(OCF_ERR_GENERIC, `cannot write the status file ${file}: ${w.stderr.trim()}`);
      const r = await command(ctx, 'dd', [`if=${file}`, 'bs=4096', 'count=1'], { timeoutMs: ctx.remainingMs() });
      if (r.code !== 0 || !r.stdout.startsWith(token.trim())) fail(OCF_ERR_GENERIC, `cannot read back the status file ${file}`);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  };

  const monitor = async (): Promise<OcfExitCode> => {
    if (!isMounted()) return OCF_NOT_RUNNING;
    if (ctx.checkLevel >= 10 && isBlockDeviceSpec(device)) {
      const r = await command(ctx, 'dd', [`if=${device}`, 'of=/dev/null', 'iflag=direct', 'bs=4096', 'count=1'], { timeoutMs: ctx.remainingMs() });
      if (r.code !== 0) fail(OCF_ERR_GENERIC, `Failed to read device ${device}: ${r.stderr.trim()}`);
    }
    if (ctx.checkLevel >= 20) await statusCheck();
    return OCF_SUCCESS;
  };

  return { validate, start, stop, monitor, notify: async () => OCF_SUCCESS };
}
