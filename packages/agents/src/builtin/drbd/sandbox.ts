// ocf:hacluster:drbd in the sandbox. A DRBD resource on a node is a directory
// <sandbox>/<node>/drbd/<resource> with a `role` file (Primary/Secondary; absent: down) and a
// `disk` file (UpToDate, Consistent, Outdated, Inconsistent, Diskless; UpToDate when first
// brought up). Every other node directory holding the same resource up is a connected peer, so
// the promotion score logic, dual-primary rules and outdating run on real state.

import { join } from 'node:path';
import { OCF_ERR_GENERIC, OCF_NOT_RUNNING, OCF_RUNNING_PROMOTED, OCF_SUCCESS, type OcfExitCode } from '../../ocf/codes.js';
import type { Handlers } from '../framework/agent.js';
import { deletePromotionScore, setPromotionScore } from '../framework/attributes.js';
import { isTrue, type AgentContext } from '../framework/context.js';
import { fail } from '../framework/failure.js';
import { Sandbox, safeName } from '../framework/sandbox.js';
import { allowsTwoPrimaries, checkDrbdMeta, scoreOptions } from './common.js';
import { promotionScore, type DrbdRole, type DrbdStatus } from './state.js';

export function drbdSandbox(ctx: AgentContext): Handlers {
  const sb = Sandbox.of(ctx);
  const res = safeName(ctx.params['drbd_resource'] ?? '');
  const dir = (node: string): string => join(sb.root, node, 'drbd', res);
  const roleOf = (node: string): DrbdRole | undefined => {
    const r = sb.read(join(dir(node), 'role'));
    return r === 'Primary' || r === 'Secondary' ? r : undefined;
  };
  const diskOf = (node: string): string => sb.read(join(dir(node), 'disk')) ?? 'UpToDate';
  const status = (): DrbdStatus => {
    const role = roleOf(ctx.nodeName);
    return {
      configured: role !== undefined,
      role: role ?? 'Unknown',
      disk: diskOf(ctx.nodeName),
      peers: sb
        .nodes()
        .filter((n) => n !== ctx.nodeName && roleOf(n) !== undefined)
        .map((n) => ({ name: n, connection: 'Connected', role: roleOf(n) ?? 'Unknown', peerDisk: diskOf(n) })),
    };
  };
  const setRole = (role: DrbdRole | undefined): void => {
    if (role === undefined) sb.remove(join(dir(ctx.nodeName), 'role'));
    else sb.write(join(dir(ctx.nodeName), 'role'), role);
  };
  const updateScore = async (): Promise<void> => {
    const score = promotionScore(status(), scoreOptions(ctx));
    if (score > 0) await setPromotionScore(ctx, score);
    else await deletePromotionScore(ctx);
  };

  return {
    validate: async (): Promise<OcfExitCode> => {
      checkDrbdMeta(ctx);
      scoreOptions(ctx);
      return OCF_SUCCESS;
    },
    start: async () => {
      if (roleOf(ctx.nodeName) === undefined) {
        if (sb.read(join(dir(ctx.nodeName), 'disk')) === undefined) sb.write(join(dir(ctx.nodeName), 'disk'), 'UpToDate');
        setRole('Secondary');
      }
      await updateScore();
      return OCF_SUCCESS;
    },
    stop: async () => {
      const s = status();
      if (s.configured) {
        setRole(undefined);
        if (isTrue(ctx.params['stop_outdates_secondary']) && s.role !== 'Primary' && s.peers.some((p) => p.role === 'Primary')) {
          sb.write(join(dir(ctx.nodeName), 'disk'), 'Outdated');
        }
      }
      await deletePromotionScore(ctx);
      return OCF_SUCCESS;
    },
    monitor: async () => {
      const s = status();
      if (!s.configured) {
        if (!ctx.isProbe) await deletePromotionScore(ctx);
        return OCF_NOT_RUNNING;
      }
      await updateScore();
      return s.role === 'Primary' ? OCF_RUNNING_PROMOTED : OCF_SUCCESS;
    },
    promote: async () => {
      const s = status();
      if (!s.configured) fail(OCF_ERR_GENERIC, `${res} is not up, cannot promote`);
      if (s.role === 'Primary') return OCF_SUCCESS;
      if (!allowsTwoPrimaries(ctx) && s.peers.some((p) => p.role === 'Primary')) fail(OCF_ERR_GENERIC, `${res}: the peer is Primary and promoted-max is 1`);
      // DRBD can be Primary with UpToDate data here, or reach it through a connected peer.
      const reachable = s.disk === 'UpToDate' || (s.disk === 'Diskless' && s.peers.some((p) => p.peerDisk === 'UpToDate'));
      if (!reachable) fail(OCF_ERR_GENERIC, `${res}: no UpToDate data to promote (local disk ${s.disk})`);
      setRole('Primary');
      await updateScore();
      return OCF_SUCCESS;
    },
    demote: async () => {
      if (!status().configured) fail(OCF_ERR_GENERIC, `${res} is not up`);
      setRole('Secondary');
      await updateScore();
      return OCF_SUCCESS;
    },
    notify: async () => {
      if (ctx.meta['notify_type'] === 'post' && status().configured) await updateScore();
      return OCF_SUCCESS;
    },
    reload: async () => OCF_SUCCESS,
  };
}
