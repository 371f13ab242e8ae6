// Daemons by name, the way the shell agents find them with `killall -0` and `pgrep`: the
// processes whose command name (/proc/<pid>/comm) is the daemon's.

import { readdirSync, readFileSync } from 'node:fs';
import { sleep } from './command.js';
import type { AgentContext } from './context.js';

export function pidsNamed(name: string, proc = '/proc'): number[] {
  const comm = name.slice(0, 15); // the kernel keeps 15 characters of the name
  const out: number[] = [];
  let entries: string[];
  try {
    entries = readdirSync(proc);
  } catch {
    return out;
  }
  for (const e of entries) {
    if (!/^\d+$/.test(e)) continue;
    try {
      if (readFileSync(`${proc}/${e}/comm`, 'utf8').trim() === comm) {
        // Zombies keep their name but are gone for our purposes.
        const stat = readFileSync(`${proc}/${e}/stat`, 'utf8');
        if (!/\) Z /.test(stat)) out.push(Number(e));
      }
    } catch {
      // gone meanwhile
    }
  }
  return out.sort((a, b) => a - b);
}

/** TERM to every process of that name, then wait (bounded by the deadline) until none is left. */
export async function terminateAll(ctx: AgentContext, name: string, reserveMs = 1000): Promise<boolean> {
  for (const pid of pidsNamed(name)) {
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
  while (pidsNamed(name).length > 0) {
    if (ctx.remainingMs() < reserveMs) return false;
    await sleep(250);
  }
  return true;
}

/** Where sysfs and configfs are: `/`, or HACLUSTER_SYSFS_ROOT to run against a copy (tests). */
export function sysRoot(ctx: AgentContext): string {
  return ctx.env['HACLUSTER_SYSFS_ROOT'] ?? '';
}

/** The pid in a pid file when that process is alive, else undefined. */
export function livePid(pidfile: string): number | undefined {
  try {
    const pid = Number(readFileSync(pidfile, 'utf8').trim());
    if (!Number.isInteger(pid) || pid <= 0) return undefined;
    process.kill(pid, 0);
    return pid;
  } catch {
    return undefined;
  }
}
