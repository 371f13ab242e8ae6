// The stonith class. Pacemaker never runs a fence agent as a resource agent: a "start" registers
// the device with the fencer (then checks it with a monitor), a "stop" unregisters it, a
// "monitor" asks the fencer to run the agent's monitor. Fence agents themselves take their
// parameters on standard input as `key=value` lines, the action among them (action=off), and the
// target node as `port=` (or the device's pcmk_host_argument) mapped through pcmk_host_map.

import { agentExecutable } from '../locate.js';
import { formatAgentName } from '../agent-name.js';
import { loadAgentMetadata } from '../metadata/load.js';
import { OCF_ERR_GENERIC, OCF_ERR_INSTALLED, OCF_ERR_UNIMPLEMENTED, OCF_NOT_RUNNING, OCF_SUCCESS } from '../ocf/codes.js';
import { baseEnvironment, type ExecutorConfig } from '../exec/config.js';
import { runProcess, type ProcessResult } from '../exec/process.js';
import { DEFAULT_TIMEOUT_MS, isProbe, notRunResult, type FenceAction, type OperationRequest, type OperationResult, type ResourceSpec } from '../exec/operation.js';
import { resultFromProcess } from '../exec/result.js';

/** `node1:plug1;node2:plug2` (also `=` and spaces, as Pacemaker accepts) → node → plug. */
export function parseHostMap(text: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const entry of text.split(/[;,\s]+/)) {
    const m = /^([^:=]+)[:=](.+)$/.exec(entry.trim());
    if (m) map.set(m[1]!, m[2]!);
  }
  return map;
}

/**
 * The parameter that names the target, when the device does not say (pcmk_host_argument):
 * `port`, or `plug` for agents that only know that name, or none for agents with neither.
 */
export function defaultHostArgument(agentParameters: string[] | undefined): string {
  if (agentParameters === undefined || agentParameters.includes('port')) return 'port';
  if (agentParameters.includes('plug')) return 'plug';
  return 'none';
}

/** The lines a fence agent reads on stdin for one action. */
export function fenceAgentInput(device: ResourceSpec, action: FenceAction, target?: string, agentParameters?: string[]): string {
  const lines = [`action=${action}`];
  for (const [k, v] of Object.entries(device.params)) {
    // pcmk_* parameters are the fencer's, not the agent's
    if (!k.startsWith('pcmk_')) lines.push(`${k}=${v}`);
  }
  if (target !== undefined) {
    const hostArgument = device.params['pcmk_host_argument'] ?? defaultHostArgument(agentParameters);
    const plug = parseHostMap(device.params['pcmk_host_map'] ?? '').get(target) ?? target;
    lines.push(`nodename=${target}`);
    if (hostArgument !== 'none' && device.params[hostArgument] === undefined) lines.push(`${hostArgument}=${plug}`);
  }
  return lines.join('\n') + '\n';
}

export interface FenceResult {
  action: FenceAction;
  target: string | undefined;
  /** The agent's exit code; for `status` 0 means on and 2 off. */
  exitCode: number | undefined;
  execStatus: 'done' | 'timeout' | 'error';
  stdout: string;
  stderr: string;
}

/** Devices registered with "the fencer" of this executor, by resource id. */
export class FenceDeviceRegistry {
  private readonly devices = new Map<string, ResourceSpec>();
  register(device: ResourceSpec): void {
    this.devices.set(device.id, device);
  }
  unregister(id: string): void {
    this.devices.delete(id);
  }
  get(id: string): ResourceSpec | undefined {
    return this.devices.get(id);
  }
  ids(): string[] {
    return [...this.devices.keys()].sort();
  }
}

async function runFenceAgent(device: ResourceSpec, action: FenceAction, target: string | undefined, timeoutMs: number, config: ExecutorConfig): Promise<ProcessResult | undefined> {
  const exe = agentExecutable(device.agent, config.paths);
  if (!exe) return undefined;
  let parameters: string[] | undefined;
  if (target !== undefined && device.params['pcmk_host_argument'] === undefined) {
    try {
      parameters = (await loadAgentMetadata(device.agent, { paths: config.paths })).parameters.map((p) => p.name);
    } catch {
      parameters = undefined;
    }
  }
  return runProcess({
    file: exe,
    args: [],
    env: { ...baseEnvironment(config), LC_ALL: 'C' },
    stdin: fenceAgentInput(device, action, target, parameters),
    timeoutMs,
    outputCapBytes: config.outputCapBytes,
  });
}

export async function fence(device: ResourceSpec, action: FenceAction, target: string | undefined, timeoutMs: number, config: ExecutorConfig): Promise<FenceResult> {
  const proc = await runFenceAgent(device, action, target, timeoutMs, config);
  if (!proc) return { action, target, exitCode: undefined, execStatus: 'error', stdout: '', stderr: `${formatAgentName(device.agent)} is not installed` };
  const o = proc.outcome;
  return {
    action,
    target,
    exitCode: o.kind === 'exited' ? o.code : undefined,
    execStatus: o.kind === 'exited' ? 'done' : o.kind === 'timeout' ? 'timeout' : 'error',
    stdout: proc.stdout,
    stderr: proc.stderr,
  };
}

export async function runStonithOperation(req: OperationRequest, config: ExecutorConfig, registry: FenceDeviceRegistry): Promise<OperationResult> {
  const env = { ...baseEnvironment(config) };
  const timeoutMs = req.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const device = req.resource;
  const monitor = async (): Promise<OperationResult> => {
    const proc = await runFenceAgent(device, 'monitor', undefined, timeoutMs, config);
    if (!proc) return notRunResult(req, OCF_ERR_INSTALLED, 'error', `${formatAgentName(device.agent)} is not installed`, env);
    // Any failure of a fence agent is a generic error to the executor.
    return resultFromProcess(req, proc, env, (code) => (code === 0 ? OCF_SUCCESS : OCF_ERR_GENERIC), proc.stderr.trim().split('\n').pop() || undefined);
  };
  switch (req.action) {
    case 'start': {
      registry.register(device);
      const r = await monitor();
      if (r.rc !== OCF_SUCCESS) registry.unregister(device.id);
      return r;
    }
    case 'stop':
      registry.unregister(device.id);
      return notRunResult(req, OCF_SUCCESS, 'done', '', env);
    case 'monitor':
      if (!registry.get(device.id)) {
        return isProbe(req) ? notRunResult(req, OCF_NOT_RUNNING, 'done', '', env) : notRunResult(req, OCF_NOT_RUNNING, 'done', 'device is not registered', env);
      }
      return monitor();
    default:
      return notRunResult(req, OCF_ERR_UNIMPLEMENTED, 'done', `fence devices have no ${req.action} action`, env);
  }
}
