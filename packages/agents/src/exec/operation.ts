// What the executor is asked to do and what it reports back. The shape follows Pacemaker's
// executor: an operation on one resource, and a result that keeps the agent's exit code apart
// from how the execution itself went (it ran to the end, it timed out, it could not run).

import type { AgentName } from '../agent-name.js';
import type { NotifyData } from '../ocf/environment.js';
import { normalizeOcfExitCode, ocfExitCodeName, type OcfExitCode } from '../ocf/codes.js';

/** A configured resource, as the executor needs it: its id, agent, parameters and meta attributes. */
export interface ResourceSpec {
  id: string;
  agent: AgentName;
  params: Record<string, string>;
  meta: Record<string, string>;
}

/** Actions of OCF agents (and the other classes map theirs onto these). */
export type OcfAction =
  | 'start'
  | 'stop'
  | 'monitor'
  | 'promote'
  | 'demote'
  | 'notify'
  | 'migrate_to'
  | 'migrate_from'
  | 'reload'
  | 'reload-agent'
  | 'meta-data'
  | 'validate-all';

/** Actions of fence agents, run against a target node. */
export type FenceAction = 'on' | 'off' | 'reboot' | 'status' | 'list' | 'monitor';

export interface OperationRequest {
  resource: ResourceSpec;
  action: OcfAction;
  /** 0 for one-shot operations; a monitor with interval 0 is a probe. */
  intervalMs?: number;
  timeoutMs?: number;
  /** OCF_CHECK_LEVEL for monitors (the operation's OCF_CHECK_LEVEL attribute). */
  checkLevel?: number;
  notify?: NotifyData;
  /**
   * Report a probe's code as the agent gave it. The executor otherwise reads a probe's 2 and 5
   * as 7, as Pacemaker does; `crm_resource --force-check` (and so debug-monitor) shows it raw.
   */
  keepProbeResult?: boolean;
}

/** How the run itself went: `done` (the agent finished and its code counts), `timeout`, `error`. */
export type ExecStatus = 'done' | 'timeout' | 'error';

export interface OperationResult {
  resource: string;
  action: OcfAction;
  intervalMs: number;
  rc: OcfExitCode;
  rcName: string;
  execStatus: ExecStatus;
  exitReason: string | undefined;
  stdout: string;
  stderr: string;
  /** The environment the agent ran with (what `pcs resource debug-* --full` prints). */
  env: Record<string, string>;
  /** The agent's own exit code before any mapping, when it exited. */
  rawExitCode: number | undefined;
  /** A probe's result that Pacemaker reads differently (2/5 masked to 7). */
  probe: boolean;
  /** Output was longer than the executor keeps. */
  truncated: boolean;
}

export const DEFAULT_TIMEOUT_MS = 20_000;

export function isProbe(req: OperationRequest): boolean {
  return req.action === 'monitor' && (req.intervalMs ?? 0) === 0;
}

/** A result for something that never got to run (agent missing, class unsupported). */
export function notRunResult(
  req: OperationRequest,
  rc: OcfExitCode,
  execStatus: ExecStatus,
  reason: string,
  env: Record<string, string> = {},
): OperationResult {
  return {
    resource: req.resource.id,
    action: req.action,
    intervalMs: req.intervalMs ?? 0,
    rc,
    rcName: ocfExitCodeName(rc),
    execStatus,
    exitReason: reason,
    stdout: '',
    stderr: '',
    env,
    rawExitCode: undefined,
    probe: isProbe(req),
    truncated: false,
  };
}

export function withRc(result: OperationResult, rc: number): OperationResult {
  const code = normalizeOcfExitCode(rc);
  return { ...result, rc: code, rcName: ocfExitCodeName(code) };
}
