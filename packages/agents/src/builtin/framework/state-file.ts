// Where an agent keeps "I was started" for services that leave no other trace (health checks):
// HA_RSCTMP like the shell agents (Dummy), or the instance directory in the sandbox.

import { join } from 'node:path';
import type { AgentContext } from './context.js';
import { Sandbox, safeName } from './sandbox.js';

export function instanceStateDir(ctx: AgentContext): string {
  if (ctx.sandboxDir) return Sandbox.of(ctx).instanceDir;
  return join(ctx.env['HA_RSCTMP'] || '/run/resource-agents', `${ctx.type}-${safeName(ctx.instance)}`);
}

export function instanceStateFile(ctx: AgentContext, name = 'state'): string {
  return join(instanceStateDir(ctx), name);
}
