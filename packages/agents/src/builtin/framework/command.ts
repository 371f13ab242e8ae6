// Runs the system tools an agent drives (mount, virsh, drbdadm...), bounded by the operation's
// deadline, in their own process group like every child of the executor.

import { accessSync, constants } from 'node:fs';
import { join } from 'node:path';
import { runProcess } from '../../exec/process.js';
import type { AgentContext } from './context.js';

export interface CommandResult {
  /** The exit code; undefined when the command timed out, was killed or could not start. */
  code: number | undefined;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  notFound: boolean;
}

export interface CommandOptions {
  timeoutMs?: number;
  input?: string;
  env?: Record<string, string>;
}

export function childEnvironment(ctx: AgentContext, extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(ctx.env)) if (v !== undefined) env[k] = v;
  return { ...env, LC_ALL: 'C', ...extra };
}

export async function command(ctx: AgentContext, file: string, args: string[], options: CommandOptions = {}): Promise<CommandResult> {
  const budget = Math.max(1, Math.min(options.timeoutMs ?? Number.MAX_SAFE_INTEGER, ctx.remainingMs()));
  ctx.log('debug', `running: ${[file, ...args].join(' ')}`);
  const p = await runProcess({
    file,
    args,
    env: childEnvironment(ctx, options.env),
    timeoutMs: budget,
    ...(options.input !== undefined ? { stdin: options.input } : {}),
  });
  const o = p.outcome;
  return {
    code: o.kind === 'exited' ? o.code : undefined,
    stdout: p.stdout,
    stderr: p.stderr,
    timedOut: o.kind === 'timeout',
    notFound: o.kind === 'spawn-failed' && o.errno === 'ENOENT',
  };
}

/** The full path of a program on the agent's PATH, or undefined. */
export function which(ctx: AgentContext, name: string): string | undefined {
  if (name.includes('/')) return isExecutable(name) ? name : undefined;
  for (const dir of (ctx.env['PATH'] ?? '').split(':')) {
    if (dir === '') continue;
    const candidate = join(dir, name);
    if (isExecutable(candidate)) return candidate;
  }
  return undefined;
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, Math.max(0, ms)));
}
