// ocf:hacluster:VirtualDomain on a real libvirt: virsh create/shutdown/destroy/domstate/migrate.
// Unlike the shell agent (which reads OCF_RESKEY_CRM_shutdown_mode by mistake) shutdown_mode is
// passed to virsh shutdown, and every wait ends before the operation's timeout.

import { existsSync, readFileSync } from 'node:fs';
import { OCF_ERR_GENERIC, OCF_ERR_INSTALLED, OCF_NOT_RUNNING, OCF_SUCCESS, type OcfExitCode } from '../../ocf/codes.js';
import type { Handlers } from '../framework/agent.js';
import { command, sleep, which, type CommandResult } from '../framework/command.js';
import { isTrue, type AgentContext } from '../framework/context.js';
import { fail } from '../framework/failure.js';
import { expandTarget, migrationTarget, migrationUri, readDomainName, remoteUri } from './domain.js';

export type DomainState = 'running' | 'stopped' | 'failed' | 'unknown';

/** `virsh domstate` words → what the monitor reports. */
export function classifyDomstate(text: string): DomainState {
  switch (text.trim()) {
    case 'running':
    case 'idle':
    case 'blocked':
    case 'paused':
    case 'in shutdown':
    case 'pmsuspended':
      return 'running';
    case 'shut off':
      return 'stopped';
    case 'crashed':
      return 'failed';
    default:
      return 'unknown'; // "no state": libvirt does not know yet, ask again
  }
}

