// Node attributes in the CIB, where Pacemaker keeps them: permanent ones ("forever") in
// <nodes><node><instance_attributes id="nodes-ID">, utilization in <utilization
// id="nodes-ID-utilization">, transient ones ("reboot", promotion scores among them) in
// <status><node_state><transient_attributes><instance_attributes id="status-ID">. Ids follow
// Pacemaker's (nodes-1-foo, status-1-master-drbd). Configuration edits bump the epoch, status
// edits num_updates.

import { appendNew, bumpEpoch, bumpNumUpdates, removeElement, type Cib, type XmlElement } from '@hacluster/cib';
import { failed, ok, type Outcome } from './problems.js';

export type Lifetime = 'reboot' | 'forever';

export interface NodeAttributeTarget {
  node: string;
  name: string;
  lifetime: Lifetime;
  utilization?: boolean;
}

export interface NodeAttributeValue {
  section: 'nodes' | 'status';
  id: string;
  value: string;
}

function nodeElement(cib: Cib, uname: string): XmlElement | undefined {
  return cib.scope('nodes')?.elements('node').find((n) => n.get('uname') === uname);
}

/** The node's id, from <nodes> or (for nodes only seen in the status) <node_state>. */
export function nodeIdOf(cib: Cib, uname: string): string | undefined {
  const fromNodes = nodeElement(cib, uname)?.id;
  if (fromNodes !== undefined) return fromNodes;
  return cib.scope('status')?.elements('node_state').find((n) => n.get('uname') === uname)?.id;
}

/** The element that holds the node's attribute sets for a lifetime, created if asked. */
function holder(cib: Cib, uname: string, lifetime: Lifetime, create: boolean): XmlElement | undefined {
  if (lifetime === 'forever') return nodeElement(cib, uname);
  const id = nodeIdOf(cib, uname);
  if (id === undefined) return undefined;
  const status = create ? cib.ensureScope('status') : cib.scope('status');
  if (!status) return undefined;
  let state = status.elements('node_state').find((n) => n.get('uname') === uname || n.id === id);
  // Pacemaker's tools refuse a node the cluster has not seen yet; outside a cluster nothing
  // would ever add it, so a node that is configured gets its <node_state> here.
  if (!state && create) state = appendNew(status, 'node_state', { id, uname });
  if (!state) return undefined;
  let transient = state.first('transient_attributes');
  if (!transient && create) transient = appendNew(state, 'transient_attributes', { id });
  return transient;
}

function setKind(t: NodeAttributeTarget): string {
  return t.utilization ? 'utilization' : 'instance_attributes';
}

function findPair(h: XmlElement, t: NodeAttributeTarget): XmlElement | undefined {
  for (const set of h.elements(setKind(t))) {
    const pair = set.elements('nvpair').find((p) => p.get('name') === t.name);
    if (pair) return pair;
  }
  return undefined;
}

function bump(cib: Cib, lifetime: Lifetime): void {
  if (lifetime === 'forever') bumpEpoch(cib.root);
  else bumpNumUpdates(cib.root);
}

export function readNodeAttribute(cib: Cib, t: NodeAttributeTarget): Outcome<NodeAttributeValue> {
  if (nodeIdOf(cib, t.node) === undefined) return failed({ code: 'NODE_UNKNOWN', node: t.node });
  const h = holder(cib, t.node, t.lifetime, false);
  const pair = h ? findPair(h, t) : undefined;
  if (!pair) return failed({ code: 'NO_SUCH_ATTRIBUTE', name: t.name });
  return ok({ section: t.lifetime === 'forever' ? 'nodes' : 'status', id: pair.id ?? '', value: pair.get('value') ?? '' });
}

export function setNodeAttribute(cib: Cib, t: NodeAttributeTarget, value: string): Outcome<NodeAttributeValue> {
  const nodeId = nodeIdOf(cib, t.node);
  if (nodeId === undefined) return failed({ code: 'NODE_UNKNOWN', node: t.node });
  const h = holder(cib, t.node, t.lifetime, true);
  if (!h) return failed({ code: 'NODE_UNKNOWN', node: t.node });
  const section = t.lifetime === 'forever' ? 'nodes' : 'status';
  const existing = findPair(h, t);
  if (existing) {
    if (existing.get('value') !== value) {
      existing.set('value', value);
      bump(cib, t.lifetime);
    }
    return ok({ section, id: existing.id ?? '', value });
  }
  const setId = t.utilization ? `${section}-${nodeId}-utilization` : `${section}-${nodeId}`;
  const set = h.elements(setKind(t))[0] ?? appendNew(h, setKind(t), { id: setId });
  const id = uniqueId(cib, `${set.id ?? setId}-${t.name}`);
  appendNew(set, 'nvpair', { id, name: t.name, value });
  bump(cib, t.lifetime);
  return ok({ section, id, value });
}

export function deleteNodeAttribute(cib: Cib, t: NodeAttributeTarget): Outcome<NodeAttributeValue | undefined> {
  if (nodeIdOf(cib, t.node) === undefined) return failed({ code: 'NODE_UNKNOWN', node: t.node });
  const h = holder(cib, t.node, t.lifetime, false);
  const pair = h ? findPair(h, t) : undefined;
  // Deleting what is not there succeeds, as with crm_attribute.
  if (!pair) return ok(undefined);
  const deleted = { section: t.lifetime === 'forever' ? ('nodes' as const) : ('status' as const), id: pair.id ?? '', value: pair.get('value') ?? '' };
  removeElement(pair);
  bump(cib, t.lifetime);
  return ok(deleted);
}

function uniqueId(cib: Cib, wanted: string): string {
  const ids = cib.ids();
  const clean = wanted.replace(/[^A-Za-z0-9_.-]/g, '_');
  if (!ids.has(clean)) return clean;
  for (let i = 1; ; i++) if (!ids.has(`${clean}-${i}`)) return `${clean}-${i}`;
}
