// ocf:hacluster:controld on a real system: dlm_controld, configfs, dlm_tool. This machine has
// neither the dlm module nor corosync, so the backend is tested by recording its commands
// against fake binaries (see the README); the logic follows ocf:pacemaker:controld.

import { childProcess } from '../../exec/builtins.js';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OCF_ERR_CONFIGURED, OCF_ERR_GENERIC, OCF_ERR_INSTALLED, OCF_NOT_RUNNING, OCF_SUCCESS, type OcfExitCode } from '../../ocf/codes.js';
import type { Handlers } from '../framework/agent.js';
import { clusterOption } from '../framework/attributes.js';
import { childEnvironment, command, sleep, which } from '../framework/command.js';
import { isTrue, type AgentContext } from '../framework/context.js';
import { fail } from '../framework/failure.js';
import { pidsNamed, sysRoot, terminateAll } from '../framework/processes.js';

/** Checks both backends share: the clone must be anonymous, fencing must be on. */
export async function checkControld(ctx: AgentContext, forStart: boolean): Promise<void> {
  if (isTrue(ctx.meta['globally_unique'])) fail(OCF_ERR_CONFIGURED, 'this resource must be an anonymous clone (globally-unique=false)');
  if (forStart && !isTrue(ctx.params['allow_stonith_disabled'])) {
    const stonith = (await clusterOption(ctx, 'stonith-enabled')) ?? (await clusterOption(ctx, 'fencing-enabled'));
    if (stonith !== undefined && /^(false|no|0|off)$/i.test(stonith)) {
      fail(OCF_ERR_CONFIGURED, 'refusing to start: stonith-enabled=false and allow_stonith_disabled is not set');
    }
  }
}

function addrListsFilled(configDlm: string): boolean {
  const comms = join(configDlm, 'cluster', 'comms');
  try {
    return readdirSync(comms).some((n) => {
      try {
        return readFileSync(join(comms, n, 'addr_list')).length > 0;
      } catch {
        return false;
      }
    });
  } catch {
    return false;
  }
}

export function controldReal(ctx: AgentContext): Handlers {
  const daemon = ctx.params['daemon'] ?? 'dlm_controld';
  const sys = sysRoot(ctx);
  const configfs = `${sys}/sys/kernel/config`;
  const configDlm = `${configfs}/dlm`;

  const validate = async (): Promise<OcfExitCode> => {
    await checkControld(ctx, false);
    if (!which(ctx, daemon)) fail(OCF_ERR_INSTALLED, `${daemon} not found`);
    if (ctx.checkLevel >= 10 && !which(ctx, 'dlm_tool')) fail(OCF_ERR_INSTALLED, 'dlm_tool not found');
    return OCF_SUCCESS;
  };

  const monitor = async (): Promise<OcfExitCode> => {
    if (pidsNamed(daemon).length === 0) {
      // Lockspaces without a daemon cannot recover: the node has to be fenced.
      const lockspaces = `${sys}/sys/kernel/dlm`;
      if (existsSync(lockspaces) && readdirSync(lockspaces).length > 0) fail(OCF_ERR_GENERIC, `${daemon} is gone but DLM lockspaces remain: this node needs fencing`);
      return OCF_NOT_RUNNING;
    }
    if (daemon === 'dlm_controld') {
      const st = await command(ctx, 'dlm_tool', ['status', '-v'], { timeoutMs: 10_000 });
      if (/stateful_merge_wait=1/.test(st.stdout)) fail(OCF_ERR_GENERIC, 'DLM status is: stateful_merge_wait');
      const ls = await command(ctx, 'dlm_tool', ['ls'], { timeoutMs: 10_000 });
      if (/wait fencing/.test(ls.stdout)) ctx.log('warn', 'DLM lockspaces are waiting for fencing');
    }
    return OCF_SUCCESS;
  };

  const start = async (): Promise<OcfExitCode> => {
    if ((await monitor()) === OCF_SUCCESS) return OCF_SUCCESS;
    await checkControld(ctx, true);
    mkdirSync('/run/cluster', { recursive: true });
    if (!existsSync(configDlm)) {
      if (!existsSync(join(configfs, 'dlm')) && which(ctx, 'modprobe')) await command(ctx, 'modprobe', ['configfs']);
      if (existsSync(configfs) && !readdirSync(configfs).length) await command(ctx, 'mount', ['-t', 'configfs', 'none', configfs]);
      if (!existsSync(configfs)) fail(OCF_ERR_INSTALLED, `${configfs} not available`);
      if (which(ctx, 'modprobe')) await command(ctx, 'modprobe', ['dlm']);
      if (!existsSync(configDlm)) fail(OCF_ERR_INSTALLED, `${configDlm} not available (no dlm kernel module)`);
    }
    const args = (ctx.params['args'] ?? '-s 0').split(/\s+/).filter((a) => a !== '');
    ctx.log('info', `starting ${daemon} ${args.join(' ')}`);
    // The daemon outlives this agent: start it in its own session with no pipes to us.
    const child = childProcess().spawn(which(ctx, daemon) ?? daemon, args, { detached: true, stdio: 'ignore', env: childEnvironment(ctx), cwd: '/' });
    child.unref();
    for (;;) {
      if (pidsNamed(daemon).length > 0 && (daemon !== 'dlm_controld' || addrListsFilled(configDlm))) return OCF_SUCCESS;
      if (ctx.remainingMs() < 1000) fail(OCF_ERR_GENERIC, `${daemon} did not become ready`);
      await sleep(500);
    }
  };

  const stop = async (): Promise<OcfExitCode> => {
    if (pidsNamed(daemon).length === 0) return OCF_SUCCESS;
    if (!(await terminateAll(ctx, daemon))) fail(OCF_ERR_GENERIC, `${daemon} did not stop`);
    return OCF_SUCCESS;
  };

  return { validate, start, stop, monitor };
}
