// ocf:hacluster:Filesystem in the sandbox: a mount is a state file naming device, directory and
// type; the parameter checks (clone safety, bind options) are the real backend's own.

import { join } from 'node:path';
import { OCF_ERR_GENERIC, OCF_NOT_RUNNING, OCF_SUCCESS, type OcfExitCode } from '../../ocf/codes.js';
import type { Handlers } from '../framework/agent.js';
import type { AgentContext } from '../framework/context.js';
import { fail } from '../framework/failure.js';
import { Sandbox } from '../framework/sandbox.js';
import { checkFilesystemParams } from './real.js';

export function filesystemSandbox(ctx: AgentContext): Handlers {
  const sb = Sandbox.of(ctx);
  const mounted = (): boolean => sb.read(sb.stateFile()) !== undefined;
  const describe = `${ctx.params['device']} ${ctx.params['directory']} ${ctx.params['fstype']} ${ctx.params['options'] || 'defaults'}`;
  return {
    validate: async (): Promise<OcfExitCode> => {
      checkFilesystemParams(ctx);
      return OCF_SUCCESS;
    },
    start: async () => {
      if (!mounted()) sb.write(sb.stateFile(), describe);
      return OCF_SUCCESS;
    },
    stop: async () => {
      sb.remove(sb.stateFile());
      sb.remove(join(sb.instanceDir, 'status'));
      return OCF_SUCCESS;
    },
    monitor: async () => {
      if (!mounted()) return OCF_NOT_RUNNING;
      if (ctx.checkLevel >= 20) {
        const token = `${Date.now()} ${process.pid}`;
        sb.write(join(sb.instanceDir, 'status'), token);
        if (sb.read(join(sb.instanceDir, 'status')) !== token) fail(OCF_ERR_GENERIC, 'cannot read back the status file');
      }
      return OCF_SUCCESS;
    },
    notify: async () => OCF_SUCCESS,
  };
}
