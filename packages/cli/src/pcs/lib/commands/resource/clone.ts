// `resource clone|promotable ID [CLONE_ID] [options]`, `resource unclone ID` and updating a
// clone's meta attributes (pcs's older commands: nvpairs in the order given, sorted here by name).

import { XmlElement, type Cib } from '@hacluster/cib';
import { providesPromotability } from '../../agents/metadata.js';
import { fullName } from '../../agents/name.js';
import { AgentUnavailable } from '../../agents/unavailable.js';
import { cloneInner, findResourceElement, groupInner, isAnyClone, isGroup, resourcesSection } from '../../cib/resource/common.js';
import { legacyUpdateMeta } from '../../cib/nvpair.js';
import { append, IdProvider, remove } from '../../cib/tools.js';
import { constraintsOf } from '../../cib/constraint/common.js';
import type { LibraryEnvironment } from '../../env.js';
import { isTrue } from '../../pacemaker/values.js';
import { error, forceable, LibraryError, type ReportItem } from '../../reports/item.js';
import { idReports } from '../../validate.js';
import { removeResourceReferences } from './remove.js';

/** Clone options that an agent must support (promotable needs promote/demote). */
async function incompatibleCloneOptions(env: LibraryEnvironment, child: XmlElement, meta: Record<string, string>, forced: boolean): Promise<ReportItem[]> {
  const primitives = child.name === 'group' ? groupInner(child) : child.name === 'primitive' ? [child] : [];
  const groupId = child.name === 'group' ? child.get('id') : undefined;
  for (const p of primitives) {
    const name = { standard: p.get('class') ?? '', provider: p.get('provider'), type: p.get('type') ?? '' };
    const base = { agent: fullName(name), resource: p.get('id') ?? '', ...(groupId ? { group: groupId } : {}) };
    if (name.standard !== 'ocf') {
      for (const attr of ['globally-unique', 'promotable']) {
        if (isTrue(meta[attr] ?? '0')) return [error({ code: 'RESOURCE_CLONE_INCOMPATIBLE_META_ATTRIBUTES', attribute: attr, ...base })];
      }
      continue;
    }
    if (!isTrue(meta['promotable'] ?? '0')) continue;
    try {
      const md = await (await env.agents()).metadata(name);
      if (md.ocfVersion === '1.1' && !providesPromotability(md)) {
        return [forceable({ code: 'RESOURCE_CLONE_INCOMPATIBLE_META_ATTRIBUTES', attribute: 'promotable', ...base }, forced)];
      }
    } catch (e) {
      if (!(e instanceof AgentUnavailable)) throw e;
      return [forceable({ code: 'UNABLE_TO_GET_AGENT_METADATA', agent: e.agent, reason: e.reason }, forced)];
    }
  }
  return [];
}

/** Points constraints that named a resource at its new clone. */
function constraintsToClone(cib: Cib, oldId: string, cloneId: string): void {
  for (const tag of ['rsc_location', 'rsc_order', 'rsc_colocation']) {
    for (const c of constraintsOf(cib, tag)) for (const attr of ['rsc', 'first', 'then', 'with-rsc']) if (c.get(attr) === oldId) c.set(attr, cloneId);
  }
}

export interface CloneRequest {
  id: string;
  cloneId?: string | undefined;
  /** Clone meta attributes as given (promotable=true added for `promotable`). */
  meta: [string, string][];
  force: boolean;
}

