// The LSB class: init scripts run as `/etc/init.d/<script> start|stop|status`. A monitor is the
// script's `status`, whose codes differ from the other actions' (LSB 3.0 section 20.2): they are
// mapped as Pacemaker's services__lsb2ocf maps them.

import { agentExecutable } from '../locate.js';
import { formatAgentName } from '../agent-name.js';
import { lsbActionToOcf, lsbStatusToOcf, OCF_ERR_INSTALLED, OCF_ERR_UNIMPLEMENTED, OCF_NOT_RUNNING } from '../ocf/codes.js';
import { baseEnvironment, type ExecutorConfig } from '../exec/config.js';
import { runProcess } from '../exec/process.js';
import { DEFAULT_TIMEOUT_MS, isProbe, notRunResult, type OcfAction, type OperationRequest, type OperationResult } from '../exec/operation.js';
import { resultFromProcess } from '../exec/result.js';

const LSB_ACTIONS: Partial<Record<OcfAction, string>> = {
  start: 'start',
  stop: 'stop',
  monitor: 'status',
  reload: 'force-reload',
  'reload-agent': 'force-reload',
};

export async function runLsbOperation(req: OperationRequest, config: ExecutorConfig): Promise<OperationResult> {
  const env = { ...baseEnvironment(config), LC_ALL: 'C' };
  const scriptAction = LSB_ACTIONS[req.action];
  if (!scriptAction) return notRunResult(req, OCF_ERR_UNIMPLEMENTED, 'done', `lsb agents have no ${req.action} action`, env);
  const exe = agentExecutable(req.resource.agent, config.paths);
  if (!exe) {
    const reason = `${formatAgentName(req.resource.agent)}: no such init script`;
    return isProbe(req) ? notRunResult(req, OCF_NOT_RUNNING, 'done', reason, env) : notRunResult(req, OCF_ERR_INSTALLED, 'error', reason, env);
  }
  const proc = await runProcess({
    file: exe,
    args: [scriptAction],
    env,
    timeoutMs: req.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    outputCapBytes: config.outputCapBytes,
  });
  const map = req.action === 'monitor' ? lsbStatusToOcf : lsbActionToOcf;
  return resultFromProcess(req, proc, env, map, undefined);
}
