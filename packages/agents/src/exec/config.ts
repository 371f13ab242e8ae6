// Settings every agent class shares: where agents are, the PATH and extra environment agents run
// with, and how much output is kept.

import { defaultAgentPaths, type AgentPaths } from '../locate.js';
import { DEFAULT_OUTPUT_CAP } from './process.js';

export interface ExecutorConfig {
  paths: AgentPaths;
  /** PATH given to agents (they find drbdadm, virsh, crm_attribute... through it). */
  path: string;
  /**
   * Added to every agent's environment: CIB_file for the attribute tools, HACLUSTER_SANDBOX
   * for the sandbox backend of our agents, HA_debug...
   */
  environment: Record<string, string>;
  outputCapBytes: number;
  /** The systemctl to drive systemd units with. */
  systemctl: string;
  /** Where runtime unit drop-ins go (Pacemaker writes them under /run/systemd/system). */
  systemdRuntimeDir: string;
}

export const STANDARD_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/** Variables of the caller's environment that agents should see too. */
const INHERITED = ['CIB_file', 'HA_debug', 'OCF_TRACE_RA', 'HACLUSTER_SANDBOX', 'HACLUSTER_NODE', 'LANG'];

export function executorConfig(overrides: Partial<ExecutorConfig> = {}, env: NodeJS.ProcessEnv = process.env): ExecutorConfig {
  const environment: Record<string, string> = {};
  for (const k of INHERITED) {
    const v = env[k];
    if (v !== undefined) environment[k] = v;
  }
  return {
    paths: overrides.paths ?? defaultAgentPaths(env),
    path: overrides.path ?? env['PATH'] ?? STANDARD_PATH,
    environment: { ...environment, ...(overrides.environment ?? {}) },
    outputCapBytes: overrides.outputCapBytes ?? DEFAULT_OUTPUT_CAP,
    systemctl: overrides.systemctl ?? 'systemctl',
    systemdRuntimeDir: overrides.systemdRuntimeDir ?? '/run/systemd/system',
  };
}

/** The environment shared by every agent run, before the class adds its own variables. */
export function baseEnvironment(config: ExecutorConfig): Record<string, string> {
  return { PATH: config.path, ...config.environment };
}
