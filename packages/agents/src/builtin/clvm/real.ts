// ocf:hacluster:clvm on a real system: clvmd (with cmirrord) as ocf:heartbeat:clvm runs it, or
// lvmlockd with vgchange --lock-start. Neither can run here (no DLM), so this backend is tested
// by recording its commands against fake binaries; see the README.

import { childProcess } from '../../exec/builtins.js';
import { OCF_ERR_CONFIGURED, OCF_ERR_GENERIC, OCF_ERR_INSTALLED, OCF_NOT_RUNNING, OCF_SUCCESS, type OcfExitCode } from '../../ocf/codes.js';
import type { Handlers } from '../framework/agent.js';
import { childEnvironment, command, sleep, which } from '../framework/command.js';
import { isTrue, type AgentContext } from '../framework/context.js';
import { fail } from '../framework/failure.js';
import { pidsNamed, terminateAll } from '../framework/processes.js';

export type LockDaemon = 'clvmd' | 'lvmlockd';

export function chooseDaemon(ctx: AgentContext): LockDaemon | undefined {
  const d = ctx.params['daemon'] ?? 'auto';
  if (d === 'clvmd' || d === 'lvmlockd') return d;
  if (d !== 'auto') fail(OCF_ERR_CONFIGURED, `daemon must be clvmd, lvmlockd or auto, not ${d}`);
  if (which(ctx, 'clvmd')) return 'clvmd';
  if (which(ctx, 'lvmlockd')) return 'lvmlockd';
  return undefined;
}

/** Volume groups the lock daemon manages: clustered (attr 'c') for clvmd, dlm/sanlock for lvmlockd. */
export function clusteredVgs(daemon: LockDaemon, vgsOutput: string): string[] {
  return vgsOutput
    .split('\n')
    .map((l) => l.trim().split(/\s+/))
    .filter((w) => w.length >= 2 && w[0] !== '')
    .filter((w) => (daemon === 'clvmd' ? (w[1]![5] ?? '') === 'c' : w[1] === 'dlm' || w[1] === 'sanlock'))
    .map((w) => w[0]!);
}

export function clvmReal(ctx: AgentContext): Handlers {
  const activationFlag = isTrue(ctx.params['exclusive']) ? '-aey' : '-aay';
  const options = (ctx.params['daemon_options'] ?? '').split(/\s+/).filter((o) => o !== '');

  const daemonOrFail = (): LockDaemon => {
    const d = chooseDaemon(ctx);
    if (!d || !which(ctx, d)) fail(OCF_ERR_INSTALLED, `couldn't find ${d ?? 'clvmd or lvmlockd'}`);
    return d;
  };

  const validate = async (): Promise<OcfExitCode> => {
    const d = daemonOrFail();
    if (!which(ctx, 'vgchange')) fail(OCF_ERR_INSTALLED, 'vgchange not found (lvm2)');
    if (isTrue(ctx.params['with_cmirrord']) && (d !== 'clvmd' || !which(ctx, 'cmirrord'))) fail(OCF_ERR_INSTALLED, 'cmirrord needs clvmd and the cmirrord binary');
    return OCF_SUCCESS;
  };

  const monitor = async (): Promise<OcfExitCode> => {
    const d = chooseDaemon(ctx);
    if (!d) return OCF_NOT_RUNNING;
    const alive = pidsNamed(d).length > 0;
    if (isTrue(ctx.params['with_cmirrord']) && d === 'clvmd' && alive !== pidsNamed('cmirrord').length > 0) {
      fail(OCF_ERR_GENERIC, 'clvmd and cmirrord disagree: one runs without the other');
    }
    return alive ? OCF_SUCCESS : OCF_NOT_RUNNING;
  };

  const launch = async (file: string, args: string[]): Promise<void> => {
    ctx.log('info', `starting ${file} ${args.join(' ')}`);
    const child = childProcess().spawn(which(ctx, file) ?? file, args, { detached: true, stdio: 'ignore', env: childEnvironment(ctx), cwd: '/' });
    child.unref();
    while (pidsNamed(file).length === 0) {
      if (ctx.remainingMs() < 1000) fail(OCF_ERR_GENERIC, `${file} did not start`);
      await sleep(250);
    }
  };

  const start = async (): Promise<OcfExitCode> => {
    const d = daemonOrFail();
    if (pidsNamed(d).length === 0) {
      if (d === 'clvmd') {
        if (which(ctx, 'lvmconf')) await command(ctx, 'lvmconf', ['--enable-cluster']);
        if (isTrue(ctx.params['with_cmirrord']) && pidsNamed('cmirrord').length === 0) await launch('cmirrord', []);
        // clvmd -T: how long it may wait for the cluster, in seconds, within our own timeout.
        await launch('clvmd', [`-T${Math.max(1, Math.floor(ctx.remainingMs() / 1000) - 5)}`, ...options]);
      } else {
        await launch('lvmlockd', options);
        const ls = await command(ctx, 'vgchange', ['--lock-start']);
        if (ls.code !== 0) fail(OCF_ERR_GENERIC, `vgchange --lock-start failed: ${ls.stderr.trim()}`);
      }
    }
    await command(ctx, 'vgscan', []);
    if (isTrue(ctx.params['activate_vgs'])) {
      const a = await command(ctx, 'vgchange', [activationFlag]);
      if (a.code !== 0) fail(OCF_ERR_GENERIC, `vgchange ${activationFlag} failed: ${a.stderr.trim()}`);
    }
    return OCF_SUCCESS;
  };

  const stop = async (): Promise<OcfExitCode> => {
    const d = chooseDaemon(ctx);
    // Not installed: nothing of ours can be running, and a failed stop would fence the node.
    if (!d || pidsNamed(d).length === 0) return OCF_SUCCESS;
    const vgs = await command(ctx, 'vgs', ['--noheadings', '-o', d === 'clvmd' ? 'vg_name,vg_attr' : 'vg_name,vg_lock_type']);
    const managed = clusteredVgs(d, vgs.stdout);
    if (managed.length > 0) {
      const off = await command(ctx, 'vgchange', [d === 'clvmd' ? '-anl' : '-an', ...managed]);
      if (off.code !== 0) fail(OCF_ERR_GENERIC, `cannot deactivate ${managed.join(' ')}: ${off.stderr.trim()}`);
    }
    if (d === 'lvmlockd') await command(ctx, 'vgchange', ['--lock-stop']);
    if (!(await terminateAll(ctx, d))) fail(OCF_ERR_GENERIC, `${d} did not stop`);
    if (d === 'clvmd' && pidsNamed('cmirrord').length > 0) await terminateAll(ctx, 'cmirrord');
    return OCF_SUCCESS;
  };

  return { validate, start, stop, monitor };
}
