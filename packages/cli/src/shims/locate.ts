// Where a resource runs, read from the operation history in <status> as crm_resource --locate
// reports it. For each node, the resource's (or its clone instances') last operation decides:
// a successful start, promote, migrate_from or a monitor answering 0/8 means active, 8 or a
// promote meaning promoted; a stop or a "not running" answer means not active.

import { readStatus, type Cib, type LrmOpStatus } from '@hacluster/cib';

export interface Location {
  node: string;
  promoted: boolean;
}

/** The ids whose history belongs to `rsc`: itself, its clone's primitive and their instances. */
function historyIds(cib: Cib, rsc: string): Set<string> | undefined {
  const resources = cib.scope('resources');
  if (!resources) return undefined;
  const ids = new Set<string>();
  const walk = (el: import('@hacluster/cib').XmlElement, inside: boolean): void => {
    for (const c of el.elements()) {
      const match = inside || c.id === rsc;
      if (c.name === 'primitive' && match) ids.add(c.id ?? '');
      walk(c, match);
    }
  };
  walk(resources, false);
  return ids.size > 0 ? ids : undefined;
}

function baseId(historyId: string): string {
  const at = historyId.lastIndexOf(':');
  return at > 0 && /^\d+$/.test(historyId.slice(at + 1)) ? historyId.slice(0, at) : historyId;
}

function activeAfter(ops: LrmOpStatus[]): { active: boolean; promoted: boolean } {
  const sorted = [...ops].filter((o) => o.opStatus === 0).sort((a, b) => a.callId - b.callId);
  let state = { active: false, promoted: false };
  for (const op of sorted) {
    const rc = op.rcCode;
    switch (op.operation) {
      case 'start':
      case 'migrate_from':
        if (rc === 0) state = { active: true, promoted: false };
        break;
      case 'promote':
        if (rc === 0) state = { active: true, promoted: true };
        break;
      case 'demote':
        if (rc === 0) state = { active: true, promoted: false };
        break;
      case 'stop':
      case 'migrate_to':
        if (rc === 0) state = { active: false, promoted: false };
        break;
      case 'monitor':
        if (rc === 0) state = { active: true, promoted: state.promoted && op.interval > 0 };
        else if (rc === 8) state = { active: true, promoted: true };
        else if (rc === 7) state = { active: false, promoted: false };
        break;
    }
  }
  return state;
}

/** Undefined when no such resource is configured. */
export function locateResource(cib: Cib, rsc: string): Location[] | undefined {
  const ids = historyIds(cib, rsc);
  if (!ids) return undefined;
  const out: Location[] = [];
  for (const node of readStatus(cib.scope('status'))) {
    const ops = node.lrmResources.filter((r) => ids.has(baseId(r.id)));
    for (const r of ops) {
      const s = activeAfter(r.ops);
      if (s.active) out.push({ node: node.uname ?? node.id, promoted: s.promoted });
    }
  }
  // Unpromoted instances first, then promoted ones, each by node name.
  return out.sort((a, b) => Number(a.promoted) - Number(b.promoted) || (a.node < b.node ? -1 : a.node > b.node ? 1 : 0));
}
