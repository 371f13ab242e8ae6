// Node attributes (standby, maintenance, user attributes) in the CIB's <nodes> section, written
// as crm_attribute writes them: the set "nodes-<node id>", nvpairs "nodes-<node id>-<name>".

import { XmlElement, type Cib } from '@hacluster/cib';
import { append, IdProvider, remove } from '../cib/tools.js';
import type { LibraryEnvironment } from '../env.js';
import { error, LibraryError } from '../reports/item.js';

function nodeByName(cib: Cib, name: string): XmlElement | undefined {
  return cib.scope('nodes')?.elements('node').find((n) => n.get('uname') === name);
}

/** crm_attribute --update / --delete on one node. */
export function setNodeAttr(cib: Cib, ids: IdProvider, node: XmlElement, name: string, value: string): void {
  const nodeId = node.get('id') ?? '';
  let set = node.elements('instance_attributes')[0];
  const existing = set?.elements('nvpair').find((p) => p.get('name') === name);
  if (value === '') {
    if (existing) remove(existing);
    return;
  }
  if (existing) {
    existing.set('value', value);
    return;
  }
  if (!set) set = append(node, XmlElement.create('instance_attributes', { id: ids.allocate(`nodes-${nodeId}`) }));
  append(set, XmlElement.create('nvpair', { id: ids.allocate(`nodes-${nodeId}-${name}`), name, value }));
}

/** `node attribute [NODE] [--name NAME]`: node → name → value (first attribute set only). */
export function nodeAttributes(env: LibraryEnvironment, node?: string, name?: string): Map<string, Map<string, string>> {
  const cib = env.getCib('node attribute');
  const out = new Map<string, Map<string, string>>();
  for (const n of cib.scope('nodes')?.elements('node') ?? []) {
    const uname = n.get('uname') ?? '';
    if (node !== undefined && uname !== node) continue;
    const set = n.elements('instance_attributes')[0];
    for (const p of set?.elements('nvpair') ?? []) {
      const k = p.get('name') ?? '';
      if (name !== undefined && k !== name) continue;
      if (!out.has(uname)) out.set(uname, new Map());
      out.get(uname)!.set(k, p.get('value') ?? '');
    }
  }
  return out;
}

/** `node attribute NODE name=value…` (an empty value removes the attribute; it must exist unless forced). */
export function setNodeAttributes(env: LibraryEnvironment, node: string, pairs: [string, string][], force: boolean): void {
  const cib = env.getCib('node attribute');
  const ids = new IdProvider(cib);
  for (const [name, value] of pairs) {
    const el = nodeByName(cib, node);
    if (!el) throw new LibraryError(error({ code: 'NODE_ATTRIBUTE_NODE_NOT_FOUND', node, attribute: name }));
    if (value === '' && !force && !el.elements('instance_attributes')[0]?.elements('nvpair').some((p) => p.get('name') === name)) {
      throw new LibraryError(error({ code: 'ID_NOT_FOUND', id: name, expectedTypes: ['node attribute'], contextType: 'node', contextId: node }));
    }
    setNodeAttr(cib, ids, el, name, value);
  }
  env.pushCib(cib);
}

/** standby / maintenance on the named nodes, or on all of them. */
export function setNodesMode(env: LibraryEnvironment, attribute: 'standby' | 'maintenance', on: boolean, nodes: string[] | 'all'): void {
  const cib = env.getCib(`node ${attribute}`);
  const ids = new IdProvider(cib);
  const all = cib.scope('nodes')?.elements('node') ?? [];
  const targets = nodes === 'all' ? all : nodes.map((n) => nodeByName(cib, n) ?? n);
  const missing = targets.filter((t): t is string => typeof t === 'string');
  if (missing.length) throw new LibraryError(...missing.map((n) => error({ code: 'NODE_NOT_FOUND', node: n })));
  for (const t of targets as XmlElement[]) setNodeAttr(cib, ids, t, attribute, on ? 'on' : '');
  env.pushCib(cib);
}
