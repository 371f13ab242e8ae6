// crm_attribute over a CIB file (CIB_file): query, update and delete node attributes (permanent,
// transient, utilization), promotion scores (--promotion) and cluster options, with Pacemaker's
// options, output and exit codes. Parsing only; the work is in node-attributes.ts and
// cluster-options.ts.

import { hostname } from 'node:os';
import { parseArgs } from 'node:util';
import { deleteOption, readOption, setOption, type OptionSection } from './cluster-options.js';
import { openCib, saveCib } from './cib-file.js';
import { localNode, processIo, reporter, type ToolIo } from './io.js';
import { deleteNodeAttribute, readNodeAttribute, setNodeAttribute, type Lifetime, type NodeAttributeTarget } from './node-attributes.js';
import type { ShimProblem } from './problems.js';

export interface AttributeRequest {
  command: 'query' | 'update' | 'delete';
  value?: string;
  name?: string;
  node?: string;
  lifetime?: Lifetime;
  type?: OptionSection | 'nodes' | 'status';
  promotion?: string;
  utilization: boolean;
  quiet: boolean;
  defaultValue?: string;
}

const OPTIONS = {
  name: { type: 'string', short: 'n' },
  update: { type: 'string', short: 'v' },
  query: { type: 'boolean', short: 'G' },
  delete: { type: 'boolean', short: 'D' },
  node: { type: 'string', short: 'N' },
  lifetime: { type: 'string', short: 'l' },
  type: { type: 'string', short: 't' },
  promotion: { type: 'string', short: 'p' },
  utilization: { type: 'boolean', short: 'z' },
  quiet: { type: 'boolean', short: 'q' },
  default: { type: 'string', short: 'd' },
  id: { type: 'string', short: 'i' },
  'set-name': { type: 'string', short: 's' },
  verbose: { type: 'boolean', short: 'V', multiple: true },
  // legacy spellings still used by older agents
  'get-value': { type: 'boolean' },
  'delete-attr': { type: 'boolean' },
  'attr-value': { type: 'string' },
} as const;

export function parseAttributeArgs(argv: string[], env: Record<string, string | undefined>): { ok: true; request: AttributeRequest } | { ok: false; problem: ShimProblem } {
  let parsed;
  try {
    // --promotion takes an optional value; normalise `-p` alone to the instance from the env.
    const normalised = argv.flatMap((a, i) => {
      const next = argv[i + 1];
      if ((a === '-p' || a === '--promotion') && (next === undefined || next.startsWith('-'))) return [`--promotion=${env['OCF_RESOURCE_INSTANCE'] ?? ''}`];
      return [a];
    });
    parsed = parseArgs({ args: normalised, options: OPTIONS, strict: true, allowPositionals: false }).values;
  } catch (e) {
    return { ok: false, problem: { code: 'USAGE', message: e instanceof Error ? e.message : String(e) } };
  }
  const value = parsed.update ?? parsed['attr-value'];
  const command = parsed.delete || parsed['delete-attr'] ? 'delete' : value !== undefined ? 'update' : 'query';
  const lifetime = parsed.lifetime;
  if (lifetime !== undefined && !['reboot', 'forever', 'permanent'].includes(lifetime)) {
    return { ok: false, problem: { code: 'USAGE', message: `invalid lifetime '${lifetime}' (reboot or forever)` } };
  }
  const type = parsed.type;
  if (type !== undefined && !['crm_config', 'rsc_defaults', 'op_defaults', 'nodes', 'status'].includes(type)) {
    return { ok: false, problem: { code: 'USAGE', message: `invalid section '${type}'` } };
  }
  const request: AttributeRequest = { command, utilization: parsed.utilization ?? false, quiet: parsed.quiet ?? false };
  if (value !== undefined) request.value = value;
  if (parsed.name !== undefined) request.name = parsed.name;
  if (parsed.node !== undefined) request.node = parsed.node;
  if (lifetime !== undefined) request.lifetime = lifetime === 'permanent' ? 'forever' : (lifetime as Lifetime);
  if (type !== undefined) request.type = type as AttributeRequest['type'];
  if (parsed.promotion !== undefined) request.promotion = parsed.promotion;
  if (parsed.default !== undefined) request.defaultValue = parsed.default;
  return { ok: true, request };
}

