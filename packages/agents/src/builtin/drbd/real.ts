// ocf:hacluster:drbd on a real system: drbdadm and drbdsetup as LINBIT's agent drives them.
// Machines without the DRBD kernel module (like CI's) can only exercise this backend against
// fake binaries that record the commands; see the package README.

import { existsSync } from 'node:fs';
import { OCF_ERR_GENERIC, OCF_ERR_INSTALLED, OCF_ERR_CONFIGURED, OCF_NOT_RUNNING, OCF_RUNNING_PROMOTED, OCF_SUCCESS, type OcfExitCode } from '../../ocf/codes.js';
import type { Handlers } from '../framework/agent.js';
import { deletePromotionScore, setPromotionScore } from '../framework/attributes.js';
import { command, sleep, which, type CommandResult } from '../framework/command.js';
import { isTrue, type AgentContext } from '../framework/context.js';
import { fail } from '../framework/failure.js';
import { allowsTwoPrimaries, checkDrbdMeta, scoreOptions } from './common.js';
import { parseEvents2, promotionScore, type DrbdStatus } from './state.js';

/** drbdadm's exit code when no UpToDate data is reachable: promoting cannot succeed. */
const NO_UP_TO_DATE_DISK = 17;

export function drbdReal(ctx: AgentContext): Handlers {
  const res = ctx.params['drbd_resource'] ?? '';
  const conf = ctx.params['drbdconf'] ?? '/etc/drbd.conf';
  const drbdadm = (...args: string[]): Promise<CommandResult> => command(ctx, 'drbdadm', ['-c', conf, ...args]);

  const status = async (): Promise<DrbdStatus> => {
    const r = await command(ctx, 'drbdsetup', ['events2', '--now', res], { timeoutMs: 10_000 });
    // drbdsetup exits 10 ("no such resource") for a resource that is down.
    return parseEvents2(r.code === 0 ? r.stdout : '', res);
  };

  const updateScore = async (s: DrbdStatus): Promise<void> => {
    const score = promotionScore(s, scoreOptions(ctx));
    if (score > 0) await setPromotionScore(ctx, score);
    else await deletePromotionScore(ctx);
  };

  const validate = async (): Promise<OcfExitCode> => {
    if (!which(ctx, 'drbdadm') || !which(ctx, 'drbdsetup')) fail(OCF_ERR_INSTALLED, 'drbdadm/drbdsetup not found (drbd-utils)');
    if (!existsSync('/proc/drbd')) {
      const m = await command(ctx, 'modinfo', ['-F', 'version', 'drbd'], { timeoutMs: 10_000 });
      if (m.code !== 0 || m.stdout.trim() === '') fail(OCF_ERR_INSTALLED, 'DRBD kernel (module) not available?');
    }
    checkDrbdMeta(ctx);
    scoreOptions(ctx);
    const dev = await drbdadm('sh-dev', res);
    if (dev.code !== 0) fail(OCF_ERR_CONFIGURED, `${res} is not defined in ${conf}: ${dev.stderr.trim()}`);
    return OCF_SUCCESS;
  };

  const monitor = async (): Promise<OcfExitCode> => {
    const s = await status();
    if (!s.configured) {
      if (!ctx.isProbe) await deletePromotionScore(ctx);
      return OCF_NOT_RUNNING;
    }
    await updateScore(s);
    return s.role === 'Primary' ? OCF_RUNNING_PROMOTED : OCF_SUCCESS;
  };

  const start = async (): Promise<OcfExitCode> => {
    if (!existsSync('/proc/drbd') && which(ctx, 'modprobe')) {
      const parms = await drbdadm('sh-mod-parms');
      await command(ctx, 'modprobe', ['-s', 'drbd', ...parms.stdout.trim().split(/\s+/).filter((w) => w !== '')]);
    }
    const a = await drbdadm('adjust', res);
    if (a.code !== 0) fail(OCF_ERR_GENERIC, `drbdadm adjust ${res} failed: ${a.stderr.trim()}`);
    // Up now; give the peer wfc_timeout seconds to connect so the first score knows about it.
    const until = Date.now() + Math.min(Number(ctx.params['wfc_timeout'] ?? '5') * 1000, ctx.remainingMs() - 1000);
    let s = await status();
    while (s.configured && !s.peers.some((p) => p.connection === 'Connected') && Date.now() < until) {
      await sleep(500);
      s = await status();
    }
    if (!s.configured) fail(OCF_ERR_GENERIC, `${res} is not up after drbdadm adjust`);
    await updateScore(s);
    return OCF_SUCCESS;
  };

  const promote = async (): Promise<OcfExitCode> => {
    for (;;) {
      const s = await status();
      if (!s.configured) fail(OCF_ERR_GENERIC, `${res} is not up, cannot promote`);
      if (s.role === 'Primary') {
        await updateScore(s);
        return OCF_SUCCESS;
      }
      if (!allowsTwoPrimaries(ctx) && s.peers.some((p) => p.role === 'Primary')) fail(OCF_ERR_GENERIC, `${res}: the peer is Primary and promoted-max is 1`);
      const r = await drbdadm('primary', res);
      if (r.code === NO_UP_TO_DATE_DISK) fail(OCF_ERR_GENERIC, `${res}: no UpToDate data to promote (${r.stderr.trim()})`);
      if (r.code !== 0 && ctx.remainingMs() < 2000) fail(OCF_ERR_GENERIC, `drbdadm primary ${res} failed: ${r.stderr.trim()}`);
      if (r.code !== 0) await sleep(1000);
    }
  };

  const demote = async (): Promise<OcfExitCode> => {
    for (;;) {
      const s = await status();
      if (!s.configured) fail(OCF_ERR_GENERIC, `${res} is not up`);
      if (s.role !== 'Primary') {
        await updateScore(s);
        return OCF_SUCCESS;
      }
      const r = await drbdadm('secondary', res);
      if (r.code !== 0 && ctx.remainingMs() < 2000) fail(OCF_ERR_GENERIC, `drbdadm secondary ${res} failed: ${r.stderr.trim()}`);
      if (r.code !== 0) await sleep(1000);
    }
  };

  const stop = async (): Promise<OcfExitCode> => {
    const s = await status();
    if (s.configured) {
      if (s.role === 'Primary') await drbdadm('secondary', res);
      const peerPrimary = s.peers.some((p) => p.role === 'Primary' && p.connection === 'Connected');
      const d = await drbdadm('down', res);
      if (d.code !== 0 && (await status()).configured) fail(OCF_ERR_GENERIC, `drbdadm down ${res} failed: ${d.stderr.trim()}`);
      if (isTrue(ctx.params['stop_outdates_secondary']) && peerPrimary) await drbdadm('outdate', res);
    }
    await deletePromotionScore(ctx);
    return OCF_SUCCESS;
  };

  const notify = async (): Promise<OcfExitCode> => {
    const type = ctx.meta['notify_type'];
    const op = ctx.meta['notify_operation'];
    // A peer (re)starting: connect to it; after anything, the disk states may have changed.
    if (op === 'start' && (await status()).configured) await drbdadm('adjust', res);
    if (type === 'post') {
      const s = await status();
      if (s.configured) await updateScore(s);
    }
    return OCF_SUCCESS;
  };

  const reload = async (): Promise<OcfExitCode> => {
    const r = await drbdadm('adjust', res);
    if (r.code !== 0) fail(OCF_ERR_GENERIC, `drbdadm adjust ${res} failed: ${r.stderr.trim()}`);
    return OCF_SUCCESS;
  };

  return { validate, start, stop, monitor, promote, demote, notify, reload };
}
