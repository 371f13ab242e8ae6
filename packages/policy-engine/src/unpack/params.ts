// Instance parameters of a resource, possibly different per node (rules in instance_attributes),
// as Pacemaker's pe_rsc_params computes and caches them.

import type { Node, Resource } from '../model/types.js';
import { unpackNvpairs } from '../util/nvpairs.js';

function collect(into: Map<string, string>, rsc: Resource, node: Node | undefined): void {
  const ws = rsc.cluster;
  const ctx = { now: { epoch: ws.now, offset: ws.nowOffset }, nodeAttributes: node?.attrs };
  unpackNvpairs(rsc.xml, 'instance_attributes', ctx, into, ws.idIndex);
  if (rsc.parent !== undefined) collect(into, rsc.parent, node);
  else unpackNvpairs(ws.rscDefaults, 'instance_attributes', ctx, into, ws.idIndex);
}

export function resourceParams(rsc: Resource, node: Node | undefined): Map<string, string> {
  const key = node?.uname ?? '';
  let params = rsc.paramCache.get(key);
  if (params === undefined) {
    params = new Map();
    collect(params, rsc, node);
    rsc.paramCache.set(key, params);
  }
  return params;
}
