// Starting and stopping the health daemons from an agent: detached, with a pid file, and ready
// only once they accept connections.

import { childProcess } from '../../exec/builtins.js';
import { rmSync } from 'node:fs';
import { connect } from 'node:net';
import { fileURLToPath } from 'node:url';
import { OCF_ERR_GENERIC } from '../../ocf/codes.js';
import type { DaemonOptions } from '../../health/daemon.js';
import { childEnvironment, sleep } from '../framework/command.js';
import type { AgentContext } from '../framework/context.js';
import { fail } from '../framework/failure.js';
import { livePid } from '../framework/processes.js';

const DAEMON_MAIN = fileURLToPath(new URL('../../health/daemon-main.js', import.meta.url));

export const daemonPid = livePid;

/** Connects and reads what the server says until it closes (the OCO responder answers and closes). */
export function answerOf(address: string, port: number, timeoutMs: number): Promise<string | undefined> {
  return new Promise((resolve) => {
    const s = connect({ host: address === '0.0.0.0' || address === '::' ? '127.0.0.1' : address, port });
    let data = '';
    const t = setTimeout(() => {
      s.destroy();
      resolve(undefined);
    }, timeoutMs);
    s.on('data', (c: Buffer) => (data += c.toString()));
    s.on('close', () => {
      clearTimeout(t);
      resolve(data);
    });
    s.on('error', () => {
      clearTimeout(t);
      resolve(undefined);
    });
  });
}

export async function startDaemon(ctx: AgentContext, o: DaemonOptions): Promise<void> {
  if (daemonPid(o.pidfile) !== undefined) return;
  rmSync(o.pidfile, { force: true });
  const child = childProcess().spawn(process.execPath, [DAEMON_MAIN, JSON.stringify(o)], { detached: true, stdio: 'ignore', env: childEnvironment(ctx), cwd: '/' });
  child.unref();
  while (daemonPid(o.pidfile) === undefined) {
    if (child.exitCode !== null || ctx.remainingMs() < 1000) fail(OCF_ERR_GENERIC, `the ${o.kind} daemon did not start on ${o.address}:${o.port}`);
    await sleep(100);
  }
}

export async function stopDaemon(ctx: AgentContext, pidfile: string): Promise<void> {
  const pid = daemonPid(pidfile);
  if (pid === undefined) return;
  process.kill(pid, 'SIGTERM');
  while (daemonPid(pidfile) !== undefined) {
    if (ctx.remainingMs() < 500) {
      process.kill(pid, 'SIGKILL');
      break;
    }
    await sleep(100);
  }
  rmSync(pidfile, { force: true });
}