/** Runs a parsed request against the CIB file; returns the exit code. */
export function runAttributeRequest(req: AttributeRequest, io: ToolIo, tool = 'crm_attribute'): number {
  const fail = reporter(tool, io);
  let name = req.name;
  let lifetime = req.lifetime;
  if (req.promotion !== undefined) {
    if (req.promotion === '') return fail({ code: 'USAGE', message: '--promotion needs a resource (or OCF_RESOURCE_INSTANCE)' });
    name = `master-${req.promotion}`;
    lifetime ??= 'reboot';
  }
  if (!name) return fail({ code: 'USAGE', message: 'an attribute name is required (-n)' });
  const handle = openCib(io.env);
  if (!handle.ok) return fail(handle.problem);
  const { cib } = handle.value;
  // Node attributes when a node, a lifetime, utilization or --promotion is given; else options.
  const nodeScope = req.node !== undefined || lifetime !== undefined || req.utilization || req.promotion !== undefined || req.type === 'nodes' || req.type === 'status';
  if (!nodeScope) {
    const section = (req.type ?? 'crm_config') as OptionSection;
    if (req.command === 'query') {
      const r = readOption(cib, section, name);
      if (!r.ok && req.defaultValue === undefined) return fail(r.problem);
      const value = r.ok ? r.value : (req.defaultValue ?? '');
      io.out(req.quiet ? `${value}\n` : `scope=${section}  name=${name} value=${value}\n`);
      return 0;
    }
    if (req.command === 'update') {
      const r = setOption(cib, section, name, req.value ?? '');
      if (!r.ok) return fail(r.problem);
    } else {
      const r = deleteOption(cib, section, name);
      if (!r.ok) return fail(r.problem);
      if (r.value !== undefined && !req.quiet) io.out(`Deleted ${section} option: id=${r.value} name=${name}\n`);
    }
    const saved = saveCib(handle.value);
    return saved.ok ? 0 : fail(saved.problem);
  }
  const node = req.node ?? localNode(io.env, hostname);
  const target: NodeAttributeTarget = {
    node,
    name,
    lifetime: lifetime ?? (req.type === 'status' ? 'reboot' : 'forever'),
    utilization: req.utilization,
  };
  if (req.command === 'query') {
    const r = readNodeAttribute(cib, target);
    if (!r.ok) {
      if (req.defaultValue === undefined || r.problem.code !== 'NO_SUCH_ATTRIBUTE') return fail(r.problem);
      io.out(req.quiet ? `${req.defaultValue}\n` : `scope=${target.lifetime === 'forever' ? 'nodes' : 'status'}  name=${name} value=${req.defaultValue}\n`);
      return 0;
    }
    io.out(req.quiet ? `${r.value.value}\n` : `scope=${r.value.section}  name=${name} value=${r.value.value}\n`);
    return 0;
  }
  if (req.command === 'update') {
    const r = setNodeAttribute(cib, target, req.value ?? '');
    if (!r.ok) return fail(r.problem);
  } else {
    const r = deleteNodeAttribute(cib, target);
    if (!r.ok) return fail(r.problem);
    if (r.value && !req.quiet) io.out(`Deleted ${r.value.section} attribute: id=${r.value.id} name=${name}\n`);
  }
  const saved = saveCib(handle.value);
  return saved.ok ? 0 : fail(saved.problem);
}

export function crmAttribute(argv: string[], io: ToolIo): number {
  const parsed = parseAttributeArgs(argv, io.env);
  if (!parsed.ok) return reporter('crm_attribute', io)(parsed.problem);
  return runAttributeRequest(parsed.request, io);
}

export async function main(argv: string[]): Promise<number> {
  return crmAttribute(argv, processIo());
}
