// The streams and environment a tool runs with, passed in so tests call the tools directly.

import { parseArgs, type ParseArgsConfig } from 'node:util';
import { exitCodeOf, renderShimProblem, type ShimProblem } from './problems.js';

export interface ToolIo {
  env: Record<string, string | undefined>;
  out(text: string): void;
  err(text: string): void;
}

export function processIo(): ToolIo {
  return {
    env: process.env,
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
  };
}

/** The local node's name: HACLUSTER_NODE, the node an agent runs for, else the host name. */
export function localNode(env: Record<string, string | undefined>, hostname: () => string): string {
  return env['HACLUSTER_NODE'] || env['OCF_RESKEY_CRM_meta_on_node'] || hostname().split('.')[0] || 'localhost';
}

/** Prints a problem as `tool` would and gives its exit code. */
export function reporter(tool: string, io: ToolIo): (p: ShimProblem) => number {
  return (p) => {
    io.err(renderShimProblem(tool, p) + '\n');
    return exitCodeOf(p);
  };
}

/** util.parseArgs with a usage problem instead of an exception. */
export function parseToolArgs<T extends ParseArgsConfig['options']>(argv: string[], options: T): { ok: true; values: ReturnType<typeof parseArgs<{ args: string[]; options: T; strict: true }>>['values'] } | { ok: false; problem: ShimProblem } {
  try {
    return { ok: true, values: parseArgs({ args: argv, options, strict: true }).values };
  } catch (e) {
    return { ok: false, problem: { code: 'USAGE', message: e instanceof Error ? e.message : String(e) } };
  }
}
