// Deleting resources (pcs's older `resource delete`): the resource, the group or clone left
// empty by it, and everything that refers to it (constraints, tags, fencing levels, ACLs).

import type { Cib, XmlElement } from '@hacluster/cib';
import { bundleInner, cloneInner, findResourceElement, groupInner, isAnyClone, isGroup } from '../../cib/resource/common.js';
import { remove } from '../../cib/tools.js';
import type { LibraryEnvironment } from '../../env.js';
import { error, info, LibraryError } from '../../reports/item.js';
import { removeConstraintsContaining } from '../constraint/common.js';

/** Removes a device from every fencing level (and levels left without devices). */
export function removeFromFencingLevels(cib: Cib, deviceId: string): void {
  const topology = cib.scope('fencing-topology');
  if (!topology) return;
  for (const level of topology.elements('fencing-level')) {
    const devices = (level.get('devices') ?? '').split(',');
    if (!devices.includes(deviceId)) continue;
    const rest = devices.filter((d) => d !== deviceId);
    if (rest.length) level.set('devices', rest.join(','));
    else remove(level);
  }
  if (topology.elements('fencing-level').length === 0) remove(topology);
}

/** Everything that names `id`: tag references, constraints, fencing levels, ACL permissions. */
export function removeResourceReferences(cib: Cib, id: string, onConstraintRemoved: (id: string) => void): void {
  const tags = cib.scope('tags');
  if (tags) {
    for (const tag of tags.elements('tag')) {
      for (const ref of tag.elements('obj_ref').filter((r) => r.get('id') === id)) remove(ref);
      if (tag.elements('obj_ref').length === 0) {
        removeResourceReferences(cib, tag.get('id') ?? '', onConstraintRemoved);
        remove(tag);
      }
    }
  }
  removeConstraintsContaining(cib, id, onConstraintRemoved);
  removeFromFencingLevels(cib, id);
  const acls = cib.scope('acls');
  if (acls) for (const p of [...acls.descendants()].filter((e) => e.name === 'acl_permission' && e.get('reference') === id)) remove(p);
}

/** Tags that list the resource (or what it contains): they must go first. */
function tagsReferencing(cib: Cib, el: XmlElement): string[] {
  const tags = cib.scope('tags');
  if (!tags) return [];
  const ids = new Set([el, ...(isGroup(el) ? groupInner(el) : []), ...(isAnyClone(el) && cloneInner(el) ? [cloneInner(el)!] : [])].map((e) => e.get('id')));
  return tags.elements('tag').filter((t) => t.elements('obj_ref').some((r) => ids.has(r.get('id')))).map((t) => t.get('id') ?? '').sort();
}

export interface RemoveRequest {
  id: string;
  /** `stonith delete`: only fence devices; `resource delete`: warns about fence devices. */
  stonith?: boolean;
}

export function removeResource(env: LibraryEnvironment, req: RemoveRequest): void {
  const cib = env.getCib('resource delete');
  deleteResource(env, cib, req);
  env.pushCib(cib);
}

/** Deletes a resource and what refers to it from a loaded CIB, reporting each removal. */
export function deleteResource(env: LibraryEnvironment, cib: Cib, req: RemoveRequest): void {
  let id = req.id;
  const found = findResourceElement(cib, id);
  if (found) {
    const tags = tagsReferencing(cib, found);
    if (tags.length) throw new LibraryError(error({ code: 'TAG_USED_IN_CONSTRAINT', tag: id, constraints: tags }));
  }
  const say = (text: string) => env.reports.report(info({ code: 'RESOURCE_DELETED', id: text }));
  const removedConstraint = (cid: string) => env.reports.report(info({ code: 'CONSTRAINT_REMOVED_WITH_RESOURCE', id: cid }));
  // A clone stands for what it holds.
  if (found && isAnyClone(found) && cloneInner(found)) id = cloneInner(found)!.get('id') ?? id;
  const bundle = findResourceElement(cib, id, ['bundle']);
  if (bundle) {
    const inner = bundleInner(bundle);
    if (inner) {
      removeResourceReferences(cib, inner.get('id') ?? '', removedConstraint);
      remove(inner);
    }
    removeResourceReferences(cib, id, removedConstraint);
    remove(bundle);
    say(id);
    return;
  }
  const group = findResourceElement(cib, id, ['group']);
  if (group) {
    for (const p of groupInner(group)) deletePrimitive(cib, p, say, removedConstraint);
    return;
  }
  const primitive = findResourceElement(cib, id, ['primitive']);
  if (!primitive || (req.stonith && primitive.get('class') !== 'stonith')) throw new LibraryError(error({ code: 'RESOURCE_DOES_NOT_EXIST', id }));
  deletePrimitive(cib, primitive, say, removedConstraint);
}

function deletePrimitive(cib: Cib, primitive: XmlElement, say: (id: string) => void, removedConstraint: (id: string) => void): void {
  const id = primitive.get('id') ?? '';
  removeResourceReferences(cib, id, removedConstraint);
  const parent = primitive.parent!;
  if (isGroup(parent) && groupInner(parent).length <= 1) {
    // The last member takes its group (and the group's clone) along.
    const top = parent.parent && isAnyClone(parent.parent) ? parent.parent : parent;
    if (top !== parent) removeResourceReferences(cib, parent.get('id') ?? '', removedConstraint);
    removeResourceReferences(cib, top.get('id') ?? '', removedConstraint);
    remove(top);
    say(id);
    return;
  }
  if (isAnyClone(parent)) remove(parent);
  else remove(primitive);
  say(id);
}
