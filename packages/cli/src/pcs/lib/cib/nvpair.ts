// Name-value sets (instance_attributes, meta_attributes, utilization). Two flavours, because
// pcs has two: the library commands (sorted names, sanitized unique ids, a set is created
// only when it gets values) and the older commands (names in the order given, ids
// "<set id>-<name>", empty sets kept so that ACLs allowing nvpair edits keep working).

import { XmlElement } from '@hacluster/cib';
import { append, appendNew, IdProvider, remove, subelementId } from './tools.js';

export const META = 'meta_attributes';
export const INSTANCE = 'instance_attributes';
export const UTILIZATION = 'utilization';

export type Pairs = ReadonlyArray<readonly [string, string]>;

export const byName = (pairs: Pairs): [string, string][] => [...pairs].map(([k, v]) => [k, v] as [string, string]).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));

export function nvpairElements(nvset: XmlElement): XmlElement[] {
  return nvset.elements('nvpair');
}

/** The nvpairs of a set as [name, value]. */
export function nvsetPairs(nvset: XmlElement | undefined): [string, string][] {
  return nvset ? nvset.elements('nvpair').map((p) => [p.get('name') ?? '', p.get('value') ?? ''] as [string, string]) : [];
}

/** Value of an nvpair in the first set with this tag that has it non-empty. */
export function nvValue(context: XmlElement, tag: string, name: string): string | undefined {
  for (const set of context.elements(tag)) {
    for (const p of set.elements('nvpair')) {
      const v = p.get('value');
      if (p.get('name') === name && v) return v;
    }
  }
  return undefined;
}

function newNvpair(nvset: XmlElement, name: string, value: string, ids: IdProvider): XmlElement {
  return appendNew(nvset, 'nvpair', { id: subelementId(nvset, name, ids), name, value });
}

/** Sets one nvpair: updates it, adds it, or removes it when the value is empty. */
export function setNvpair(nvset: XmlElement, name: string, value: string, ids: IdProvider): void {
  const existing = nvset.elements('nvpair').find((p) => p.get('name') === name);
  if (!existing) {
    if (value) newNvpair(nvset, name, value, ids);
  } else if (value) {
    existing.set('value', value);
  } else {
    remove(existing);
  }
}

/** Library flavour: applies pairs (sorted by name) to an existing set. */
export function updateNvset(nvset: XmlElement, pairs: Pairs, ids: IdProvider): void {
  for (const [k, v] of byName(pairs)) setNvpair(nvset, k, v, ids);
}

/** Library flavour: a new set "<parent>-<tag>" with the pairs sorted by name, appended. */
export function appendNewNvset(tag: string, context: XmlElement, pairs: Pairs, ids: IdProvider, before?: XmlElement): XmlElement {
  const nvset = XmlElement.create(tag, { id: subelementId(context, tag, ids) });
  append(context, nvset, before);
  for (const [k, v] of byName(pairs)) newNvpair(nvset, k, v, ids);
  return nvset;
}

/** Library flavour: puts pairs into the first set with this tag, made (as first child) if needed. */
export function arrangeFirstNvset(tag: string, context: XmlElement, pairs: Pairs, ids: IdProvider, newId?: string): void {
  if (pairs.length === 0) return;
  let nvset = context.first(tag);
  if (!nvset) nvset = append(context, XmlElement.create(tag, { id: newId ?? subelementId(context, tag, ids) }), context.first());
  updateNvset(nvset, pairs, ids);
}

/**
 * Older-command flavour (pcs utils.dom_update_nvset): the first set with this tag, created at the
 * end when missing (unless only removing); nvpair ids are "<set id>-<name>".
 */
export function legacyUpdateNvset(context: XmlElement, pairs: Pairs, tag: string, idCandidate: string, ids: IdProvider): XmlElement | undefined {
  if (pairs.length === 0) return undefined;
  const onlyRemoving = pairs.every(([, v]) => v === '');
  let nvset = context.first(tag);
  if (!nvset && onlyRemoving) return undefined;
  if (!nvset) nvset = appendNew(context, tag, { id: ids.allocate(idCandidate) });
  const prefix = (nvset.get('id') ?? '') + '-';
  for (const [name, value] of pairs) {
    const existing = nvset.elements('nvpair').find((p) => p.get('name') === name);
    if (existing) {
      if (value === '') remove(existing);
      else existing.set('value', value);
    } else if (value !== '') {
      appendNew(nvset, 'nvpair', { id: prefix + name, name, value });
    }
  }
  return nvset;
}

export const legacyUpdateMeta = (el: XmlElement, pairs: Pairs, ids: IdProvider) =>
  legacyUpdateNvset(el, pairs, META, `${el.get('id') ?? ''}-meta_attributes`, ids);
export const legacyUpdateInstance = (el: XmlElement, pairs: Pairs, ids: IdProvider) =>
  legacyUpdateNvset(el, pairs, INSTANCE, `${el.get('id') ?? ''}-instance_attributes`, ids);
