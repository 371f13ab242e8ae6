// ocf:hacluster:clvm in the sandbox: the daemon and the activated volume groups are a state file.

import { OCF_ERR_CONFIGURED, OCF_NOT_RUNNING, OCF_SUCCESS, type OcfExitCode } from '../../ocf/codes.js';
import type { Handlers } from '../framework/agent.js';
import { isTrue, type AgentContext } from '../framework/context.js';
import { fail } from '../framework/failure.js';
import { Sandbox } from '../framework/sandbox.js';

export function clvmSandbox(ctx: AgentContext): Handlers {
  const sb = Sandbox.of(ctx);
  const running = (): boolean => sb.read(sb.stateFile()) !== undefined;
  const daemon = (): string => {
    const d = ctx.params['daemon'] ?? 'auto';
    if (!['auto', 'clvmd', 'lvmlockd'].includes(d)) fail(OCF_ERR_CONFIGURED, `daemon must be clvmd, lvmlockd or auto, not ${d}`);
    return d === 'auto' ? 'lvmlockd' : d;
  };
  return {
    validate: async (): Promise<OcfExitCode> => {
      daemon();
      return OCF_SUCCESS;
    },
    start: async () => {
      if (!running()) sb.write(sb.stateFile(), `${daemon()} vgs=${isTrue(ctx.params['activate_vgs']) ? (isTrue(ctx.params['exclusive']) ? 'exclusive' : 'active') : 'inactive'}`);
      return OCF_SUCCESS;
    },
    stop: async () => {
      sb.remove(sb.stateFile());
      return OCF_SUCCESS;
    },
    monitor: async () => (running() ? OCF_SUCCESS : OCF_NOT_RUNNING),
  };
}
