// The service class: whatever the host uses to run system services. Pacemaker resolves it to
// systemd when systemd manages the host and knows the unit, otherwise to an LSB init script.

import { existsSync } from 'node:fs';
import { agentExecutable } from '../locate.js';
import type { ExecutorConfig } from '../exec/config.js';
import { runProcess } from '../exec/process.js';
import type { OperationRequest, OperationResult } from '../exec/operation.js';
import { runLsbOperation } from './lsb.js';
import { runSystemdOperation, systemdUnitName } from './systemd.js';

/** systemd is the service manager when /run/systemd/system exists (sd_booted()). */
export function systemdIsRunning(): boolean {
  return existsSync('/run/systemd/system');
}

async function systemdKnows(unit: string, config: ExecutorConfig): Promise<boolean> {
  const p = await runProcess({ file: config.systemctl, args: ['show', '--property=LoadState', unit], env: { PATH: config.path, LC_ALL: 'C' }, timeoutMs: 5000 });
  return p.outcome.kind === 'exited' && p.outcome.code === 0 && !p.stdout.includes('LoadState=not-found');
}

export async function runServiceOperation(req: OperationRequest, config: ExecutorConfig): Promise<OperationResult> {
  const type = req.resource.agent.type;
  if (systemdIsRunning() && (await systemdKnows(systemdUnitName(type), config))) {
    return runSystemdOperation({ ...req, resource: { ...req.resource, agent: { class: 'systemd', provider: undefined, type } } }, config);
  }
  const asLsb = { ...req, resource: { ...req.resource, agent: { class: 'lsb' as const, provider: undefined, type } } };
  if (agentExecutable(asLsb.resource.agent, config.paths) || !systemdIsRunning()) return runLsbOperation(asLsb, config);
  return runSystemdOperation({ ...req, resource: { ...req.resource, agent: { class: 'systemd', provider: undefined, type } } }, config);
}
