// The processes that keep a mount busy. `fuser -M -m DIR` only answers when DIR is itself a
// mount point, so a bind mount of / can never make us kill the whole system (the fault of plain
// `fuser -m`, resource-agents issue 1304). The "safe" way walks /proc instead: a process counts
// when its cwd, root, executable, open files or mapped files lie under the mount point.

import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { command } from '../framework/command.js';
import type { AgentContext } from '../framework/context.js';
import { canonicalMountPoint } from './mounts.js';

export async function holdersByFuser(ctx: AgentContext, directory: string): Promise<number[]> {
  const r = await command(ctx, 'fuser', ['-M', '-m', directory], { timeoutMs: 10_000 });
  // fuser prints the pids on stdout (with access letters on stderr); rc 1 means none.
  return [...r.stdout.matchAll(/\d+/g)].map((m) => Number(m[0])).filter((p) => p !== process.pid);
}

function under(path: string, dir: string): boolean {
  const p = path.replace(/ \(deleted\)$/, '');
  return dir === '/' ? p.startsWith('/') : p === dir || p.startsWith(`${dir}/`);
}

function link(path: string): string | undefined {
  try {
    return readlinkSync(path);
  } catch {
    return undefined;
  }
}

export function holdersByProc(directory: string, proc = '/proc'): number[] {
  const dir = canonicalMountPoint(directory);
  const out: number[] = [];
  let pids: string[];
  try {
    pids = readdirSync(proc).filter((n) => /^\d+$/.test(n));
  } catch {
    return out;
  }
  for (const pid of pids) {
    const n = Number(pid);
    if (n === process.pid) continue;
    const base = `${proc}/${pid}`;
    const paths: (string | undefined)[] = [link(`${base}/cwd`), link(`${base}/root`), link(`${base}/exe`)];
    try {
      for (const fd of readdirSync(`${base}/fd`)) paths.push(link(`${base}/fd/${fd}`));
    } catch {
      // the process is gone or not ours to read
    }
    try {
      for (const line of readFileSync(`${base}/maps`, 'utf8').split('\n')) {
        const at = line.indexOf('/');
        if (at >= 0) paths.push(line.slice(at));
      }
    } catch {
      // idem
    }
    // A process whose root is / is not "under" a mount unless the mount is / itself.
    if (paths.some((p, i) => p !== undefined && (i !== 1 || p !== '/') && under(p, dir))) out.push(n);
  }
  return out;
}
