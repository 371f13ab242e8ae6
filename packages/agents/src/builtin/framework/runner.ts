// Runs one action of one of our agents as an OCF agent process does: read the environment, check
// the parameters, call the backend's handler, print the reason of a failure, exit with the code.
// Without HACLUSTER_SANDBOX the real backend runs; with it, the sandbox backend (a documented
// test and demo mode: it never touches the system, and says so on stderr).

import { OCF_ERR_CONFIGURED, OCF_ERR_GENERIC, OCF_ERR_UNIMPLEMENTED, OCF_NOT_RUNNING, OCF_SUCCESS, type OcfExitCode } from '../../ocf/codes.js';
import { OCF_EXIT_REASON_PREFIX } from '../../ocf/exit-reason.js';
import type { AgentDefinition, HandledAction } from './agent.js';
import { buildContext, type AgentContext } from './context.js';
import { AgentFailure } from './failure.js';
import { missingRequired, renderMetadata } from './metadata-spec.js';
import { Sandbox } from './sandbox.js';

export interface RunOutput {
  rc: OcfExitCode;
  stdout: string;
}

const ALIASES: Record<string, HandledAction> = {
  start: 'start',
  stop: 'stop',
  monitor: 'monitor',
  status: 'monitor',
  promote: 'promote',
  demote: 'demote',
  notify: 'notify',
  migrate_to: 'migrate_to',
  migrate_from: 'migrate_from',
  reload: 'reload',
  'reload-agent': 'reload',
  'validate-all': 'validate',
};

/** Actions that make no sense with invalid parameters (validated before the handler runs). */
const VALIDATED: ReadonlySet<HandledAction> = new Set(['start', 'monitor', 'promote', 'demote', 'migrate_to', 'migrate_from', 'reload', 'validate']);

export async function runAgent(def: AgentDefinition, action: string, env: Record<string, string | undefined>, write: (line: string) => void): Promise<RunOutput> {
  if (action === 'meta-data') return { rc: OCF_SUCCESS, stdout: renderMetadata(def.metadata) };
  const handled = ALIASES[action];
  if (!handled) {
    write(`${OCF_EXIT_REASON_PREFIX}unsupported action: ${action || '(none)'}\n`);
    return { rc: OCF_ERR_UNIMPLEMENTED, stdout: '' };
  }
  const ctx = buildContext(def.metadata, action, env, Date.now(), write);
  const handlers = ctx.sandboxDir ? def.sandbox(ctx) : def.real(ctx);
  const handler = handlers[handled];
  if (!handler) return { rc: OCF_ERR_UNIMPLEMENTED, stdout: '' };
  try {
    if (ctx.sandboxDir) {
      ctx.log('debug', `sandbox backend, state under ${ctx.sandboxDir}/${ctx.nodeName}`);
      await sandboxInjections(ctx, action);
    }
    const missing = missingRequired(def.metadata, ctx.params);
    if (missing.length > 0) {
      // ocf-rarun's rule: with an unusable configuration nothing can be running.
      if (ctx.isProbe || handled === 'stop') return { rc: handled === 'stop' ? OCF_SUCCESS : OCF_NOT_RUNNING, stdout: '' };
      throw new AgentFailure(OCF_ERR_CONFIGURED, `required parameter${missing.length > 1 ? 's' : ''} ${missing.join(', ')} not set`);
    }
    if (VALIDATED.has(handled) && handled !== 'validate' && handlers.validate) {
      try {
        await handlers.validate();
      } catch (e) {
        if (e instanceof AgentFailure && ctx.isProbe) return { rc: OCF_NOT_RUNNING, stdout: '' };
        throw e;
      }
    }
    return { rc: await handler(), stdout: '' };
  } catch (e) {
    if (e instanceof AgentFailure) {
      write(`${OCF_EXIT_REASON_PREFIX}${e.reason}\n`);
      return { rc: e.rc, stdout: '' };
    }
    write(`${OCF_EXIT_REASON_PREFIX}${e instanceof Error ? e.message : String(e)}\n`);
    return { rc: OCF_ERR_GENERIC, stdout: '' };
  }
}

async function sandboxInjections(ctx: AgentContext, action: string): Promise<void> {
  const sb = Sandbox.of(ctx);
  if (sb.injectedHang(action)) {
    ctx.log('info', `sandbox: ${action} hangs (hang.${action} present)`);
    // Stay alive until the executor kills the process group at the timeout.
    await new Promise<void>(() => setInterval(() => undefined, 60_000));
  }
  const f = sb.injectedFailure(action);
  if (f) throw new AgentFailure(f.rc, f.reason);
}
