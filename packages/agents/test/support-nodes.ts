// Two "nodes" on one machine for tests that need separate hosts (live migration): each is a
// network namespace joined to the other by a veth pair (10.99.0.1 and .2), plus a mount and UTS
// namespace held open by a `sleep` process, with its own hostname, /etc/hosts, /run and libvirt
// directories. Agents run inside through wrapper scripts that nsenter the holder, so the
// executor runs them exactly as it runs any agent. Everything is removed afterwards.

import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readdirSync, readlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeScript } from './support.js';

export interface TestNode {
  name: string;
  address: string;
  netns: string;
  dir: string;
  holder: ChildProcess;
  pid: number;
  /** Runs a command inside the node's namespaces. */
  exec(file: string, args: string[]): string;
}

/** Directories each node gets privately (bind-mounted from its own directory). */
const PRIVATE_DIRS = ['/etc/libvirt', '/var/lib/libvirt', '/var/log/libvirt', '/var/cache/libvirt'];

function sh(file: string, args: string[]): string {
  return execFileSync(file, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

export async function makeNodes(base: string, tag: string, files: (node: { name: string; address: string }) => Record<string, string>): Promise<TestNode[]> {
  // The bind mounts need their mount points on the host.
  for (const d of PRIVATE_DIRS) mkdirSync(d, { recursive: true });
  const specs = [
    { name: 'node1', address: '10.99.0.1' },
    { name: 'node2', address: '10.99.0.2' },
  ];
  const ns = specs.map((s) => `${tag}-${s.name}`);
  for (const n of ns) sh('ip', ['netns', 'add', n]);
  sh('ip', ['link', 'add', `${tag}a`, 'type', 'veth', 'peer', 'name', `${tag}b`]);
  sh('ip', ['link', 'set', `${tag}a`, 'netns', ns[0]!]);
  sh('ip', ['link', 'set', `${tag}b`, 'netns', ns[1]!]);
  const nodes: TestNode[] = [];
  for (const [i, s] of specs.entries()) {
    const netns = ns[i]!;
    const link = i === 0 ? `${tag}a` : `${tag}b`;
    sh('ip', ['-n', netns, 'addr', 'add', `${s.address}/24`, 'dev', link]);
    sh('ip', ['-n', netns, 'link', 'set', link, 'up']);
    sh('ip', ['-n', netns, 'link', 'set', 'lo', 'up']);
    const dir = join(base, s.name);
    const binds: string[] = [];
    for (const d of PRIVATE_DIRS) {
      const own = join(dir, d.replace(/\//g, '_'));
      mkdirSync(own, { recursive: true });
      binds.push(`mount --bind ${own} ${d}`);
    }
    for (const [path, content] of Object.entries(files(s))) {
      const own = join(dir, path.replace(/^\/etc\/libvirt/, '_etc_libvirt'));
      mkdirSync(join(own, '..'), { recursive: true });
      writeFileSync(own, content);
    }
    writeFileSync(join(dir, 'hosts'), `127.0.0.1 localhost\n${specs.map((x) => `${x.address} ${x.name}`).join('\n')}\n`);
    const setup = writeScript(
      join(dir, 'enter.sh'),
      `#!/bin/sh
set -e
mount --make-rprivate /
mount -t tmpfs tmpfs /run
${binds.join('\n')}
mount --bind ${join(dir, 'hosts')} /etc/hosts
hostname ${s.name}
echo ready > ${join(dir, 'ready')}
exec sleep 100000
`,
    );
    const holder = spawn('ip', ['netns', 'exec', netns, 'unshare', '--mount', '--uts', setup], { stdio: 'ignore' });
    for (let t = 0; t < 100 && !readdirSync(dir).includes('ready'); t++) await new Promise((r) => setTimeout(r, 50));
    // The holder is `sleep` after the exec, a child of `unshare` (a child of `ip`).
    const pid = holderPid(netns);
    nodes.push({
      ...s,
      netns,
      dir,
      holder,
      pid,
      exec: (file, args) => sh('nsenter', ['-t', String(pid), '-m', '-u', '-n', '--', file, ...args]),
    });
  }
  return nodes;
}

/** The pids whose network namespace is `netns` (ours, started inside it). */
export function pidsInNetns(netns: string): number[] {
  const target = sh('stat', ['-L', '-c', '%i', `/run/netns/${netns}`]).trim();
  const out: number[] = [];
  for (const e of readdirSync('/proc')) {
    if (!/^\d+$/.test(e)) continue;
    try {
      const link = readlinkSync(`/proc/${e}/ns/net`);
      if (link === `net:[${target}]`) out.push(Number(e));
    } catch {
      // gone
    }
  }
  return out;
}

function holderPid(netns: string): number {
  const pids = pidsInNetns(netns);
  const sleeper = pids.find((p) => {
    try {
      return readlinkSync(`/proc/${p}/exe`).endsWith('/sleep');
    } catch {
      return false;
    }
  });
  if (sleeper === undefined) throw new Error(`no namespace holder in ${netns}`);
  return sleeper;
}

export function removeNodes(nodes: TestNode[], tag: string): void {
  for (const n of nodes) {
    for (const pid of pidsInNetns(n.netns)) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // gone
      }
    }
  }
  for (const n of ['node1', 'node2']) {
    try {
      sh('ip', ['netns', 'delete', `${tag}-${n}`]);
    } catch {
      // never made
    }
  }
}

/** An OCF provider whose agents are our agents run inside a node (nsenter into its holder). */
export function nodeProvider(ocfRoot: string, node: TestNode, agentsDir: string, types: string[]): void {
  for (const t of types) {
    writeScript(join(ocfRoot, 'resource.d', node.name, t), `#!/bin/sh\nexec nsenter -t ${node.pid} -m -u -n -- ${join(agentsDir, t)} "$@"\n`);
  }
}
