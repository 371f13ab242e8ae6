// Turns a finished child process into an operation result, the same way for every class: a
// timeout or a signal is an execution status, only an exit code goes through the class's map.

import { ocfExitCodeName, OCF_ERR_GENERIC, type OcfExitCode } from '../ocf/codes.js';
import { DEFAULT_TIMEOUT_MS, isProbe, type OperationRequest, type OperationResult } from './operation.js';
import type { ProcessResult } from './process.js';

export function resultFromProcess(
  req: OperationRequest,
  proc: ProcessResult,
  env: Record<string, string>,
  mapExitCode: (code: number) => OcfExitCode,
  exitReason: string | undefined,
): OperationResult {
  const base = {
    resource: req.resource.id,
    action: req.action,
    intervalMs: req.intervalMs ?? 0,
    stdout: proc.stdout,
    stderr: proc.stderr,
    env,
    probe: isProbe(req),
    truncated: proc.truncated,
  };
  const o = proc.outcome;
  switch (o.kind) {
    case 'exited': {
      const rc = mapExitCode(o.code);
      return { ...base, rc, rcName: ocfExitCodeName(rc), execStatus: 'done', exitReason, rawExitCode: o.code };
    }
    case 'timeout':
      return { ...base, rc: OCF_ERR_GENERIC, rcName: ocfExitCodeName(OCF_ERR_GENERIC), execStatus: 'timeout', exitReason: exitReason ?? `timed out after ${req.timeoutMs ?? DEFAULT_TIMEOUT_MS}ms`, rawExitCode: undefined };
    case 'signaled':
      return { ...base, rc: OCF_ERR_GENERIC, rcName: ocfExitCodeName(OCF_ERR_GENERIC), execStatus: 'error', exitReason: exitReason ?? `terminated by signal ${o.signal}`, rawExitCode: undefined };
    case 'spawn-failed':
      return { ...base, rc: OCF_ERR_GENERIC, rcName: ocfExitCodeName(OCF_ERR_GENERIC), execStatus: 'error', exitReason: `cannot run the agent: ${o.message}`, rawExitCode: undefined };
  }
}
