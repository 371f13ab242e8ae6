// Tags (<tags><tag><obj_ref/>): named lists of resources, usable wherever ids are.

import { XmlElement } from '@hacluster/cib';
import { constraintsSection } from '../cib/constraint/common.js';
import { findResources } from '../cib/resource/common.js';
import { append, IdProvider, remove, section } from '../cib/tools.js';
import type { LibraryEnvironment } from '../env.js';
import { error, LibraryError, type ReportItem } from '../reports/item.js';
import { idReports, validateAddRemoveItems } from '../validate.js';

const dups = (l: readonly string[]) => [...new Set(l.filter((x, i) => l.indexOf(x) !== i))].sort();

export function tagCreate(env: LibraryEnvironment, tagId: string, ids: string[]): void {
  const cib = env.getCib('tag create');
  const idp = new IdProvider(cib);
  const reports: ReportItem[] = [];
  const bad = idReports(tagId);
  reports.push(...(bad.length ? bad : idp.book(tagId)));
  if (ids.includes(tagId)) reports.push(error({ code: 'TAG_CANNOT_PUT_ID_NEXT_TO_ITSELF', id: tagId }));
  if (!ids.length) reports.push(error({ code: 'TAG_CANNOT_CREATE_EMPTY_TAG_NO_IDS_SPECIFIED' }));
  const d = dups(ids);
  if (d.length) reports.push(error({ code: 'TAG_ADD_REMOVE_IDS_DUPLICATION', ids: d, add: true }));
  reports.push(...findResources(cib, [...new Set(ids)]).reports);
  env.reports.reportList(reports).throwOnErrors();
  const tag = append(section(cib, 'tags'), XmlElement.create('tag', { id: tagId }));
  for (const id of ids) append(tag, XmlElement.create('obj_ref', { id }));
  env.pushCib(cib);
}

export interface TagUpdate {
  tag: string;
  add: string[];
  remove: string[];
  adjacent?: string | undefined;
  after: boolean;
}

export function tagUpdate(env: LibraryEnvironment, req: TagUpdate): void {
  const cib = env.getCib('tag update');
  const tag = cib.scope('tags')?.elements('tag').find((t) => t.get('id') === req.tag);
  if (!tag) throw new LibraryError(error({ code: 'ID_NOT_FOUND', id: req.tag, expectedTypes: ['tag'] }));
  const current = tag.elements('obj_ref').map((r) => r.get('id') ?? '');
  const reports: ReportItem[] = [];
  if (req.add.length) reports.push(...findResources(cib, [...new Set(req.add)]).reports);
  reports.push(...validateAddRemoveItems(req.add, req.remove, current, 'tag', 'reference id', req.tag, req.adjacent, false));
  env.reports.reportList(reports).throwOnErrors();
  const refOf = (id: string) => tag.elements('obj_ref').find((r) => r.get('id') === id);
  let anchor = req.adjacent ? refOf(req.adjacent) : undefined;
  for (const id of req.add) {
    const el = refOf(id) ?? XmlElement.create('obj_ref', { id });
    if (anchor) {
      if (req.after) {
        const kids = tag.elements();
        const next = kids[kids.indexOf(anchor) + 1];
        append(tag, el, next);
        anchor = el;
      } else append(tag, el, anchor);
    } else append(tag, el);
  }
  for (const id of req.remove) {
    const el = refOf(id);
    if (el) remove(el);
  }
  env.pushCib(cib);
}

export function tagRemove(env: LibraryEnvironment, tagIds: string[]): void {
  const cib = env.getCib('tag remove');
  const tags = cib.scope('tags');
  const reports: ReportItem[] = [];
  const found: XmlElement[] = [];
  for (const id of tagIds) {
    const t = tags?.elements('tag').find((x) => x.get('id') === id);
    if (!t) {
      reports.push(error({ code: 'ID_NOT_FOUND', id, expectedTypes: ['tag'] }));
      continue;
    }
    const users = [...constraintsSection(cib).descendants()]
      .filter((e) => ['rsc', 'with-rsc', 'first', 'then'].some((a) => e.get(a) === id) || (e.name === 'resource_ref' && e.get('id') === id))
      .map((e) => (e.name === 'resource_ref' ? (e.parent?.parent?.get('id') ?? '') : (e.get('id') ?? '')));
    if (users.length) reports.push(error({ code: 'TAG_USED_IN_CONSTRAINT', tag: id, constraints: [...new Set(users)].sort() }));
    found.push(t);
  }
  env.reports.reportList(reports).throwOnErrors();
  for (const t of found) remove(t);
  env.pushCib(cib);
}

export function tagConfig(env: LibraryEnvironment, ids: string[]): { tag: string; ids: string[] }[] {
  const cib = env.getCib('tag config');
  const tags = cib.scope('tags')?.elements('tag') ?? [];
  const missing = ids.filter((id) => !tags.some((t) => t.get('id') === id));
  if (missing.length) throw new LibraryError(...missing.map((id) => error({ code: 'ID_NOT_FOUND', id, expectedTypes: ['tag'] })));
  return tags.filter((t) => !ids.length || ids.includes(t.get('id') ?? '')).map((t) => ({ tag: t.get('id') ?? '', ids: t.elements('obj_ref').map((r) => r.get('id') ?? '') }));
}
