// One operation of one resource run on this machine, as `pcs resource debug-start` runs it (pcs
// calls `crm_resource --force-start`): the same agent, environment and meta attributes the
// executor would use, with everything kept for printing.

import type { AgentName } from '../agent-name.js';
import { Executor } from './executor.js';
import type { ExecutorConfig } from './config.js';
import type { ExecStatus } from './operation.js';

export type DebugActionName = 'start' | 'stop' | 'monitor' | 'promote' | 'demote';

export interface DebugSpec {
  id: string;
  agent: AgentName;
  params: Record<string, string>;
  meta: Record<string, string>;
}

export interface DebugOptions {
  /** Keep the environment and the agent's output (pcs's --full). They are returned either way. */
  full?: boolean;
  timeoutMs?: number;
  /** Executor settings (PATH, extra environment such as CIB_file or HACLUSTER_SANDBOX). */
  executor?: Partial<ExecutorConfig>;
}

export interface DebugResult {
  rc: number;
  rcName: string;
  execStatus: ExecStatus;
  exitReason?: string;
  stdout: string;
  stderr: string;
  env: Record<string, string>;
}

/** The timeout of an operation as crm_resource picks it: the meta `timeout`, else 20 s. */
function defaultTimeout(meta: Record<string, string>): number {
  const t = meta['timeout'];
  if (t && /^\d+$/.test(t)) return Number(t) * 1000;
  const m = t ? /^(\d+)(ms|s|m|min)$/.exec(t) : null;
  if (m) return Number(m[1]) * ({ ms: 1, s: 1000, m: 60_000, min: 60_000 } as const)[m[2] as 'ms' | 's' | 'm' | 'min'];
  return 20_000;
}

export async function debugAction(spec: DebugSpec, action: DebugActionName, options: DebugOptions = {}): Promise<DebugResult> {
  const executor = new Executor(options.executor ?? {});
  try {
    // crm_resource --force-check runs a monitor as a probe (interval 0).
    const r = await executor.run({
      resource: spec,
      action,
      intervalMs: 0,
      keepProbeResult: true,
      timeoutMs: options.timeoutMs ?? defaultTimeout(spec.meta),
    });
    const out: DebugResult = { rc: r.rc, rcName: r.rcName, execStatus: r.execStatus, stdout: r.stdout, stderr: r.stderr, env: r.env };
    if (r.exitReason !== undefined) out.exitReason = r.exitReason;
    return out;
  } finally {
    executor.close();
  }
}
