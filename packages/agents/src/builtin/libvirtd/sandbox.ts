// ocf:hacluster:libvirtd in the sandbox: the daemon is a state file.

import { OCF_NOT_RUNNING, OCF_SUCCESS } from '../../ocf/codes.js';
import type { Handlers } from '../framework/agent.js';
import type { AgentContext } from '../framework/context.js';
import { Sandbox } from '../framework/sandbox.js';

export function libvirtdSandbox(ctx: AgentContext): Handlers {
  const sb = Sandbox.of(ctx);
  return {
    validate: async () => OCF_SUCCESS,
    start: async () => {
      sb.write(sb.stateFile(), `libvirtd ${ctx.params['uri']}`);
      return OCF_SUCCESS;
    },
    stop: async () => {
      sb.remove(sb.stateFile());
      return OCF_SUCCESS;
    },
    monitor: async () => (sb.read(sb.stateFile()) !== undefined ? OCF_SUCCESS : OCF_NOT_RUNNING),
  };
}
