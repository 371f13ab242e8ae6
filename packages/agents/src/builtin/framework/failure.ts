// An agent gives up by throwing an AgentFailure: the runner prints the reason as an
// `ocf-exit-reason:` line (what ocf_exit_reason does in shell agents) and exits with the code.

import type { OcfExitCode } from '../../ocf/codes.js';

export class AgentFailure extends Error {
  readonly code = 'AGENT_FAILURE';
  constructor(
    readonly rc: OcfExitCode,
    readonly reason: string,
  ) {
    super(reason);
  }
}

export function fail(rc: OcfExitCode, reason: string): never {
  throw new AgentFailure(rc, reason);
}
