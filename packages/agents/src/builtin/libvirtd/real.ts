// ocf:hacluster:libvirtd on a real system: systemctl where systemd runs the host, else the daemon
// itself with a pid file (how the tests run it here, in network namespaces).

import { existsSync, rmSync } from 'node:fs';
import { OCF_ERR_GENERIC, OCF_ERR_INSTALLED, OCF_NOT_RUNNING, OCF_SUCCESS, type OcfExitCode } from '../../ocf/codes.js';
import type { Handlers } from '../framework/agent.js';
import { command, sleep, which } from '../framework/command.js';
import { isTrue, type AgentContext } from '../framework/context.js';
import { fail } from '../framework/failure.js';
import { livePid } from '../framework/processes.js';

const VIRTLOGD_PIDFILE = '/run/virtlogd.pid';

export function systemdManagesHost(): boolean {
  return existsSync('/run/systemd/system');
}

export function libvirtdReal(ctx: AgentContext): Handlers {
  const unit = ctx.params['unit'] ?? 'libvirtd.service';
  const uri = ctx.params['uri'] ?? 'qemu:///system';
  const pidfile = ctx.params['pidfile'] ?? '/run/libvirtd.pid';
  const viaSystemd = systemdManagesHost();
  const sockets = [unit.replace(/\.service$/, '.socket'), unit.replace(/\.service$/, '-ro.socket'), unit.replace(/\.service$/, '-admin.socket')];

  const answers = async (): Promise<boolean> => (await command(ctx, 'virsh', ['--connect', uri, 'version'], { timeoutMs: 15_000 })).code === 0;

  const validate = async (): Promise<OcfExitCode> => {
    if (viaSystemd) {
      if (!which(ctx, 'systemctl')) fail(OCF_ERR_INSTALLED, 'systemctl not found');
    } else if (!which(ctx, 'libvirtd')) fail(OCF_ERR_INSTALLED, 'libvirtd not found');
    if (!which(ctx, 'virsh')) fail(OCF_ERR_INSTALLED, 'virsh not found (libvirt-clients)');
    return OCF_SUCCESS;
  };

  const running = async (): Promise<boolean> => {
    if (viaSystemd) return (await command(ctx, 'systemctl', ['is-active', '--quiet', unit], { timeoutMs: 10_000 })).code === 0;
    return livePid(pidfile) !== undefined;
  };

  const monitor = async (): Promise<OcfExitCode> => {
    if (!(await running())) return OCF_NOT_RUNNING;
    if (!(await answers())) fail(OCF_ERR_GENERIC, `libvirtd runs but does not answer on ${uri}`);
    return OCF_SUCCESS;
  };

  const start = async (): Promise<OcfExitCode> => {
    if (!(await running())) {
      if (viaSystemd) {
        const r = await command(ctx, 'systemctl', ['start', unit]);
        if (r.code !== 0) fail(OCF_ERR_GENERIC, `systemctl start ${unit} failed: ${r.stderr.trim()}`);
      } else {
        // libvirtd hands its guests' console logs to virtlogd: one per host (or per container,
        // which is why it is found by its pid file and not by name).
        if (livePid(VIRTLOGD_PIDFILE) === undefined && which(ctx, 'virtlogd')) {
          const v = await command(ctx, 'virtlogd', ['--daemon', `--pid-file=${VIRTLOGD_PIDFILE}`]);
          if (v.code !== 0) fail(OCF_ERR_GENERIC, `virtlogd failed to start: ${v.stderr.trim()}`);
        }
        const args = ['--daemon', `--pid-file=${pidfile}`];
        if (ctx.params['config']) args.push(`--config=${ctx.params['config']}`);
        if (isTrue(ctx.params['listen'])) args.push('--listen');
        const r = await command(ctx, 'libvirtd', args);
        if (r.code !== 0) fail(OCF_ERR_GENERIC, `libvirtd failed to start: ${r.stderr.trim()}`);
      }
    }
    while (!(await answers())) {
      if (ctx.remainingMs() < 2000) fail(OCF_ERR_GENERIC, `libvirtd does not answer on ${uri}`);
      await sleep(500);
    }
    return OCF_SUCCESS;
  };

  const stop = async (): Promise<OcfExitCode> => {
    if (viaSystemd) {
      // Stop the sockets first, or the next client would start the daemon again.
      await command(ctx, 'systemctl', ['stop', ...sockets, unit]);
      if (await running()) fail(OCF_ERR_GENERIC, `${unit} is still active`);
      return OCF_SUCCESS;
    }
    const pid = livePid(pidfile);
    if (pid === undefined) return OCF_SUCCESS;
    process.kill(pid, 'SIGTERM');
    while (livePid(pidfile) !== undefined) {
      if (ctx.remainingMs() < 1500) fail(OCF_ERR_GENERIC, `libvirtd (pid ${pid}) did not stop`);
      await sleep(250);
    }
    rmSync(pidfile, { force: true });
    const logd = livePid(VIRTLOGD_PIDFILE);
    if (logd !== undefined) {
      process.kill(logd, 'SIGTERM');
      while (livePid(VIRTLOGD_PIDFILE) !== undefined && ctx.remainingMs() > 1000) await sleep(100);
    }
    return OCF_SUCCESS;
  };

  return { validate, start, stop, monitor };
}
