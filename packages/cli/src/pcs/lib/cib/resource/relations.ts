// The relations of a resource, as `pcs resource relations` walks them: what it contains, what
// contains it, and the order constraints (plain and with sets) naming it; then from each related
// resource on, until every reachable resource has been seen once.

import type { Cib, XmlElement } from '@hacluster/cib';
import { findResourceElement, innerResources, isWrapper, parentResource } from './common.js';

export type RelationType = 'primitive' | 'group' | 'bundle' | 'clone' | 'unknown' | 'order' | 'order-set' | 'inner-resources' | 'outer-resource';

export interface RelationEntity {
  id: string;
  type: RelationType;
  members: string[];
  metadata: Record<string, unknown>;
}

export interface RelationTree {
  entity: RelationEntity;
  members: RelationTree[];
  isLeaf: boolean;
}

// ':' cannot appear in an id, so these never clash with one.
const innerId = (id: string) => `inner:${id}`;
const outerId = (id: string) => `outer:${id}`;

function resourceType(el: XmlElement): RelationType {
  switch (el.name) {
    case 'primitive':
      return 'primitive';
    case 'group':
      return 'group';
    case 'bundle':
      return 'bundle';
    case 'clone':
    case 'master':
      return 'clone';
    default:
      return 'unknown';
  }
}

function relationsOf(cib: Cib, el: XmlElement): RelationEntity[] {
  const id = el.get('id') ?? '';
  const out: RelationEntity[] = [];
  const orders = cib.scope('constraints')?.elements('rsc_order') ?? [];
  for (const o of orders) {
    if (o.elements('resource_set').length) continue;
    if (o.get('first') === id || o.get('then') === id) {
      out.push({ id: o.get('id') ?? '', type: 'order', members: [o.get('first') ?? '', o.get('then') ?? ''], metadata: o.attributes() });
    }
  }
  for (const o of orders) {
    const sets = o.elements('resource_set');
    if (!sets.some((s) => s.elements('resource_ref').some((r) => r.get('id') === id))) continue;
    const members = new Set<string>();
    const setsMeta = sets.map((s) => {
      const refs = s.elements('resource_ref').map((r) => r.get('id') ?? '');
      refs.forEach((r) => members.add(r));
      return { id: s.get('id') ?? '', metadata: s.attributes(), members: refs };
    });
    out.push({ id: o.get('id') ?? '', type: 'order-set', members: [...members].sort(), metadata: { ...o.attributes(), sets: setsMeta } });
  }
  if (isWrapper(el)) out.push({ id: innerId(id), type: 'inner-resources', members: innerResources(el).map((r) => r.get('id') ?? ''), metadata: el.attributes() });
  const parent = parentResource(el);
  if (parent) out.push({ id: outerId(parent.get('id') ?? ''), type: 'outer-resource', members: [parent.get('id') ?? ''], metadata: parent.attributes() });
  return out;
}

/** Every resource reachable from `resourceId` through relations, and those relations, by id. */
function fetch(cib: Cib, resourceId: string): { resources: Map<string, RelationEntity>; relations: Map<string, RelationEntity> } {
  const resources = new Map<string, RelationEntity>();
  const relations = new Map<string, RelationEntity>();
  const todo = [resourceId];
  while (todo.length) {
    const id = todo.pop()!;
    if (resources.has(id)) continue;
    const el = findResourceElement(cib, id);
    if (!el) continue;
    const rels = relationsOf(cib, el);
    resources.set(id, { id, type: resourceType(el), members: rels.map((r) => r.id), metadata: el.attributes() });
    for (const r of rels) {
      relations.set(r.id, r);
      todo.push(...r.members);
    }
  }
  return { resources, relations };
}

const opposite = (e: RelationEntity): string | undefined =>
  e.type === 'inner-resources' ? outerId(String(e.metadata.id ?? '')) : e.type === 'outer-resource' ? innerId(String(e.metadata.id ?? '')) : undefined;

/** The tree rooted at a resource, breadth first; a node met again is a leaf ("displayed elsewhere"). */
export function relationTree(cib: Cib, resourceId: string): RelationTree {
  const { resources, relations } = fetch(cib, resourceId);
  const all = new Map([...resources, ...relations]);
  const parents = new Map<RelationTree, RelationTree | undefined>();
  const ancestors = (n: RelationTree): string[] => {
    const p = parents.get(n);
    return p ? [...ancestors(p), p.entity.id] : [];
  };
  const root: RelationTree = { entity: all.get(resourceId)!, members: [], isLeaf: false };
  parents.set(root, undefined);
  const processed = new Set<string>();
  const queue = [root];
  while (queue.length) {
    const node = queue.shift()!;
    if (processed.has(node.entity.id)) {
      node.isLeaf = true;
      continue;
    }
    processed.add(node.entity.id);
    const above = new Set(ancestors(node));
    for (const memberId of node.entity.members) {
      const entity = all.get(memberId);
      if (!entity) continue;
      const member: RelationTree = { entity, members: [], isLeaf: false };
      // An inner/outer pair would only lead back up the branch it came from.
      const opp = opposite(entity);
      if (!above.has(memberId) && (opp === undefined || !above.has(opp) || entity.members.length > 1)) {
        parents.set(member, node);
        node.members.push(member);
      }
    }
    queue.push(...node.members);
  }
  return root;
}
