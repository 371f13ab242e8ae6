// Colocation constraints: `constraint colocation add [ROLE] A with [ROLE] B [SCORE] [options]`.

import { XmlElement } from '@hacluster/cib';
import { checkConstraintResource, checkDuplicates, constraintsSection, constraintsOf, exportPlain } from '../../cib/constraint/common.js';
import { roleForCib } from '../../cib/resource/operations.js';
import { append, IdProvider, remove } from '../../cib/tools.js';
import type { LibraryEnvironment } from '../../env.js';
import { error, LibraryError } from '../../reports/item.js';
import { idReports } from '../../validate.js';
import { newRoleNamesSupported } from '../resource/create.js';

export interface ColocationRequest {
  rsc: string;
  rscRole?: string | undefined;
  withRsc: string;
  withRscRole?: string | undefined;
  score: string;
  options: [string, string][];
  force: boolean;
}

export function colocationAdd(env: LibraryEnvironment, req: ColocationRequest): void {
  const cib = env.getCib('constraint colocation add');
  const newRoles = newRoleNamesSupported(cib);
  for (const r of [req.rsc, req.withRsc]) {
    const c = checkConstraintResource(cib, r, req.force);
    if (!c.ok) throw new LibraryError(c.problem);
  }
  const ids = new IdProvider(cib);
  const opts = [...req.options];
  for (const [k, val] of opts) {
    if (k !== 'id') continue;
    const bad = idReports(val, 'constraint id');
    if (bad.length) throw new LibraryError(bad[0]!);
    if (ids.exists(val)) throw new LibraryError(error({ code: 'ID_ALREADY_EXISTS', id: val }));
  }
  if (!opts.some(([k]) => k === 'id')) opts.push(['id', ids.allocate(`colocation-${req.rsc}-${req.withRsc}-${req.score}`)]);
  // One role given: the other is Started.
  let role1 = req.rscRole ?? '';
  let role2 = req.withRscRole ?? '';
  if (role1 && !role2) role2 = 'Started';
  if (role2 && !role1) role1 = 'Started';
  const el = XmlElement.create('rsc_colocation', { rsc: req.rsc, 'with-rsc': req.withRsc, score: req.score });
  if (role1) el.set('rsc-role', role1);
  if (role2) el.set('with-rsc-role', role2);
  for (const [k, val] of opts) el.set(k, val);
  const section = constraintsSection(cib);
  if (!req.force) {
    const norm = (e: XmlElement) =>
      [
        e.get('rsc'),
        e.get('with-rsc'),
        roleForCib(capitalize(e.get('rsc-role') ?? '') || 'Started', newRoles),
        roleForCib(capitalize(e.get('with-rsc-role') ?? '') || 'Started', newRoles),
      ].join('\u0000');
    append(section, el);
    env.reports.reportList(checkDuplicates(cib, el, (a, b) => b.elements('resource_set').length === 0 && norm(a) === norm(b), exportPlain, false)).throwOnErrors();
  } else {
    append(section, el);
  }
  env.pushCib(cib);
}

export const capitalize = (s: string) => (s ? s.charAt(0).toUpperCase() + s.slice(1).toLowerCase() : s);

/** `constraint colocation delete|remove A B`: colocations between the two, either way round. */
export function colocationRemove(env: LibraryEnvironment, a: string, b: string): void {
  const cib = env.getCib('constraint colocation remove');
  let found = false;
  for (const el of constraintsOf(cib, 'rsc_colocation')) {
    const r = el.get('rsc');
    const w = el.get('with-rsc');
    if ((r === a && w === b) || (r === b && w === a)) {
      remove(el);
      found = true;
    }
  }
  if (!found) throw new LibraryError(error({ code: 'CONSTRAINT_NOT_FOUND', id: `${a} with ${b}` }));
  env.pushCib(cib);
}

export { roleForCib };
