// The OCF class: `<OCF_ROOT>/resource.d/<provider>/<type> <action>` with everything passed in
// the environment, the exit code read as Pacemaker reads it.

import { agentExecutable } from '../locate.js';
import { formatAgentName } from '../agent-name.js';
import { loadAgentMetadata } from '../metadata/load.js';
import { maskProbeResult, normalizeOcfExitCode, OCF_ERR_INSTALLED, OCF_NOT_RUNNING } from '../ocf/codes.js';
import { ocfEnvironment } from '../ocf/environment.js';
import { parseExitReason } from '../ocf/exit-reason.js';
import { baseEnvironment, type ExecutorConfig } from '../exec/config.js';
import { runProcess } from '../exec/process.js';
import { DEFAULT_TIMEOUT_MS, isProbe, notRunResult, type OcfAction, type OperationRequest, type OperationResult } from '../exec/operation.js';
import { resultFromProcess } from '../exec/result.js';

/**
 * Pacemaker 2.1 schedules only reload-agent; for agents that claim OCF 1.0 and advertise the
 * legacy `reload` it runs `reload` instead (controld_metadata.c, ra_supports_legacy_reload).
 */
async function actualAction(req: OperationRequest, config: ExecutorConfig): Promise<OcfAction> {
  if (req.action !== 'reload-agent') return req.action;
  try {
    const md = await loadAgentMetadata(req.resource.agent, { paths: config.paths });
    const legacy = (md.ocfVersion ?? '1.0') < '1.1';
    const hasReloadAgent = md.actions.some((a) => a.name === 'reload-agent');
    if (legacy && !hasReloadAgent && md.actions.some((a) => a.name === 'reload')) return 'reload';
  } catch {
    // without meta-data, run what was asked and let the agent answer
  }
  return req.action;
}

export async function runOcfOperation(req: OperationRequest, config: ExecutorConfig): Promise<OperationResult> {
  const agent = req.resource.agent;
  const timeoutMs = req.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const env = {
    ...baseEnvironment(config),
    ...ocfEnvironment({
      instance: req.resource.id,
      provider: agent.provider ?? '',
      type: agent.type,
      params: req.resource.params,
      meta: req.resource.meta,
      intervalMs: req.intervalMs ?? 0,
      timeoutMs,
      ocfRoot: config.paths.ocfRoot,
      ...(req.checkLevel !== undefined ? { checkLevel: req.checkLevel } : {}),
      ...(req.notify ? { notify: req.notify } : {}),
    }),
  };
  const exe = agentExecutable(agent, config.paths);
  if (!exe) {
    // Pacemaker: exec status "not installed"; a probe of a missing agent means "not running here".
    const reason = `agent ${formatAgentName(agent)} is not installed`;
    if (isProbe(req) && !req.keepProbeResult) return { ...notRunResult(req, OCF_NOT_RUNNING, 'done', reason, env), exitReason: reason };
    return notRunResult(req, OCF_ERR_INSTALLED, 'error', reason, env);
  }
  const action = await actualAction(req, config);
  const proc = await runProcess({ file: exe, args: [action], env, timeoutMs, outputCapBytes: config.outputCapBytes });
  return resultFromProcess(req, proc, env, (code) => {
    const rc = normalizeOcfExitCode(code);
    return isProbe(req) && !req.keepProbeResult ? maskProbeResult(rc) : rc;
  }, parseExitReason(proc.stderr));
}

