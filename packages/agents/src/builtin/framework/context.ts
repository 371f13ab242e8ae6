// Everything an agent knows about the operation it runs, read from the OCF environment once:
// instance, parameters (with meta-data defaults), meta attributes, interval and timeout, the
// local node name, and whether the sandbox backend was asked for.

import { hostname } from 'node:os';
import { metaFromEnvironment, paramsFromEnvironment } from '../../ocf/environment.js';
import { withDefaults, type MetadataSpec } from './metadata-spec.js';

export type LogLevel = 'debug' | 'info' | 'warn' | 'err';

export interface AgentContext {
  type: string;
  instance: string;
  action: string;
  params: Record<string, string>;
  meta: Record<string, string>;
  intervalMs: number;
  timeoutMs: number;
  /** Epoch ms by which the agent must be done: loops and waits are bounded by it. */
  deadline: number;
  /** A monitor with interval 0: the manager asks what the state is, nothing is expected. */
  isProbe: boolean;
  checkLevel: number;
  nodeName: string;
  /** Set when HACLUSTER_SANDBOX names a directory: the sandbox backend keeps its state there. */
  sandboxDir: string | undefined;
  env: Record<string, string | undefined>;
  log(level: LogLevel, message: string): void;
  remainingMs(): number;
}

export const SANDBOX_VARIABLE = 'HACLUSTER_SANDBOX';

/** The node this agent runs for: Pacemaker's on_node, else HACLUSTER_NODE, else the host name. */
export function localNodeName(env: Record<string, string | undefined>): string {
  return env['OCF_RESKEY_CRM_meta_on_node'] || env['HACLUSTER_NODE'] || hostname().split('.')[0] || 'localhost';
}

export function isTrue(v: string | undefined): boolean {
  return v !== undefined && /^(1|true|yes|on|y)$/i.test(v.trim());
}

export function buildContext(
  spec: MetadataSpec,
  action: string,
  env: Record<string, string | undefined>,
  now: number = Date.now(),
  write: (line: string) => void = (l) => process.stderr.write(l),
): AgentContext {
  const meta = metaFromEnvironment(env);
  const timeoutMs = Number(meta['timeout'] ?? '') > 0 ? Number(meta['timeout']) : 20_000;
  const intervalMs = Number(meta['interval'] ?? '0') || 0;
  const levelRaw = env['OCF_CHECK_LEVEL'] ?? env['OCF_RESKEY_OCF_CHECK_LEVEL'] ?? '0';
  const debug = isTrue(env['HA_debug']);
  const instance = env['OCF_RESOURCE_INSTANCE'] ?? spec.type;
  return {
    type: spec.type,
    instance,
    action,
    params: withDefaults(spec, paramsFromEnvironment(env)),
    meta,
    intervalMs,
    timeoutMs,
    // Leave a little of the manager's timeout for our own exit so a bounded wait ends as a
    // result, not as the executor's kill.
    deadline: now + Math.max(1000, timeoutMs - Math.min(2000, timeoutMs / 10)),
    isProbe: (action === 'monitor' || action === 'status') && intervalMs === 0,
    checkLevel: Number(levelRaw) || 0,
    nodeName: localNodeName(env),
    sandboxDir: env[SANDBOX_VARIABLE] || undefined,
    env,
    log(level, message) {
      if (level === 'debug' && !debug) return;
      write(`${spec.type}(${instance})[${process.pid}]: ${level.toUpperCase()}: ${message}\n`);
    },
    remainingMs() {
      return this.deadline - Date.now();
    },
  };
}
