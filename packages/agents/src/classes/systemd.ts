// The systemd class, driven through systemctl (Pacemaker talks D-Bus to the same manager; the
// calls map one to one: LoadUnit/StartUnit "replace"/StopUnit "replace"/ActiveState). Before a
// start Pacemaker adds a runtime drop-in so that systemd itself does not restart a unit the
// cluster owns and stops it after the cluster at shutdown; the drop-in goes again on stop.

import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { OCF_ERR_GENERIC, OCF_ERR_INSTALLED, OCF_ERR_UNIMPLEMENTED, OCF_NOT_RUNNING, OCF_SUCCESS, ocfExitCodeName, type OcfExitCode } from '../ocf/codes.js';
import { baseEnvironment, type ExecutorConfig } from '../exec/config.js';
import { runProcess, type ProcessResult } from '../exec/process.js';
import { DEFAULT_TIMEOUT_MS, isProbe, notRunResult, type OperationRequest, type OperationResult } from '../exec/operation.js';

/** `libvirtd` means `libvirtd.service`; names with a unit suffix are kept. */
export function systemdUnitName(type: string): string {
  return /\.(service|socket|mount|timer|target|path|slice|scope)$/.test(type) ? type : `${type}.service`;
}

export function pacemakerDropIn(unit: string): string {
  return [
    '[Unit]',
    `Description=Cluster Controlled ${unit.replace(/\.service$/, '')}`,
    'Before=pacemaker.service pacemaker_remote.service',
    '',
    '[Service]',
    'Restart=no',
    '',
  ].join('\n');
}

/** ActiveState → OCF (systemd.c): "activating"/"deactivating" are in progress and polled again. */
export function activeStateToOcf(state: string): OcfExitCode | 'pending' {
  switch (state) {
    case 'active':
    case 'reloading':
      return OCF_SUCCESS;
    case 'activating':
    case 'deactivating':
      return 'pending';
    default:
      return OCF_NOT_RUNNING;
  }
}

interface Unit {
  loadState: string;
  activeState: string;
}

export async function runSystemdOperation(req: OperationRequest, config: ExecutorConfig): Promise<OperationResult> {
  const env = { ...baseEnvironment(config), LC_ALL: 'C', SYSTEMD_PAGER: '' };
  const unit = systemdUnitName(req.resource.agent.type);
  const timeoutMs = req.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const deadline = Date.now() + timeoutMs;
  let stdout = '';
  let stderr = '';
  const systemctl = async (...args: string[]): Promise<ProcessResult> => {
    const p = await runProcess({ file: config.systemctl, args, env, timeoutMs: Math.max(1, deadline - Date.now()), outputCapBytes: config.outputCapBytes });
    stdout += p.stdout;
    stderr += p.stderr;
    return p;
  };
  const done = (rc: OcfExitCode, reason?: string): OperationResult => ({
    ...notRunResult(req, rc, 'done', reason ?? '', env),
    exitReason: reason,
    stdout,
    stderr,
  });
  const failed = (p: ProcessResult): OperationResult | undefined => {
    if (p.outcome.kind === 'timeout') return { ...done(OCF_ERR_GENERIC, `systemctl timed out`), execStatus: 'timeout' };
    if (p.outcome.kind === 'spawn-failed') return { ...done(OCF_ERR_INSTALLED, `cannot run ${config.systemctl}: ${p.outcome.message}`), execStatus: 'error' };
    return undefined;
  };
  const show = async (): Promise<Unit | OperationResult> => {
    const p = await systemctl('show', '--property=LoadState,ActiveState', unit);
    const f = failed(p);
    if (f) return f;
    const props = Object.fromEntries(p.stdout.split('\n').filter((l) => l.includes('=')).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
    return { loadState: props['LoadState'] ?? 'not-found', activeState: props['ActiveState'] ?? 'inactive' };
  };
  // Poll ActiveState until it settles or the operation runs out of time (execd re-polls pending).
  const settled = async (): Promise<OperationResult> => {
    for (;;) {
      const u = await show();
      if ('rc' in u) return u;
      if (u.loadState === 'not-found') return isProbe(req) || req.action === 'stop' ? done(OCF_NOT_RUNNING) : done(OCF_ERR_INSTALLED, `unit ${unit} not found`);
      const rc = activeStateToOcf(u.activeState);
      if (rc !== 'pending') return done(rc, rc === OCF_SUCCESS ? undefined : `unit ${unit} is ${u.activeState}`);
      if (Date.now() + 1000 > deadline) return { ...done(OCF_ERR_GENERIC, `unit ${unit} still ${u.activeState}`), execStatus: 'timeout' };
      await new Promise((r) => setTimeout(r, 1000));
    }
  };
  const dropInDir = join(config.systemdRuntimeDir, `${unit}.d`);
  switch (req.action) {
    case 'monitor':
      return settled();
    case 'start': {
      const u = await show();
      if ('rc' in u) return u;
      if (u.loadState === 'not-found') return done(OCF_ERR_INSTALLED, `unit ${unit} not found`);
      mkdirSync(dropInDir, { recursive: true });
      writeFileSync(join(dropInDir, '50-pacemaker.conf'), pacemakerDropIn(unit));
      await systemctl('daemon-reload');
      const p = await systemctl('start', '--job-mode=replace', unit);
      const f = failed(p);
      if (f) return f;
      const after = await settled();
      // execd's follow-up monitor: "not running" right after a start is a failed start.
      return after.rc === OCF_NOT_RUNNING ? done(OCF_ERR_GENERIC, after.exitReason ?? `unit ${unit} did not start`) : after;
    }
    case 'stop': {
      const u = await show();
      if ('rc' in u) return u;
      if (u.loadState !== 'not-found') {
        const p = await systemctl('stop', '--job-mode=replace', unit);
        const f = failed(p);
        if (f) return f;
      }
      rmSync(dropInDir, { recursive: true, force: true });
      const after = await settled();
      // ... and "not running" after a stop is the success it asked for.
      return after.rc === OCF_NOT_RUNNING ? done(OCF_SUCCESS) : done(OCF_ERR_GENERIC, after.exitReason ?? `unit ${unit} did not stop`);
    }
    case 'reload':
    case 'reload-agent': {
      const p = await systemctl('reload-or-restart', unit);
      const f = failed(p);
      if (f) return f;
      return settled();
    }
    default:
      return { ...notRunResult(req, OCF_ERR_UNIMPLEMENTED, 'done', `systemd units have no ${req.action} action`, env), rcName: ocfExitCodeName(OCF_ERR_UNIMPLEMENTED) };
  }
}
