// Runs one child process the way Pacemaker's executor does (services_linux.c): in a process group
// of its own, so that a timeout kills the child and everything it started; with its output kept
// up to a cap; and with the difference between "exited with a code", "killed by a signal" and
// "ran out of time" kept, because a timeout is not an exit code.

import { childProcess } from './builtins.js';

export interface ProcessRequest {
  file: string;
  args: string[];
  env: Record<string, string>;
  cwd?: string;
  /** Written to the child's standard input, which is then closed (fence agents read parameters there). */
  stdin?: string;
  timeoutMs: number;
  /** Bytes kept of each of stdout and stderr; the rest is dropped and `truncated` set. */
  outputCapBytes?: number;
}

export type ProcessOutcome =
  | { kind: 'exited'; code: number }
  | { kind: 'signaled'; signal: NodeJS.Signals }
  | { kind: 'timeout' }
  | { kind: 'spawn-failed'; errno: string; message: string };

export interface ProcessResult {
  outcome: ProcessOutcome;
  stdout: string;
  stderr: string;
  truncated: boolean;
  pid: number | undefined;
}

export const DEFAULT_OUTPUT_CAP = 1024 * 1024;

class CappedBuffer {
  private chunks: Buffer[] = [];
  private size = 0;
  truncated = false;
  constructor(private readonly cap: number) {}
  push(chunk: Buffer): void {
    const room = this.cap - this.size;
    if (room <= 0) {
      this.truncated = true;
      return;
    }
    const kept = chunk.length > room ? chunk.subarray(0, room) : chunk;
    if (kept.length < chunk.length) this.truncated = true;
    this.chunks.push(kept);
    this.size += kept.length;
  }
  text(): string {
    return Buffer.concat(this.chunks).toString('utf8');
  }
}

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // the group is already gone
  }
}

export function runProcess(req: ProcessRequest): Promise<ProcessResult> {
  const cap = req.outputCapBytes ?? DEFAULT_OUTPUT_CAP;
  return new Promise((resolve) => {
    const out = new CappedBuffer(cap);
    const err = new CappedBuffer(cap);
    let timedOut = false;
    let settled = false;
    const child = childProcess().spawn(req.file, req.args, {
      env: req.env,
      cwd: req.cwd ?? '/',
      detached: true, // setsid(): the child leads a new process group
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const finish = (outcome: ProcessOutcome): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ outcome, stdout: out.text(), stderr: err.text(), truncated: out.truncated || err.truncated, pid: child.pid });
    };
    const timer = setTimeout(() => {
      timedOut = true;
      if (child.pid !== undefined) killGroup(child.pid, 'SIGKILL');
    }, Math.max(1, req.timeoutMs));
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    child.stdin.on('error', () => {
      // the child may exit without reading its input
    });
    child.on('error', (e: NodeJS.ErrnoException) => finish({ kind: 'spawn-failed', errno: e.code ?? 'UNKNOWN', message: e.message }));
    let exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
    const settle = (): void => {
      if (timedOut) finish({ kind: 'timeout' });
      else if (exit?.signal) finish({ kind: 'signaled', signal: exit.signal });
      else finish({ kind: 'exited', code: exit?.code ?? 1 });
    };
    child.on('exit', (code, signal) => {
      exit = { code, signal };
      // A daemon the agent started may have inherited the pipes and keep them open for its
      // whole life: once the agent itself is gone, stop reading after a short grace.
      setTimeout(() => {
        child.stdout.destroy();
        child.stderr.destroy();
        settle();
      }, 200).unref();
    });
    child.on('close', () => {
      if (exit) settle();
    });
    if (req.stdin !== undefined) child.stdin.end(req.stdin);
    else child.stdin.end();
  });
}
