// Whether this node may take traffic, asked of the cluster's own tools (crm_node, crm_attribute:
// Pacemaker's in a cluster, the CIB-file shims outside one): it is a member, it is not in standby,
// and none of the given health attributes is red.

import { runProcess } from '../exec/process.js';

export interface NodeStatusOptions {
  node: string;
  healthAttributes: string[];
  env: Record<string, string>;
}

async function tool(file: string, args: string[], env: Record<string, string>): Promise<{ code: number | undefined; out: string }> {
  const p = await runProcess({ file, args, env, timeoutMs: 10_000 });
  return { code: p.outcome.kind === 'exited' ? p.outcome.code : undefined, out: p.stdout.trim() };
}

export async function nodeTakesTraffic(o: NodeStatusOptions): Promise<boolean> {
  const list = await tool('crm_node', ['-l'], o.env);
  if (list.code !== 0) return false;
  const me = list.out.split('\n').map((l) => l.trim().split(/\s+/)).find((w) => w[1] === o.node);
  if (!me || me[2] !== 'member') return false;
  for (const lifetime of ['forever', 'reboot']) {
    const s = await tool('crm_attribute', ['--node', o.node, '--name', 'standby', '--lifetime', lifetime, '--query', '--quiet'], o.env);
    if (s.code === 0 && /^(on|true|yes|1)$/i.test(s.out)) return false;
  }
  for (const attr of o.healthAttributes) {
    const h = await tool('crm_attribute', ['--node', o.node, '--name', attr, '--lifetime', 'reboot', '--query', '--quiet'], o.env);
    if (h.code === 0 && h.out.toLowerCase() === 'red') return false;
  }
  return true;
}
