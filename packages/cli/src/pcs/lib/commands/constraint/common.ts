// Constraints of every kind: listing them, removing them by id, finding those that name a
// resource.

import type { Cib, XmlElement } from '@hacluster/cib';
import { constraintsSection, exportPlain, exportWithSets, type ExportedConstraint } from '../../cib/constraint/common.js';
import { findResourceElement } from '../../cib/resource/common.js';
import { remove } from '../../cib/tools.js';
import type { LibraryEnvironment } from '../../env.js';
import { error, LibraryError } from '../../reports/item.js';

export interface ConstraintsOfKind {
  plain: ExportedConstraint[];
  withSets: ExportedConstraint[];
}

/** Order, colocation or ticket constraints, plain ones apart from those with sets. */
export function constraintsConfig(env: LibraryEnvironment, tag: 'rsc_order' | 'rsc_colocation' | 'rsc_ticket'): ConstraintsOfKind {
  const cib = env.getCib('constraint config');
  const plainAttr = tag === 'rsc_order' ? 'first' : 'rsc';
  const out: ConstraintsOfKind = { plain: [], withSets: [] };
  for (const el of [...constraintsSection(cib).descendants()].filter((e) => e.name === tag)) {
    if (el.has(plainAttr)) out.plain.push(exportPlain(el));
    else out.withSets.push(exportWithSets(el));
  }
  return out;
}

/**
 * Removes constraints by id (a rule id removes that rule, and its location constraint when no
 * rule is left). Every id is tried; the ones not found are reported.
 */
export function removeConstraintsById(env: LibraryEnvironment, ids: string[]): void {
  const cib = env.getCib('constraint remove');
  const section = constraintsSection(cib);
  const missing: string[] = [];
  for (const id of ids) {
    let found = false;
    for (const c of section.elements()) {
      if (c.get('id') === id) {
        remove(c);
        found = true;
      }
    }
    if (!found) {
      for (const rule of [...section.descendants()].filter((e) => e.name === 'rule' && e.get('id') === id)) {
        found = true;
        const parent = rule.parent!;
        remove(rule);
        if (![...parent.descendants()].some((e) => e.name === 'rule')) remove(parent);
      }
    }
    if (!found) missing.push(id);
  }
  if (missing.length < ids.length) env.pushCib(cib);
  if (missing.length) throw new LibraryError(...missing.map((id) => error({ code: 'CONSTRAINT_NOT_FOUND', id })));
}

/** Ids of the constraints that name a resource (through its clone for a cloned primitive). */
export function constraintsContaining(cib: Cib, resourceId: string): { plain: string[]; sets: string[] } {
  const plain: string[] = [];
  let sets: string[] = [];
  const primitive = findResourceElement(cib, resourceId, ['primitive']);
  if (primitive?.parent && ['clone', 'master'].includes(primitive.parent.name)) {
    const inner = constraintsContaining(cib, primitive.parent.get('id') ?? '');
    plain.push(...inner.plain);
    sets.push(...inner.sets);
  }
  const section = cib.scope('constraints');
  if (!section) return { plain, sets };
  const all = [...section.descendants()];
  const byTag = (t: string) => all.filter((e) => e.name === t);
  for (const c of [...byTag('rsc_colocation'), ...byTag('rsc_location'), ...byTag('rsc_order'), ...byTag('rsc_ticket')]) {
    if (['rsc', 'first', 'then', 'with-rsc'].some((a) => c.get(a) === resourceId)) plain.push(c.get('id') ?? '');
  }
  for (const ref of byTag('resource_ref')) if (ref.get('id') === resourceId) sets.push(ref.parent?.parent?.get('id') ?? '');
  sets = [...new Set(sets)];
  return { plain, sets };
}

/** `constraint ref RESOURCE…` */
export function constraintRefs(env: LibraryEnvironment, resources: string[]): { resource: string; plain: string[]; sets: string[] }[] {
  const cib = env.getCib('constraint ref');
  return resources.map((r) => ({ resource: r, ...constraintsContaining(cib, r) }));
}

/** Removes every constraint that names the resource (set members alone when the set goes on). */
export function removeConstraintsContaining(cib: Cib, resourceId: string, removed: (id: string) => void): void {
  const { plain, sets } = constraintsContaining(cib, resourceId);
  const section = constraintsSection(cib);
  for (const id of plain) {
    for (const c of section.elements().filter((e) => e.get('id') === id)) {
      remove(c);
      removed(id);
    }
  }
  for (const setConstraintId of sets) {
    const c = section.elements().find((e) => e.get('id') === setConstraintId);
    if (!c) continue;
    for (const set of c.elements('resource_set')) {
      for (const ref of set.elements('resource_ref').filter((r) => r.get('id') === resourceId)) remove(ref);
      if (set.elements('resource_ref').length === 0) remove(set);
    }
    if (c.elements('resource_set').length === 0) {
      remove(c);
      removed(setConstraintId);
    }
  }
}

export type { XmlElement };
