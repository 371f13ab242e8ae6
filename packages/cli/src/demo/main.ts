// `pnpm demo`: the guide's two-node KVM cluster (DRBD dual-primary, DLM, clvmd, GFS2, libvirtd
// and a VirtualDomain guest), shipped with the repository, and what the project tells about it.

import { readFileSync } from 'node:fs';
import { Cib, readConfiguration, readStatus, isPromotable, type ResourceConfig } from '@hacluster/cib';

export const DEMO_CIB_URL = new URL('../../assets/guide-cluster.xml', import.meta.url);

function describeResource(r: ResourceConfig, indent: string, out: string[]): void {
  switch (r.kind) {
    case 'primitive':
      out.push(`${indent}${r.id} (${[r.class, r.provider, r.type].filter((x) => x !== undefined).join(':')})`);
      break;
    case 'group':
      out.push(`${indent}group ${r.id}`);
      for (const c of r.children) describeResource(c, indent + '  ', out);
      break;
    case 'clone':
      out.push(`${indent}${isPromotable(r) ? 'promotable clone' : 'clone'} ${r.id}`);
      if (r.child) describeResource(r.child, indent + '  ', out);
      break;
    case 'bundle':
      out.push(`${indent}bundle ${r.id}`);
      break;
  }
}

export function describeCluster(cib: Cib): string {
  const config = readConfiguration(cib);
  const status = readStatus(cib.scope('status'));
  const out: string[] = [];
  const v = cib.version;
  out.push(`CIB version ${v.adminEpoch}.${v.epoch}.${v.numUpdates}, schema ${cib.root.get('validate-with') ?? '?'}`);
  out.push(`Nodes (${config.nodes.length}):`);
  for (const n of config.nodes) {
    const st = status.find((s) => s.id === n.id);
    const online = st !== undefined && st.crmd === 'online' && (st.inCcm === 'true' || st.inCcm === '1');
    out.push(`  ${n.uname}: ${online ? 'online' : 'offline'}`);
  }
  out.push(`Resources (${config.resources.length} top level):`);
  for (const r of config.resources) describeResource(r, '  ', out);
  out.push(`Constraints (${config.constraints.length}):`);
  for (const c of config.constraints) {
    switch (c.kind) {
      case 'location':
        out.push(`  location ${c.rsc ?? c.rscPattern}: ${c.node ?? 'rule'} ${c.score ?? ''}`.trimEnd());
        break;
      case 'order':
        out.push(`  order ${c.firstAction ?? 'start'} ${c.first} then ${c.thenAction ?? c.firstAction ?? 'start'} ${c.then}${c.orderKind ? ` (${c.orderKind})` : ''}`);
        break;
      case 'colocation':
        out.push(`  colocation ${c.rscRole && c.rscRole !== 'Started' ? c.rscRole + ' ' : ''}${c.rsc} with ${c.withRscRole && c.withRscRole !== 'Started' ? c.withRscRole + ' ' : ''}${c.withRsc} (${c.score})`);
        break;
      case 'ticket':
        out.push(`  ticket ${c.ticket} for ${c.rsc}`);
        break;
    }
  }
  return out.join('\n') + '\n';
}

export async function main(): Promise<number> {
  const cib = Cib.parse(readFileSync(DEMO_CIB_URL, 'utf8'), 'guide-cluster.xml');
  process.stdout.write(`The guide's two-node cluster (${DEMO_CIB_URL.pathname})\n\n`);
  process.stdout.write(describeCluster(cib));
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = await main();
