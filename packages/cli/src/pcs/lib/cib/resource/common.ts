// Resource elements and how they nest: a primitive may sit in a group, a group or primitive in
// a clone (or the legacy <master>), a primitive in a bundle.

import type { Cib, XmlElement } from '@hacluster/cib';
import { error, type ReportItem } from '../../reports/item.js';
import { arrangeFirstNvset, META, nvValue } from '../nvpair.js';
import { elementsById, type IdProvider, section } from '../tools.js';
import { isTrue } from '../../pacemaker/values.js';

export const RESOURCE_TAGS = ['bundle', 'clone', 'group', 'master', 'primitive'] as const;
export type ResourceTag = (typeof RESOURCE_TAGS)[number];

export const isPrimitive = (el: XmlElement) => el.name === 'primitive';
export const isGroup = (el: XmlElement) => el.name === 'group';
export const isClone = (el: XmlElement) => el.name === 'clone';
export const isMaster = (el: XmlElement) => el.name === 'master';
export const isAnyClone = (el: XmlElement) => el.name === 'clone' || el.name === 'master';
export const isBundle = (el: XmlElement) => el.name === 'bundle';
export const isResource = (el: XmlElement) => (RESOURCE_TAGS as readonly string[]).includes(el.name);
export const isWrapper = (el: XmlElement) => isGroup(el) || isAnyClone(el) || isBundle(el);
export const isStonith = (el: XmlElement) => isPrimitive(el) && el.get('class') === 'stonith';

export function isPromotableClone(el: XmlElement): boolean {
  return isMaster(el) || (isClone(el) && isTrue(nvValue(el, META, 'promotable') ?? 'false'));
}

export const cloneInner = (clone: XmlElement): XmlElement | undefined => clone.elements().find((e) => e.name === 'primitive' || e.name === 'group');
export const groupInner = (group: XmlElement): XmlElement[] => group.elements('primitive');
export const bundleInner = (bundle: XmlElement): XmlElement | undefined => bundle.first('primitive');

/** Direct inner resources. */
export function innerResources(el: XmlElement): XmlElement[] {
  if (isBundle(el)) return bundleInner(el) ? [bundleInner(el)!] : [];
  if (isAnyClone(el)) return cloneInner(el) ? [cloneInner(el)!] : [];
  if (isGroup(el)) return groupInner(el);
  return [];
}

/** Every resource below this one, at any depth. */
export function allInnerResources(el: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (e: XmlElement) => {
    for (const i of innerResources(e)) {
      out.push(i);
      walk(i);
    }
  };
  walk(el);
  return out;
}

/** The primitives a resource stands for. */
export function primitivesOf(el: XmlElement): XmlElement[] {
  if (isBundle(el)) return bundleInner(el) ? [bundleInner(el)!] : [];
  let r: XmlElement | undefined = el;
  if (isAnyClone(r)) r = cloneInner(r);
  if (!r) return [];
  if (isGroup(r)) return groupInner(r);
  return isPrimitive(r) ? [r] : [];
}

export function parentResource(el: XmlElement): XmlElement | undefined {
  const p = el.parent;
  return p && isWrapper(p) ? p : undefined;
}

/** A clone (or master) above a primitive or group, at most two levels up. */
export function parentAnyClone(el: XmlElement): XmlElement | undefined {
  let cur: XmlElement = el;
  for (let i = 0; i < 2; i++) {
    const p = cur.parent;
    if (!p) return undefined;
    if (isAnyClone(p)) return p;
    cur = p;
  }
  return undefined;
}

export function resourcesSection(cib: Cib): XmlElement {
  return section(cib, 'resources');
}

/** Resources below <resources> (any depth), by id. */
export function findResourceElement(cib: Cib, id: string, tags: readonly string[] = RESOURCE_TAGS): XmlElement | undefined {
  const section = cib.scope('resources');
  if (!section) return undefined;
  for (const el of section.descendants()) if (el !== section && tags.includes(el.name) && el.get('id') === id) return el;
  return undefined;
}

