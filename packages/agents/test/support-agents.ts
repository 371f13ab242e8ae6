// Running our agents through the executor, as Pacemaker would run them.

import { Executor, type OcfAction, type OperationResult, type ResourceSpec } from '../src/index.js';

export function builtin(id: string, type: string, params: Record<string, string>, meta: Record<string, string> = {}): ResourceSpec {
  return { id, agent: { class: 'ocf', provider: 'hacluster', type }, params, meta };
}

export interface Runner {
  executor: Executor;
  op(rsc: ResourceSpec, action: OcfAction, extra?: { intervalMs?: number; timeoutMs?: number; checkLevel?: number; meta?: Record<string, string> }): Promise<OperationResult>;
}

export function runner(environment: Record<string, string> = {}, path?: string): Runner {
  const executor = new Executor({ environment, ...(path ? { path } : {}) });
  return {
    executor,
    op: (rsc, action, extra = {}) =>
      executor.run({
        resource: extra.meta ? { ...rsc, meta: { ...rsc.meta, ...extra.meta } } : rsc,
        action,
        intervalMs: extra.intervalMs ?? (action === 'monitor' ? 10_000 : 0),
        timeoutMs: extra.timeoutMs ?? 30_000,
        ...(extra.checkLevel !== undefined ? { checkLevel: extra.checkLevel } : {}),
      }),
  };
}
