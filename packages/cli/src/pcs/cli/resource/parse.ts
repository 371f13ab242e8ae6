// Word shapes of the resource commands: `create` sections (op … meta … clone …), operations.

import { CmdLineInputError } from '../errors.js';
import { groupByKeywords, prepareOptions } from '../parse-args.js';
import type { OperationSpec } from '../../lib/cib/resource/operations.js';

const notEnoughInOperation = () => new CmdLineInputError("after 'op' give an operation name and at least one option (op monitor interval=30s)");

/** ["monitor", "interval=10s", "start", "timeout=30s"] groups into one operation per name. */
export function buildOperations(groups: readonly string[][]): string[][] {
  const ops: string[][] = [];
  for (const g of groups) {
    if (g.length === 0) throw notEnoughInOperation();
    if (g[0]!.includes('=')) throw new CmdLineInputError(`an operation starts with its name, not with '${g[0]}'`);
    for (const a of g) {
      if (!a.includes('=')) ops.push([`name=${a}`]);
      else ops[ops.length - 1]!.push(a);
    }
  }
  if (ops.some((o) => o.length < 2)) throw notEnoughInOperation();
  return ops;
}

export function operationSpecs(groups: readonly string[][]): OperationSpec[] {
  return buildOperations(groups).map((op) => [...prepareOptions(op)]);
}

export interface CreateArgs {
  options: [string, string][];
  meta: [string, string][];
  ops: OperationSpec[];
  clone?: [string, string][];
  promotable?: [string, string][];
  cloneId?: string;
  bundle?: string[];
}

export function parseCreate(args: readonly string[]): CreateArgs {
  const g = groupByKeywords(args, ['op', 'meta', 'clone', 'promotable', 'bundle'], { implicitFirst: 'options', repeatedGroups: ['op'] });
  let options: Map<string, string>;
  try {
    options = prepareOptions(g.get('options'));
  } catch (e) {
    if (e instanceof CmdLineInputError && g.get('options').includes('master')) {
      throw new CmdLineInputError(e.message, "master/slave resources are promotable clones since pcs 0.10: use the 'promotable' keyword");
    }
    throw e;
  }
  const out: CreateArgs = {
    options: [...options],
    meta: [...prepareOptions(g.get('meta'))],
    ops: operationSpecs(g.occurrences('op')),
  };
  for (const kw of ['clone', 'promotable'] as const) {
    if (!g.has(kw)) continue;
    const words = [...g.get(kw)];
    if (words.length && !words[0]!.includes('=')) out.cloneId = words.shift()!;
    out[kw] = [...prepareOptions(words)];
  }
  if (g.has('bundle')) out.bundle = g.get('bundle');
  return out;
}

/** `op` / `meta` sections of stonith create (no clone or bundle). */
export function parseCreateSimple(args: readonly string[]): CreateArgs {
  const g = groupByKeywords(args, ['op', 'meta'], { implicitFirst: 'options', repeatedGroups: ['op'] });
  return { options: [...prepareOptions(g.get('options'))], meta: [...prepareOptions(g.get('meta'))], ops: operationSpecs(g.occurrences('op')) };
}

/** pcs's older `update` split: options, then `op NAME k=v … NAME k=v`, then `meta k=v`. */
export function parseResourceOptions(args: readonly string[]): { ra: string[]; ops: string[][]; meta: string[] } {
  const ra: string[] = [];
  const ops: string[][] = [];
  const meta: string[] = [];
  let inOp = false;
  let inMeta = false;
  for (const a of args) {
    if (a === 'op') {
      inOp = true;
      inMeta = false;
      ops.push([]);
    } else if (a === 'meta') {
      inMeta = true;
      inOp = false;
    } else if (inOp) {
      if (!a.includes('=') && ops[ops.length - 1]!.length) ops.push([a]);
      else ops[ops.length - 1]!.push(a);
    } else if (inMeta) {
      if (a.includes('=')) meta.push(a);
    } else {
      ra.push(a);
    }
  }
  return { ra, ops, meta };
}

/** key=value words to pairs, skipping words without '=' (as pcs's older commands do). */
export function argsToPairs(args: readonly string[]): [string, string][] {
  const out: [string, string][] = [];
  for (const a of args) {
    const i = a.indexOf('=');
    if (i >= 0) out.push([a.slice(0, i), a.slice(i + 1)]);
  }
  return out;
}