/** Finds resources by id; reports ids that are missing or are something else. */
export function findResources(cib: Cib, ids: readonly string[], tags: readonly string[] = RESOURCE_TAGS): { found: XmlElement[]; reports: ReportItem[] } {
  const found: XmlElement[] = [];
  const reports: ReportItem[] = [];
  for (const id of ids) {
    const el = findResourceElement(cib, id, tags);
    if (el) {
      found.push(el);
      continue;
    }
    reports.push(notFoundReport(cib, id, [...tags]));
  }
  return { found, reports };
}

/** The report for an id that is not of the expected kind: missing, or something else. */
export function notFoundReport(cib: Cib, id: string, expected: string[], context?: XmlElement): ReportItem {
  const other = elementsById(cib, id)[0];
  if (other) {
    if (expected.includes(other.name) && context) {
      return error({ code: 'OBJECT_WITH_ID_IN_UNEXPECTED_CONTEXT', type: other.name, id, contextType: context.name, contextId: context.get('id') ?? '' });
    }
    return error({ code: 'ID_BELONGS_TO_UNEXPECTED_TYPE', id, expectedTypes: expected, currentType: other.name });
  }
  return error({ code: 'ID_NOT_FOUND', id, expectedTypes: [...expected].sort() });
}

export function areMetaDisabled(meta: Readonly<Record<string, string>>): boolean {
  return (meta['target-role'] ?? 'Started').toLowerCase() === 'stopped';
}

export function disable(el: XmlElement, ids: IdProvider): void {
  arrangeFirstNvset(META, el, [['target-role', 'Stopped']], ids);
}

export function enable(el: XmlElement, ids: IdProvider): void {
  arrangeFirstNvset(META, el, [['target-role', '']], ids);
}

export function manage(el: XmlElement, ids: IdProvider): void {
  arrangeFirstNvset(META, el, [['is-managed', '']], ids);
}

export function unmanage(el: XmlElement, ids: IdProvider): void {
  arrangeFirstNvset(META, el, [['is-managed', 'false']], ids);
}

/** What must be enabled for `el` to run: itself and the clone or bundle around or in it. */
export function resourcesToEnable(el: XmlElement): XmlElement[] {
  if (isBundle(el)) return bundleInner(el) ? [el, bundleInner(el)!] : [el];
  if (isAnyClone(el)) return cloneInner(el) ? [el, cloneInner(el)!] : [el];
  const p = el.parent;
  return p && (isAnyClone(p) || isBundle(p)) ? [el, p] : [el];
}

export function resourcesToManage(el: XmlElement): XmlElement[] {
  const id = el.get('id');
  const parents: XmlElement[] = [];
  let top: XmlElement | null = el.parent;
  while (top && top.name !== 'resources') top = top.parent;
  if (top) {
    for (const c of top.elements()) {
      if (isAnyClone(c)) {
        const inner = cloneInner(c);
        if (inner && (inner.get('id') === id || (isGroup(inner) && groupInner(inner).some((p) => p.get('id') === id)))) parents.push(c);
      }
    }
    for (const g of top.descendants()) if (isGroup(g) && g.elements('primitive').some((p) => p.get('id') === id)) parents.push(g);
    for (const b of top.elements('bundle')) if (b.elements('primitive').some((p) => p.get('id') === id)) parents.push(b);
  }
  const children: XmlElement[] = [];
  for (const c of el.elements()) {
    if (c.name === 'group' || c.name === 'primitive') children.push(c);
  }
  for (const g of el.elements('group')) children.push(...g.elements('primitive'));
  return [el, ...parents, ...children];
}

export function resourcesToUnmanage(el: XmlElement): XmlElement[] {
  if (isBundle(el)) return bundleInner(el) ? [el, bundleInner(el)!] : [el];
  let r: XmlElement | undefined = el;
  if (isAnyClone(r)) r = cloneInner(r);
  if (!r) return [];
  if (isGroup(r)) return groupInner(r);
  return isPrimitive(r) ? [r] : [];
}
