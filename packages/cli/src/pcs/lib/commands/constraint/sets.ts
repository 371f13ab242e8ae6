// Constraints over resource sets: `constraint order|colocation|ticket set … [setoptions …]`.

import type { Cib, XmlElement } from '@hacluster/cib';
import {
  appendSetConstraint,
  checkDuplicates,
  exportWithSets,
  findValidResourceId,
  sameSets,
  setConstraintId,
  validateSetOptions,
  type ResourceSetSpec,
} from '../../cib/constraint/common.js';
import { IdProvider } from '../../cib/tools.js';
import type { LibraryEnvironment } from '../../env.js';
import { isScore } from '../../pacemaker/values.js';
import { error, LibraryError, type ReportItem } from '../../reports/item.js';
import { idReports } from '../../validate.js';
import { validateTicketName } from './ticket.js';

type SetKind = 'order' | 'colocation' | 'ticket';
const TAGS: Record<SetKind, string> = { order: 'rsc_order', colocation: 'rsc_colocation', ticket: 'rsc_ticket' };
const ALLOWED: Record<SetKind, string[]> = {
  order: ['symmetrical', 'kind'],
  colocation: ['score'],
  ticket: ['loss-policy', 'ticket'],
};

function prepareOptions(cib: Cib, ids: IdProvider, kind: SetKind, options: Record<string, string>, sets: ResourceSetSpec[]): Record<string, string> {
  const unknown = Object.keys(options).filter((k) => ![...ALLOWED[kind], 'id'].includes(k)).sort();
  if (unknown.length) throw new LibraryError(error({ code: 'INVALID_OPTIONS', optionNames: unknown, allowed: [...ALLOWED[kind], 'id'].sort(), optionType: '' }));
  const out = { ...options };
  if (out['id'] === undefined) out['id'] = setConstraintId(ids, kind, sets);
  else {
    const bad = idReports(out['id'], 'constraint id');
    if (bad.length) throw new LibraryError(bad[0]!);
    if (ids.exists(out['id'])) throw new LibraryError(error({ code: 'ID_ALREADY_EXISTS', id: out['id'] }));
    ids.book(out['id']);
  }
  const problems: ReportItem[] = [];
  if (kind === 'colocation') {
    if (out['score'] !== undefined) {
      if (!isScore(out['score'])) throw new LibraryError(error({ code: 'INVALID_SCORE', score: out['score'] }));
    } else out['score'] = 'INFINITY';
  }
  if (kind === 'order') {
    if (out['kind'] !== undefined) {
      const k = out['kind'].charAt(0).toUpperCase() + out['kind'].slice(1).toLowerCase();
      if (!['Optional', 'Mandatory', 'Serialize'].includes(k)) problems.push(error({ code: 'INVALID_OPTION_VALUE', optionName: 'kind', optionValue: out['kind'], allowedValues: ['Optional', 'Mandatory', 'Serialize'] }));
      out['kind'] = k;
    }
    if (out['symmetrical'] !== undefined) {
      const s = out['symmetrical'].toLowerCase();
      if (!['true', 'false'].includes(s)) problems.push(error({ code: 'INVALID_OPTION_VALUE', optionName: 'symmetrical', optionValue: out['symmetrical'], allowedValues: ['true', 'false'] }));
      out['symmetrical'] = s;
    }
  }
  if (kind === 'ticket') {
    if (out['loss-policy'] !== undefined) {
      const lp = out['loss-policy'];
      if (!['fence', 'stop', 'freeze', 'demote'].includes(lp)) problems.push(error({ code: 'INVALID_OPTION_VALUE', optionName: 'loss-policy', optionValue: lp, allowedValues: ['fence', 'stop', 'freeze', 'demote'] }));
      out['loss-policy'] = lp.toLowerCase();
    }
    if (!out['ticket'] || !out['ticket'].trim()) problems.push(error({ code: 'REQUIRED_OPTIONS_ARE_MISSING', optionNames: ['ticket'], optionType: '' }));
    else problems.push(...validateTicketName(out['ticket']));
  }
  if (problems.length) throw new LibraryError(...problems);
  return out;
}

export function createWithSets(env: LibraryEnvironment, kind: SetKind, sets: ResourceSetSpec[], options: Record<string, string>, force: boolean): void {
  const cib = env.getCib(`constraint ${kind} set`);
  const ids = new IdProvider(cib);
  const opts = prepareOptions(cib, ids, kind, options, sets);
  const prepared: ResourceSetSpec[] = sets.map((s) => {
    env.reports.reportList(validateSetOptions(s.options)).throwOnErrors();
    return { ids: s.ids.map((id) => findValidResourceId(env, cib, force, id)), options: s.options };
  });
  const el = appendSetConstraint(cib, ids, TAGS[kind], opts, prepared);
  const dup = kind === 'ticket' ? (a: XmlElement, b: XmlElement) => a.get('ticket') === b.get('ticket') && sameSets(a, b) : sameSets;
  env.reports.reportList(checkDuplicates(cib, el, dup, exportWithSets, force)).throwOnErrors();
  env.pushCib(cib);
}