export function virtualDomainReal(ctx: AgentContext): Handlers {
  let uriCache: string | undefined;
  let nameCache: string | undefined;
  const name = (): string => (nameCache ??= readDomainName(ctx));
  const uri = async (): Promise<string> => {
    if (uriCache) return uriCache;
    if (ctx.params['hypervisor']) return (uriCache = ctx.params['hypervisor']);
    const r = await command(ctx, 'virsh', ['--quiet', 'uri'], { timeoutMs: 10_000 });
    uriCache = r.code === 0 && r.stdout.trim() ? r.stdout.trim() : 'qemu:///system';
    return uriCache;
  };
  const virsh = async (...args: string[]): Promise<CommandResult> => command(ctx, 'virsh', ['--connect', await uri(), '--quiet', ...args]);

  /** The domain's state; "no state" is asked again until the deadline. */
  const state = async (): Promise<{ state: DomainState; detail: string }> => {
    for (;;) {
      const r = await virsh('domstate', name());
      if (r.code === 0) {
        const s = classifyDomstate(r.stdout);
        if (s !== 'unknown') return { state: s, detail: r.stdout.trim() };
      } else if (/failed to get domain|Domain not found|no domain with matching name/i.test(r.stderr)) {
        return { state: 'stopped', detail: 'not defined' };
      } else if (/failed to connect|Failed to connect socket|no connection driver/i.test(r.stderr)) {
        // libvirtd down: the qemu process may still be there (resource-agents PR 373).
        const pidFile = `/run/libvirt/qemu/${name()}.pid`;
        if (existsSync(pidFile)) {
          const pid = Number(readFileSync(pidFile, 'utf8').trim());
          try {
            process.kill(pid, 0);
            return { state: 'running', detail: `libvirtd unreachable, qemu pid ${pid} alive` };
          } catch {
            return { state: 'stopped', detail: 'libvirtd unreachable, no qemu process' };
          }
        }
        if (ctx.isProbe || ctx.action === 'stop') return { state: 'stopped', detail: 'libvirtd unreachable' };
      }
      if (ctx.remainingMs() < 1500) return { state: 'failed', detail: r.stderr.trim() || r.stdout.trim() || 'no state' };
      await sleep(1000);
    }
  };

  const validate = async (): Promise<OcfExitCode> => {
    if (!which(ctx, 'virsh')) fail(OCF_ERR_INSTALLED, 'virsh not found');
    name();
    return OCF_SUCCESS;
  };

  const monitor = async (): Promise<OcfExitCode> => {
    const s = await state();
    if (s.state === 'running') return OCF_SUCCESS;
    if (s.state === 'stopped') return OCF_NOT_RUNNING;
    fail(OCF_ERR_GENERIC, `domain ${name()} is ${s.detail}`);
  };

  const waitRunning = async (what: string): Promise<OcfExitCode> => {
    for (;;) {
      const s = await state();
      if (s.state === 'running') return OCF_SUCCESS;
      if (ctx.remainingMs() < 1500) fail(OCF_ERR_GENERIC, `domain ${name()} is not running after ${what} (${s.detail})`);
      await sleep(1000);
    }
  };

  const start = async (): Promise<OcfExitCode> => {
    const s = await state();
    if (s.state === 'running') return OCF_SUCCESS;
    // A defined but stopped domain would keep a stale definition: the file is the authority.
    const info = await virsh('dominfo', name());
    if (info.code === 0 && /Persistent:\s+yes/.test(info.stdout)) await virsh('undefine', name());
    const r = await virsh('create', ctx.params['config'] ?? '');
    if (r.code !== 0) fail(OCF_ERR_GENERIC, `Failed to start virtual domain ${name()}: ${r.stderr.trim()}`);
    return waitRunning('start');
  };

  const stop = async (): Promise<OcfExitCode> => {
    let dom: string;
    try {
      dom = name();
    } catch {
      return OCF_SUCCESS; // no config: nothing of ours can be running (ocf-rarun's rule)
    }
    if ((await state()).state === 'stopped') return OCF_SUCCESS;
    if (!isTrue(ctx.params['force_stop'])) {
      const mode = ctx.params['shutdown_mode'] ?? '';
      const r = await virsh('shutdown', ...(mode ? ['--mode', mode] : []), dom);
      if (r.code === 0) {
        // Leave 5 s of the timeout for the destroy, as the shell agent does.
        const graceUntil = ctx.deadline - 5000;
        while (Date.now() < graceUntil) {
          if ((await state()).state === 'stopped') return OCF_SUCCESS;
          await sleep(1000);
        }
        ctx.log('info', `domain ${dom} did not shut down in time, destroying it`);
      } else {
        ctx.log('warn', `virsh shutdown ${dom} failed: ${r.stderr.trim()}`);
      }
    }
    const d = await virsh('destroy', dom);
    if (d.code !== 0 && (await state()).state !== 'stopped') fail(OCF_ERR_GENERIC, `Failed to destroy ${dom}: ${d.stderr.trim()}`);
    while ((await state()).state !== 'stopped') {
      if (ctx.remainingMs() < 1000) fail(OCF_ERR_GENERIC, `domain ${dom} still exists after destroy`);
      await sleep(500);
    }
    return OCF_SUCCESS;
  };

  const migrateTo = async (): Promise<OcfExitCode> => {
    const target = migrationTarget(ctx);
    const dom = name();
    if ((await state()).state !== 'running') fail(OCF_ERR_GENERIC, `domain ${dom} is not running here, nothing to migrate`);
    const remote = remoteUri(await uri(), target, ctx.params);
    const speed = Number(ctx.params['migration_speed'] ?? '0');
    if (speed > 0) await virsh('migrate-setspeed', dom, String(speed));
    const extra = (ctx.params['migrate_options'] ?? '').split(/\s+/).filter((s) => s !== '').map((s) => expandTarget(s, target));
    const memUri = migrationUri(target, ctx.params);
    ctx.log('info', `${dom}: starting live migration to ${target} (${remote})`);
    const migration = virsh('migrate', '--live', ...extra, dom, remote, ...(memUri ? [memUri] : []));
    const downtime = Number(ctx.params['migration_downtime'] ?? '0');
    if (downtime > 0) {
      // The downtime can only be set on a running migration job.
      await sleep(500);
      await virsh('migrate-setmaxdowntime', dom, String(downtime));
    }
    const r = await migration;
    if (r.code !== 0) fail(OCF_ERR_GENERIC, `${dom}: live migration to ${target} failed: ${r.stderr.trim()}`);
    ctx.log('info', `${dom}: live migration to ${target} succeeded`);
    return OCF_SUCCESS;
  };

  return {
    validate,
    start,
    stop,
    monitor,
    migrate_to: migrateTo,
    migrate_from: () => waitRunning('migration'),
  };
}
