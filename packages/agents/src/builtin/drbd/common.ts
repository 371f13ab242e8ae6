// What both drbd backends check and decide the same way: the clone's meta attributes and the
// score options.

import { OCF_ERR_CONFIGURED } from '../../ocf/codes.js';
import { isTrue, type AgentContext } from '../framework/context.js';
import { fail } from '../framework/failure.js';
import { parseAdjustScores, type ScoreOptions } from './state.js';

function metaNumber(ctx: AgentContext, ...names: string[]): number | undefined {
  for (const n of names) {
    const v = ctx.meta[n];
    if (v !== undefined && v !== '') return Number(v);
  }
  return undefined;
}

/** At most two Primaries, one instance per node, and notifications on (ocf:linbit:drbd's rules). */
export function checkDrbdMeta(ctx: AgentContext): void {
  if (ctx.meta['clone_max'] === undefined) return; // run on its own (debug-start, ocf-tester)
  if ((metaNumber(ctx, 'clone_node_max') ?? 1) !== 1) fail(OCF_ERR_CONFIGURED, 'clone-node-max must be 1');
  if ((metaNumber(ctx, 'promoted_node_max', 'master_node_max') ?? 1) !== 1) fail(OCF_ERR_CONFIGURED, 'promoted-node-max must be 1');
  if ((metaNumber(ctx, 'promoted_max', 'master_max') ?? 1) > 2) fail(OCF_ERR_CONFIGURED, 'promoted-max must be 1 or 2');
  if (!isTrue(ctx.meta['notify']) && !isTrue(ctx.params['ignore_missing_notifications'])) {
    fail(OCF_ERR_CONFIGURED, 'meta parameter notify=true is required (or set ignore_missing_notifications)');
  }
}

export function scoreOptions(ctx: AgentContext): ScoreOptions {
  const adjust = parseAdjustScores(ctx.params['adjust_master_score'] ?? '0 10 1000 10000');
  if (!adjust) fail(OCF_ERR_CONFIGURED, `adjust_master_score must be four integers, not '${ctx.params['adjust_master_score']}'`);
  const remove = ctx.params['remove_master_score_if_peer_primary'] ?? 'false';
  if (remove !== 'false' && remove !== 'true' && remove !== 'unexpected') fail(OCF_ERR_CONFIGURED, 'remove_master_score_if_peer_primary must be false, true or unexpected');
  return { adjust, removeIfPeerPrimary: remove };
}

/** Dual-primary setups allow a promotion while the peer is Primary. */
export function allowsTwoPrimaries(ctx: AgentContext): boolean {
  return (metaNumber(ctx, 'promoted_max', 'master_max') ?? 1) >= 2;
}
