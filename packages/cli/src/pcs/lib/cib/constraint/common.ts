// Constraints in general: the <constraints> section, which resources a constraint may name,
// resource sets, duplicates.

import { XmlElement, type Cib } from '@hacluster/cib';
import { error, forceable, LibraryError, warning, type ReportItem } from '../../reports/item.js';
import * as v from '../../validate.js';
import { findResourceElement, groupInner, isGroup, notFoundReport, parentResource } from '../resource/common.js';
import { append, IdProvider, section } from '../tools.js';
import { roleForCib, ROLES } from '../resource/operations.js';
import { newRoleNamesSupported } from '../../commands/resource/create.js';

export const constraintsSection = (cib: Cib): XmlElement => section(cib, 'constraints');

/** Every constraint element with this tag, in document order. */
export const constraintsOf = (cib: Cib, tag: string): XmlElement[] => [...constraintsSection(cib).descendants()].filter((e) => e.name === tag);

export type CheckResult = { ok: true; id: string } | { ok: false; problem: ReportItem };

/**
 * The older commands' check of a resource named in a constraint: clones, bundles, groups and
 * primitives are fine, a primitive or group inside a clone or bundle only with --force.
 */
export function checkConstraintResource(cib: Cib, id: string, forced: boolean): CheckResult {
  if (findResourceElement(cib, id, ['clone', 'master', 'bundle'])) return { ok: true, id };
  const el = findResourceElement(cib, id, ['primitive', 'group']);
  if (!el) return { ok: false, problem: error({ code: 'RESOURCE_DOES_NOT_EXIST', id }) };
  let parent = el.parent;
  while (parent && !['clone', 'master', 'bundle', 'resources'].includes(parent.name)) parent = parent.parent;
  if (!parent || parent.name === 'resources') return { ok: true, id };
  const parentId = parent.get('id') ?? '';
  if (forced) return { ok: true, id: parentId };
  return {
    ok: false,
    problem: error({ code: 'RESOURCE_FOR_CONSTRAINT_IS_MULTIINSTANCE', resource: id, parentType: parent.name === 'master' ? 'clone' : parent.name, parentId }, 'FORCE'),
  };
}

/** The library commands' check (sets, tickets): the same, with a warning when forced. */
export function findValidResourceId(env: { reports: { report(i: ReportItem): unknown } }, cib: Cib, inCloneAllowed: boolean, id: string): string {
  const el = findResourceElement(cib, id, ['bundle', 'clone', 'group', 'master', 'primitive']);
  if (!el) throw new LibraryError(notFoundReport(cib, id, ['bundle', 'clone', 'group', 'master', 'primitive']));
  if (['clone', 'master', 'bundle'].includes(el.name)) return id;
  let parent = el.parent;
  while (parent && !['clone', 'master', 'bundle'].includes(parent.name)) parent = parent.parent;
  if (!parent) return id;
  const message = { code: 'RESOURCE_FOR_CONSTRAINT_IS_MULTIINSTANCE' as const, resource: id, parentType: parent.name === 'master' ? 'clone' : parent.name, parentId: parent.get('id') ?? '' };
  if (inCloneAllowed) {
    env.reports.report(warning(message));
    return id;
  }
  throw new LibraryError(error(message, 'FORCE'));
}

/** Two primitives in the same group cannot be ordered against each other (their group orders them). */
export function inSameGroup(cib: Cib, a: string, b: string): boolean {
  const ea = findResourceElement(cib, a, ['primitive']);
  const eb = findResourceElement(cib, b, ['primitive']);
  if (!ea || !eb) return false;
  const ga = ea.parent && isGroup(ea.parent) ? ea.parent : undefined;
  const gb = eb.parent && isGroup(eb.parent) ? eb.parent : undefined;
  return !!ga && ga === gb;
}

export interface ResourceSetSpec {
  ids: string[];
  options: Record<string, string>;
}

const SET_ATTRIBUTES = ['action', 'require-all', 'role', 'sequential'];
export const ACTIONS = ['start', 'stop', 'promote', 'demote'];

