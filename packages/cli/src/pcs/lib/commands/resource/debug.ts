// `pcs resource debug-start|stop|monitor|promote|demote RESOURCE`: one action of one primitive
// run here and now, outside the cluster (crm_resource --force-*), through @hacluster/agents.

import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AgentName } from '@hacluster/agents';
import type { Cib, XmlElement } from '@hacluster/cib';
import { bundleInner, cloneInner, findResourceElement, groupInner, isAnyClone, isBundle, isGroup, isStonith, notFoundReport } from '../../cib/resource/common.js';
import type { LibraryEnvironment } from '../../env.js';
import { error, LibraryError } from '../../reports/item.js';

export type DebugAction = 'start' | 'stop' | 'monitor' | 'promote' | 'demote';

export interface DebugRun {
  resource: string;
  agent: string;
  action: DebugAction;
  rc: number;
  /** crm_resource's word for the code ("ok", "not running", …) */
  description: string;
  timedOut: boolean;
  exitReason?: string | undefined;
  stdout: string;
  stderr: string;
  /** The agent's shell trace (with --full). */
  trace: string;
}

function firstSet(el: XmlElement, tag: string): Record<string, string> {
  const set = el.first(tag);
  return Object.fromEntries((set?.elements('nvpair') ?? []).filter((p) => p.get('value') !== undefined).map((p) => [p.get('name') ?? '', p.get('value') ?? '']));
}

/** The primitive to run, or the error naming what to give instead. */
function primitiveFor(cib: Cib, id: string, action: DebugAction): XmlElement {
  const el = findResourceElement(cib, id);
  if (!el) throw new LibraryError(notFoundReport(cib, id, ['bundle', 'clone', 'group', 'master', 'primitive']));
  const wrong = (kind: string, inner: string[]) => new LibraryError(error({ code: 'DEBUG_ACTION_NEEDS_PRIMITIVE', action, kind, id, inner }));
  if (isBundle(el)) throw wrong('bundle', [bundleInner(el)?.get('id') ?? ''].filter(Boolean));
  if (isGroup(el)) throw wrong('group', groupInner(el).map((p) => p.get('id') ?? ''));
  if (isAnyClone(el)) throw wrong('clone', [cloneInner(el)?.get('id') ?? ''].filter(Boolean));
  if (isStonith(el)) throw new LibraryError(error({ code: 'DEBUG_ACTION_STONITH', id }));
  return el;
}

export async function debugResourceAction(env: LibraryEnvironment, id: string, action: DebugAction, full: boolean): Promise<DebugRun> {
  const cib = env.getCib(`resource debug-${action}`);
  const el = primitiveFor(cib, id, action);
  const agent: AgentName = { class: (el.get('class') ?? '') as AgentName['class'], provider: el.get('provider'), type: el.get('type') ?? '' };
  const { debugAction, formatAgentName, ocfExitCodeDescription, isOcfExitCode } = await import('@hacluster/agents');
  const environment: Record<string, string> = {};
  // Agents that set attributes (crm_master, crm_attribute) work on the same CIB file.
  if (env.cibFile) environment.CIB_file = env.cibFile;
  // --full: the agent's shell trace (set -x), which ocf-shellfuncs writes to OCF_TRACE_FILE.
  const traceDir = full ? mkdtempSync(join(tmpdir(), 'pcs-debug-')) : undefined;
  if (traceDir) {
    environment.OCF_TRACE_RA = '1';
    environment.OCF_TRACE_FILE = join(traceDir, 'trace');
  }
  let r: Awaited<ReturnType<typeof debugAction>>;
  let trace = '';
  try {
    r = await debugAction({ id, agent, params: firstSet(el, 'instance_attributes'), meta: firstSet(el, 'meta_attributes') }, action, { full, executor: { environment } });
    if (traceDir && existsSync(join(traceDir, 'trace'))) trace = readFileSync(join(traceDir, 'trace'), 'utf8');
  } finally {
    if (traceDir) rmSync(traceDir, { recursive: true, force: true });
  }
  return {
    resource: id,
    agent: formatAgentName(agent),
    action,
    rc: r.rc,
    description: isOcfExitCode(r.rc) ? ocfExitCodeDescription(r.rc) : 'error',
    timedOut: r.execStatus === 'timeout',
    exitReason: r.exitReason,
    stdout: r.stdout,
    stderr: r.stderr,
    trace,
  };
}
