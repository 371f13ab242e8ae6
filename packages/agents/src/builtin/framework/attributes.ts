// Node attributes from inside an agent, through the same tools shell agents call: the promotion
// score (`master-<instance>`, transient) with `crm_attribute --promotion`, and other node
// attributes. Whatever crm_attribute is first on PATH answers: Pacemaker's with a live cluster,
// or the CIB-file shims of @hacluster/cli (CIB_file) outside one.

import { command } from './command.js';
import type { AgentContext } from './context.js';

export async function setPromotionScore(ctx: AgentContext, score: number): Promise<boolean> {
  if (score <= 0) return deletePromotionScore(ctx);
  const r = await command(ctx, 'crm_attribute', [`--promotion=${ctx.instance}`, '--node', ctx.nodeName, '--lifetime', 'reboot', '--update', String(score)], { timeoutMs: 10_000 });
  if (r.code !== 0) ctx.log('warn', `could not set the promotion score of ${ctx.instance} to ${score}: ${r.stderr.trim() || 'crm_attribute failed'}`);
  return r.code === 0;
}

export async function deletePromotionScore(ctx: AgentContext): Promise<boolean> {
  const r = await command(ctx, 'crm_attribute', [`--promotion=${ctx.instance}`, '--node', ctx.nodeName, '--lifetime', 'reboot', '--delete'], { timeoutMs: 10_000 });
  if (r.code !== 0) ctx.log('warn', `could not delete the promotion score of ${ctx.instance}: ${r.stderr.trim() || 'crm_attribute failed'}`);
  return r.code === 0;
}

/** The current promotion score on this node, or undefined when there is none. */
export async function getPromotionScore(ctx: AgentContext): Promise<number | undefined> {
  const r = await command(ctx, 'crm_attribute', [`--promotion=${ctx.instance}`, '--node', ctx.nodeName, '--lifetime', 'reboot', '--query', '--quiet'], { timeoutMs: 10_000 });
  const v = r.stdout.trim();
  return r.code === 0 && /^-?\d+$/.test(v) ? Number(v) : undefined;
}

/** A cluster option as `crm_attribute --type crm_config --query` reports it. */
export async function clusterOption(ctx: AgentContext, name: string): Promise<string | undefined> {
  const r = await command(ctx, 'crm_attribute', ['--type', 'crm_config', '--name', name, '--query', '--quiet'], { timeoutMs: 10_000 });
  const v = r.stdout.trim();
  return r.code === 0 && v !== '' ? v : undefined;
}

export async function setNodeAttribute(ctx: AgentContext, name: string, value: string, lifetime: 'reboot' | 'forever' = 'reboot'): Promise<boolean> {
  const r = await command(ctx, 'crm_attribute', ['--node', ctx.nodeName, '--name', name, '--lifetime', lifetime, '--update', value], { timeoutMs: 10_000 });
  if (r.code !== 0) ctx.log('warn', `could not set node attribute ${name}: ${r.stderr.trim() || 'crm_attribute failed'}`);
  return r.code === 0;
}