export function validateSetOptions(options: Record<string, string>): ReportItem[] {
  const out = v.all(
    v.namesIn(SET_ATTRIBUTES, 'set'),
    v.valueIn('action', ACTIONS),
    v.valueIn('require-all', ['true', 'false']),
    v.valueIn('role', ROLES),
    v.valueIn('sequential', ['true', 'false']),
  )(options);
  const role = options['role'];
  if (role === 'Master' || role === 'Slave') {
    out.push({ severity: 'deprecation', message: { code: 'DEPRECATED_OPTION_VALUE', optionName: 'role', deprecatedValue: role, replacedBy: role === 'Master' ? 'Promoted' : 'Unpromoted' } });
  }
  return out;
}

/** An id for a set constraint: "<type>_set_" and the first and last letters of its first ids. */
export function setConstraintId(ids: IdProvider, prefix: string, sets: readonly ResourceSetSpec[]): string {
  const all = sets.flatMap((s) => s.ids);
  const part = all.map((i) => i[0]! + i[i.length - 1]!).slice(0, 3).join('');
  return ids.allocate(`${prefix}_set_${part}`);
}

/** Appends a constraint with resource sets. */
export function appendSetConstraint(cib: Cib, ids: IdProvider, tag: string, options: Record<string, string>, sets: readonly ResourceSetSpec[]): XmlElement {
  if (sets.length === 0) throw new LibraryError(error({ code: 'EMPTY_RESOURCE_SET' }));
  const el = append(constraintsSection(cib), XmlElement.create(tag, options));
  if (tag === 'rsc_order') {
    const groups = sets.flatMap((s) => s.ids).map((id) => findResourceElement(cib, id)).filter((e): e is XmlElement => !!e).map(parentResource).filter((p): p is XmlElement => !!p && isGroup(p));
    if (new Set(groups).size !== groups.length) throw new LibraryError(error({ code: 'CANNOT_ORDER_RESOURCES_IN_SAME_GROUP' }));
  }
  const newRoles = newRoleNamesSupported(cib);
  for (const s of sets) {
    const opts = { ...s.options };
    if (opts['role'] !== undefined) opts['role'] = roleForCib(opts['role'], newRoles);
    const set = append(el, XmlElement.create('resource_set', opts));
    set.set('id', ids.allocate(`${el.get('id') ?? 'constraint_set'}_set`));
    for (const id of s.ids) append(set, XmlElement.create('resource_ref', { id }));
  }
  return el;
}

export interface ExportedConstraint {
  options: Record<string, string>;
  resource_sets?: { ids: string[]; options: Record<string, string> }[];
}

export const exportPlain = (el: XmlElement): ExportedConstraint => ({ options: el.attributes() });
export const exportWithSets = (el: XmlElement): ExportedConstraint => ({
  resource_sets: [...el.descendants()].filter((e) => e.name === 'resource_set').map((s) => ({ ids: s.elements('resource_ref').map((r) => r.get('id') ?? ''), options: s.attributes() })),
  options: el.attributes(),
});

export const setIdLists = (el: XmlElement): string[][] =>
  [...el.descendants()].filter((e) => e.name === 'resource_set').map((s) => s.elements('resource_ref').map((r) => r.get('id') ?? ''));

export function sameSets(a: XmlElement, b: XmlElement): boolean {
  return JSON.stringify(setIdLists(a)) === JSON.stringify(setIdLists(b));
}

/** Refuses (unless forced) a constraint that repeats an existing one. */
export function checkDuplicates(
  cib: Cib,
  el: XmlElement,
  areDuplicate: (a: XmlElement, b: XmlElement) => boolean,
  exportElement: (el: XmlElement) => ExportedConstraint,
  forced: boolean,
): ReportItem[] {
  const dups = constraintsOf(cib, el.name).filter((o) => o !== el && areDuplicate(el, o));
  if (dups.length === 0) return [];
  return [forceable({ code: 'DUPLICATE_CONSTRAINTS_EXIST', tag: el.name, constraints: dups.map(exportElement) }, forced)];
}

export function isRoleValid(role: string): boolean {
  return ROLES.includes(role);
}

export { groupInner };
