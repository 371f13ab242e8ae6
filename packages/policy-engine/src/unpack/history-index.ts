// Where each resource's history is in the status section: per node name, per resource id, the
// <lrm_resource> element. Built once per unpack so that lookups do not walk the whole status.

import type { XmlElement } from '@hacluster/cib';
import type { WorkingSet } from '../model/types.js';

const indexes = new WeakMap<WorkingSet, Map<string, Map<string, XmlElement>>>();

function build(ws: WorkingSet): Map<string, Map<string, XmlElement>> {
  const byNode = new Map<string, Map<string, XmlElement>>();
  const status = ws.input.first('status');
  if (status) {
    for (const state of status.elements('node_state')) {
      const uname = state.get('uname');
      if (uname === undefined) continue;
      const lrm = state.first('lrm')?.first('lrm_resources');
      let map = byNode.get(uname);
      if (!map) {
        map = new Map();
        byNode.set(uname, map);
      }
      if (!lrm) continue;
      for (const r of lrm.elements('lrm_resource')) {
        const id = r.get('id');
        if (id !== undefined && !map.has(id)) map.set(id, r);
      }
    }
  }
  return byNode;
}

/** Forgets the index (after the status section changed). */
export function resetHistoryIndex(ws: WorkingSet): void {
  indexes.delete(ws);
}

/** The <lrm_resource> of a resource on a node, if any. */
export function historyEntry(ws: WorkingSet, nodeName: string, rscId: string): XmlElement | undefined {
  let index = indexes.get(ws);
  if (index === undefined) {
    index = build(ws);
    indexes.set(ws, index);
  }
  return index.get(nodeName)?.get(rscId);
}

/** The <lrm_resources> entries of a node state, in document order. */
export function lrmResources(state: XmlElement): XmlElement[] {
  return state.first('lrm')?.first('lrm_resources')?.elements('lrm_resource') ?? [];
}
