// Instance parameters of a resource, possibly different per node (rules in instance_attributes),
// as Pacemaker's pe_rsc_params computes and caches them.

import { ruleTime } from '../util/rules.js';
import type { Node, Resource } from '../model/types.js';
import { unpackNvpairs } from '../util/nvpairs.js';

function collect(into: Map<string, string>, rsc: Resource, node: Node | undefined): void {
  const ws = rsc.cluster;
  const ctx = { ...ruleTime(ws), nodeAttributes: node?.attrs };
  unpackNvpairs(rsc.xml, 'instance_attributes', ctx, into, ws.idIndex);
  if (rsc.parent !== undefined) collect(into, rsc.parent, node);
  else unpackNvpairs(ws.rscDefaults, 'instance_attributes', ctx, into, ws.idIndex);
}

/** Whether any instance_attributes that apply to the resource have rules (which may depend on the node). */
function hasRules(rsc: Resource): boolean {
  for (let r: Resource | undefined = rsc; r !== undefined; r = r.parent) {
    for (const set of r.xml.elements('instance_attributes')) if (set.first('rule') !== undefined) return true;
  }
  for (const set of rsc.cluster.rscDefaults?.elements('instance_attributes') ?? []) if (set.first('rule') !== undefined) return true;
  return false;
}

const SAME_EVERYWHERE = '\u0000';

export function resourceParams(rsc: Resource, node: Node | undefined): Map<string, string> {
  const key = node?.uname ?? '';
  if (node !== undefined) {
    // without rules the parameters are the same on every node: compute and keep them once
    let independent = rsc.paramCache.get(SAME_EVERYWHERE);
    if (independent === undefined && !rsc.paramCache.has(`${SAME_EVERYWHERE}rules`)) {
      if (hasRules(rsc)) {
        rsc.paramCache.set(`${SAME_EVERYWHERE}rules`, new Map());
      } else {
        independent = new Map();
        collect(independent, rsc, node);
        rsc.paramCache.set(SAME_EVERYWHERE, independent);
      }
    }
    if (independent !== undefined) return independent;
  }
  let params = rsc.paramCache.get(key);
  if (params === undefined) {
    params = new Map();
    collect(params, rsc, node);
    rsc.paramCache.set(key, params);
  }
  return params;
}