export async function cloneResource(env: LibraryEnvironment, req: CloneRequest): Promise<string> {
  const cib = env.getCib('resource clone');
  const resources = resourcesSection(cib);
  const el = findResourceElement(cib, req.id, ['primitive']) ?? findResourceElement(cib, req.id, ['group']);
  if (!el) throw new LibraryError(error({ code: 'ID_NOT_FOUND', id: req.id, expectedTypes: ['group', 'primitive'] }));
  const parent = el.parent!;
  if (parent.name === 'bundle') throw new LibraryError(error({ code: 'CANNOT_CLONE_OR_GROUP', id: req.id, reason: 'in-bundle' }));
  if (isAnyClone(parent)) throw new LibraryError(error({ code: 'RESOURCE_IS_ALREADY_CLONED', id: req.id }));
  if (isGroup(parent) && parent.parent && isAnyClone(parent.parent)) {
    throw new LibraryError(error({ code: 'CANNOT_CLONE_OR_GROUP', id: parent.get('id') ?? '', reason: 'is-clone' }));
  }
  if (el.get('class') === 'stonith') env.reports.report(forceable({ code: 'CANNOT_CLONE_OR_GROUP', id: req.id, reason: 'is-stonith' }, req.force)).throwOnErrors();
  const meta = Object.fromEntries(req.meta);
  env.reports.reportList(await incompatibleCloneOptions(env, el, meta, req.force)).throwOnErrors();
  const ids = new IdProvider(cib);
  let cloneId = req.cloneId;
  if (cloneId !== undefined) {
    if (idReports(cloneId).length) throw new LibraryError(error({ code: 'INVALID_ID_BAD_CHAR', id: cloneId, description: 'clone id', char: '', isFirstChar: false }));
    if (ids.exists(cloneId)) throw new LibraryError(error({ code: 'ID_ALREADY_EXISTS', id: cloneId }));
  } else cloneId = ids.allocate(`${req.id}-clone`);
  // The last member leaving a group takes the group with it.
  if (isGroup(parent) && groupInner(parent).length <= 1) remove(parent);
  const clone = append(resources, XmlElement.create('clone', { id: cloneId }));
  append(clone, el);
  legacyUpdateMeta(clone, [...req.meta].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)), ids);
  constraintsToClone(cib, req.id, cloneId);
  env.pushCib(cib);
  return cloneId;
}

/** Updates the meta attributes of a clone (`resource update CLONE …`). */
export async function updateCloneMeta(env: LibraryEnvironment, cib: Cib, clone: XmlElement, args: [string, string][], force: boolean): Promise<void> {
  const child = cloneInner(clone);
  const meta = Object.fromEntries(args);
  if (child) env.reports.reportList(await incompatibleCloneOptions(env, child, meta, force)).throwOnErrors();
  legacyUpdateMeta(clone, [...args].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)), new IdProvider(cib));
}

/** `resource unclone ID`: the clone goes, what it held stays (a cloned group member leaves the group). */
export function uncloneResource(env: LibraryEnvironment, id: string): void {
  const cib = env.getCib('resource unclone');
  const resources = resourcesSection(cib);
  let resource = findResourceElement(cib, id, ['primitive']) ?? findResourceElement(cib, id, ['group']);
  if (!resource) {
    const clone = findResourceElement(cib, id, ['clone', 'master']);
    resource = clone ? cloneInner(clone) : undefined;
  }
  if (!resource) throw new LibraryError(error({ code: 'RESOURCE_DOES_NOT_EXIST', id }));
  let clone: XmlElement | undefined;
  for (let p = resource.parent; p && p !== resources; p = p.parent) if (isAnyClone(p)) clone = p;
  if (!clone) throw new LibraryError(error({ code: 'ID_BELONGS_TO_UNEXPECTED_TYPE', id, expectedTypes: ['clone'], currentType: resource.name }));
  const child = cloneInner(clone)!;
  if (child.name === 'group' && resource.name !== 'group' && groupInner(child).length > 1) {
    removeFromGroup(cib, child, [resource]);
  } else {
    removeResourceReferences(cib, clone.get('id') ?? '', () => undefined);
    append(clone.parent!, resource);
    remove(clone);
  }
  env.pushCib(cib);
}

/** Takes primitives out of a group (to where the group is; out of a cloned group to <resources>). */
export function removeFromGroup(cib: Cib, group: XmlElement, primitives: XmlElement[], onReferenceRemoved: (id: string) => void = () => undefined): void {
  const cloned = !!group.parent && isAnyClone(group.parent);
  const count = groupInner(group).length;
  if (cloned && count > 1 && primitives.length === count) {
    throw new LibraryError(error({ code: 'CANNOT_GROUP_RESOURCE_NO_RESOURCES' }));
  }
  const target = cloned && count > 1 ? resourcesSection(cib) : group.parent!;
  for (const p of primitives) append(target, p);
  if (groupInner(group).length === 0) {
    remove(group);
    removeResourceReferences(cib, group.get('id') ?? '', onReferenceRemoved);
  }
}
