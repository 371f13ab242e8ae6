// ocf:hacluster:controld in the sandbox: the daemon is a state file; the checks (anonymous
// clone, fencing enabled through crm_attribute) are the real backend's.

import { join } from 'node:path';
import { OCF_ERR_GENERIC, OCF_NOT_RUNNING, OCF_SUCCESS, type OcfExitCode } from '../../ocf/codes.js';
import type { Handlers } from '../framework/agent.js';
import type { AgentContext } from '../framework/context.js';
import { fail } from '../framework/failure.js';
import { Sandbox } from '../framework/sandbox.js';
import { checkControld } from './real.js';

export function controldSandbox(ctx: AgentContext): Handlers {
  const sb = Sandbox.of(ctx);
  const running = (): boolean => sb.read(sb.stateFile()) !== undefined;
  return {
    validate: async (): Promise<OcfExitCode> => {
      await checkControld(ctx, false);
      return OCF_SUCCESS;
    },
    start: async () => {
      if (running()) return OCF_SUCCESS;
      await checkControld(ctx, true);
      sb.write(sb.stateFile(), `${ctx.params['daemon']} ${ctx.params['args']}`);
      return OCF_SUCCESS;
    },
    stop: async () => {
      sb.remove(sb.stateFile());
      return OCF_SUCCESS;
    },
    monitor: async () => {
      if (!running()) return OCF_NOT_RUNNING;
      // `merge-wait` in the instance directory plays dlm_tool's stateful_merge_wait=1.
      if (sb.read(join(sb.instanceDir, 'merge-wait')) !== undefined) fail(OCF_ERR_GENERIC, 'DLM status is: stateful_merge_wait');
      return OCF_SUCCESS;
    },
  };
}
