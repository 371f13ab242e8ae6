// The demo's first page: what the embedded cluster is made of (nodes, resources, constraints),
// read through the CIB's typed model.

import { Cib, readConfiguration, readStatus, isPromotable, type ResourceConfig } from '@hacluster/cib';

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
        out.push(`  order ${c.firstAction ?? 'start'} ${c.first} then ${c.thenAction ?? c.firstAction ?? 'start'} ${c.then}${c.orderKind ? ` (${c.orderKind})` : ''}${c.symmetrical === 'false' ? ' (not symmetrical)' : ''}`);
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
