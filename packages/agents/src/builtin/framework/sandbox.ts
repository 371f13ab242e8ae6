// The sandbox backend's state: plain files under HACLUSTER_SANDBOX, one directory per node and
// below it one per resource instance, so a test or a demo can read, edit and break them:
//
//   <sandbox>/<node>/<instance>/state          what the agent believes is running
//   <sandbox>/<node>/<instance>/fail.<action>  "rc [reason]": that action fails so (kept until removed)
//   <sandbox>/<node>/<instance>/hang.<action>  that action hangs until the executor's timeout
//
// Agents with shared objects keep them beside (DRBD volumes per node, domains per node), so
// peers are sibling node directories and a migration is a rename between them.

import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { isOcfExitCode, OCF_ERR_GENERIC, type OcfExitCode } from '../../ocf/codes.js';
import type { AgentContext } from './context.js';

export class Sandbox {
  readonly nodeDir: string;
  readonly instanceDir: string;
  constructor(
    readonly root: string,
    readonly node: string,
    readonly instance: string,
  ) {
    this.nodeDir = join(root, node);
    this.instanceDir = join(this.nodeDir, safeName(instance));
  }

  static of(ctx: AgentContext): Sandbox {
    if (!ctx.sandboxDir) throw new Error('not in sandbox mode');
    return new Sandbox(ctx.sandboxDir, ctx.nodeName, ctx.instance);
  }

  /** Nodes that exist in the sandbox (directories beside this node's), this one included. */
  nodes(): string[] {
    if (!existsSync(this.root)) return [];
    return readdirSync(this.root)
      .filter((n) => statSync(join(this.root, n)).isDirectory())
      .sort();
  }

  read(path: string): string | undefined {
    try {
      return readFileSync(path, 'utf8').trim();
    } catch {
      return undefined;
    }
  }

  write(path: string, value: string): void {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, value.endsWith('\n') ? value : `${value}\n`);
  }

  remove(path: string): void {
    rmSync(path, { recursive: true, force: true });
  }

  move(from: string, to: string): void {
    mkdirSync(dirname(to), { recursive: true });
    renameSync(from, to);
  }

  stateFile(): string {
    return join(this.instanceDir, 'state');
  }

  /** A failure injected for this action, if any. */
  injectedFailure(action: string): { rc: OcfExitCode; reason: string } | undefined {
    const text = this.read(join(this.instanceDir, `fail.${action}`));
    if (text === undefined) return undefined;
    const m = /^(\d+)\s*(.*)$/s.exec(text);
    const rc = m && isOcfExitCode(Number(m[1])) ? (Number(m[1]) as OcfExitCode) : OCF_ERR_GENERIC;
    return { rc, reason: (m?.[2] ?? '').trim() || `injected failure of ${action}` };
  }

  injectedHang(action: string): boolean {
    return existsSync(join(this.instanceDir, `hang.${action}`));
  }
}

/** Instance names of clones carry ':' ("drbd:0"); keep directory names plain. */
export function safeName(name: string): string {
  return name.replace(/[^A-Za-z0-9_.@-]/g, '_');
}
