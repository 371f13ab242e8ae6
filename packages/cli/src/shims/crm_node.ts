// crm_node over a CIB file: -n (this node's name), -N ID (a node's name by id), -i (this node's
// id), -l (every node: "id name state"), -p (the members, on one line).

import { hostname } from 'node:os';
import { openCib } from './cib-file.js';
import { localNode, parseToolArgs, processIo, reporter, type ToolIo } from './io.js';
import { nodeIdOf } from './node-attributes.js';
import type { Cib } from '@hacluster/cib';

interface NodeEntry {
  id: string;
  uname: string;
  member: boolean;
}

export function clusterNodes(cib: Cib): NodeEntry[] {
  const states = new Map((cib.scope('status')?.elements('node_state') ?? []).map((s) => [s.id ?? '', s]));
  return (cib.scope('nodes')?.elements('node') ?? []).map((n) => {
    const s = states.get(n.id ?? '');
    const member = s !== undefined && (s.get('in_ccm') === 'true' || /^\d+$/.test(s.get('in_ccm') ?? '')) && (s.get('crmd') === 'online' || /^\d+$/.test(s.get('crmd') ?? ''));
    return { id: n.id ?? '', uname: n.get('uname') ?? '', member };
  });
}

export function crmNode(argv: string[], io: ToolIo): number {
  const fail = reporter('crm_node', io);
  const parsed = parseToolArgs(argv, {
    name: { type: 'boolean', short: 'n' },
    'name-for-id': { type: 'string', short: 'N' },
    cluster_id: { type: 'boolean', short: 'i' },
    list: { type: 'boolean', short: 'l' },
    partition: { type: 'boolean', short: 'p' },
    quiet: { type: 'boolean', short: 'Q' },
  });
  if (!parsed.ok) return fail(parsed.problem);
  const v = parsed.values;
  const me = localNode(io.env, hostname);
  if (v.name) {
    io.out(`${me}\n`);
    return 0;
  }
  const handle = openCib(io.env);
  if (!handle.ok) return fail(handle.problem);
  const cib = handle.value.cib;
  if (v['name-for-id'] !== undefined) {
    const n = clusterNodes(cib).find((e) => e.id === v['name-for-id']);
    if (!n) return fail({ code: 'NODE_UNKNOWN', node: v['name-for-id'] });
    io.out(`${n.uname}\n`);
    return 0;
  }
  if (v.cluster_id) {
    const id = nodeIdOf(cib, me);
    if (id === undefined) return fail({ code: 'NODE_UNKNOWN', node: me });
    io.out(`${id}\n`);
    return 0;
  }
  if (v.list) {
    for (const n of clusterNodes(cib)) io.out(`${n.id} ${n.uname} ${n.member ? 'member' : 'lost'}\n`);
    return 0;
  }
  if (v.partition) {
    io.out(`${clusterNodes(cib).filter((n) => n.member).map((n) => n.uname).join(' ')}\n`);
    return 0;
  }
  return fail({ code: 'USAGE', message: 'one of -n, -N, -i, -l, -p is required' });
}

export async function main(argv: string[]): Promise<number> {
  return crmNode(argv, processIo());
}
