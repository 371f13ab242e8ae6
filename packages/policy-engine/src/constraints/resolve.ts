// Resolving what constraints name: resources (by id or history name, a clone instance meaning its
// clone), templates and tags (expanded into resource sets), as Pacemaker's constraint unpacking
// does.

import { XmlElement } from '@hacluster/cib';
import type { Resource, WorkingSet } from '../model/types.js';
import { topResource } from '../unpack/resource-helpers.js';

function findRenamed(rsc: Resource, id: string): Resource | undefined {
  if (rsc.id === id || (rsc.cloneName !== undefined && rsc.cloneName === id)) return rsc;
  for (const child of rsc.children) {
    const r = findRenamed(child, id);
    if (r) return r;
  }
  return undefined;
}

/** Pacemaker's pcmk__find_constraint_resource. */
export function findConstraintResource(ws: WorkingSet, id: string | undefined): Resource | undefined {
  if (id === undefined) return undefined;
  const direct = ws.resourceById.get(id);
  if (direct !== undefined) return direct;
  for (const top of ws.resources) {
    const match = findRenamed(top, id);
    if (match) return match.id === id ? match : topResource(match);
  }
  return undefined;
}

export type Resolved = { kind: 'resource'; rsc: Resource } | { kind: 'tag'; refs: string[] };

/** A resource, or a template or tag standing for several (Pacemaker's pcmk__valid_resource_or_tag). */
export function resourceOrTag(ws: WorkingSet, id: string): Resolved | undefined {
  const rsc = findConstraintResource(ws, id);
  if (rsc) return { kind: 'resource', rsc };
  if (ws.templateRscSets.has(id)) {
    const refs = ws.templateRscSets.get(id)!;
    return refs.length ? { kind: 'tag', refs } : undefined;
  }
  const tag = ws.tags.get(id);
  if (tag !== undefined) return { kind: 'tag', refs: tag };
  return undefined;
}

/**
 * A copy of the constraint with templates and tags in its resource sets replaced by the resources
 * they stand for; undefined when there is nothing to expand, null when a reference is invalid.
 */
export function expandTagsInSets(ws: WorkingSet, xml: XmlElement): XmlElement | undefined | null {
  if (xml.first('resource_set') === undefined) return undefined;
  const copy = xml.clone();
  let anyRefs = false;
  for (const set of copy.elements('resource_set')) {
    const newChildren: typeof set.children = [];
    for (const c of set.children) {
      if (c.kind !== 'element' || c.name !== 'resource_ref') {
        newChildren.push(c);
        continue;
      }
      const found = resourceOrTag(ws, c.get('id') ?? '');
      if (found === undefined) return null;
      if (found.kind === 'resource') {
        newChildren.push(c);
        continue;
      }
      for (const ref of found.refs) {
        const r = XmlElement.create('resource_ref', { id: ref });
        r.parent = set;
        newChildren.push(r);
      }
      anyRefs = true;
    }
    set.children = newChildren;
  }
  return anyRefs ? copy : undefined;
}

/**
 * Pacemaker's pcmk__tag_to_set: replaces the resource attribute `attr` of a constraint copy with a
 * resource_set (a tag's resources, unordered; or the resource itself when `convertRsc`). Returns
 * the set, undefined when nothing was converted, null when the reference is invalid.
 */
export function tagToSet(ws: WorkingSet, xml: XmlElement, attr: string, convertRsc: boolean): XmlElement | undefined | null {
  const id = xml.get(attr);
  if (id === undefined) return undefined;
  const found = resourceOrTag(ws, id);
  if (found === undefined) return null;
  let set: XmlElement;
  if (found.kind === 'tag') {
    set = XmlElement.create('resource_set', { id });
    for (const ref of found.refs) set.children.push(XmlElement.create('resource_ref', { id: ref }));
    set.set('sequential', 'false');
  } else if (convertRsc) {
    set = XmlElement.create('resource_set', { id });
    set.children.push(XmlElement.create('resource_ref', { id }));
  } else {
    return undefined;
  }
  for (const c of set.children) if (c.kind === 'element') c.parent = set;
  set.parent = xml;
  xml.children.push(set);
  xml.remove(attr);
  return set;
}
