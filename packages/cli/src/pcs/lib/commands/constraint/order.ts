// Order constraints: `constraint order [ACTION] A then [ACTION] B [options]`.

import { XmlElement } from '@hacluster/cib';
import { checkConstraintResource, checkDuplicates, constraintsSection, exportPlain, inSameGroup } from '../../cib/constraint/common.js';
import { append, IdProvider } from '../../cib/tools.js';
import type { LibraryEnvironment } from '../../env.js';
import { error, info, LibraryError } from '../../reports/item.js';
import { idReports } from '../../validate.js';

export const ORDER_ACTIONS = ['start', 'stop', 'promote', 'demote'];
const SYMMETRICAL_VALUES = ['true', 'false'];

export interface OrderRequest {
  first: string;
  firstAction: string;
  then: string;
  thenAction: string;
  /** Words after the resources: key=value, `symmetrical`, `nonsymmetrical`. */
  options: string[];
  force: boolean;
}

export function orderAdd(env: LibraryEnvironment, req: OrderRequest): void {
  const cib = env.getCib('constraint order');
  for (const r of [req.first, req.then]) {
    const c = checkConstraintResource(cib, r, req.force);
    if (!c.ok) throw new LibraryError(c.problem);
  }
  if (inSameGroup(cib, req.first, req.then)) throw new LibraryError(error({ code: 'CANNOT_ORDER_RESOURCES_IN_SAME_GROUP' }));
  const ids = new IdProvider(cib);
  const opts: [string, string][] = [];
  let sym: string | undefined;
  let idGiven = false;
  for (const arg of [...req.options, `first-action=${req.firstAction}`, `then-action=${req.thenAction}`]) {
    if (arg === 'symmetrical') sym = 'true';
    else if (arg === 'nonsymmetrical') sym = 'false';
    else {
      const eq = arg.indexOf('=');
      if (eq < 0) throw new LibraryError(error({ code: 'INVALID_OPTION_VALUE', optionName: arg, optionValue: '', allowedValues: 'a name=value option', cannotBeEmpty: true }));
      const name = arg.slice(0, eq);
      const value = arg.slice(eq + 1);
      if (eq === 0 || value === '') throw new LibraryError(error({ code: 'INVALID_OPTION_VALUE', optionName: name || arg, optionValue: value, allowedValues: 'a value', cannotBeEmpty: true }));
      if (name === 'id') {
        const bad = idReports(value, 'constraint id');
        if (bad.length) throw new LibraryError(bad[0]!);
        if (ids.exists(value)) throw new LibraryError(error({ code: 'ID_ALREADY_EXISTS', id: value }));
        idGiven = true;
        opts.push([name, value]);
      } else if (name === 'symmetrical') {
        if (!SYMMETRICAL_VALUES.includes(value.toLowerCase())) {
          throw new LibraryError(error({ code: 'INVALID_OPTION_VALUE', optionName: 'symmetrical', optionValue: value, allowedValues: SYMMETRICAL_VALUES }));
        }
        sym = value.toLowerCase();
      } else opts.push([name, value]);
    }
  }
  if (sym) opts.push(['symmetrical', sym]);
  const shown = opts.filter(([k]) => k !== 'kind' && k !== 'score').map(([k, val]) => `${k}=${val}`).join(' ');
  let kindText = 'Mandatory';
  let idSuffix = 'mandatory';
  for (const [k, val] of opts) {
    if (k === 'score' || k === 'kind') {
      kindText = val;
      idSuffix = val;
      break;
    }
  }
  const kindLabel = opts.find(([k]) => k === 'score' || k === 'kind')?.[0] === 'score' ? 'score' : 'kind';
  if (!idGiven) opts.push(['id', ids.allocate(`order-${req.first}-${req.then}-${idSuffix}`)]);
  const el = XmlElement.create('rsc_order', { first: req.first, then: req.then });
  for (const [k, val] of opts) el.set(k, val);
  append(constraintsSection(cib), el);
  if (!req.force) {
    const norm = (e: XmlElement) =>
      [e.get('first'), e.get('then'), (e.get('first-action') ?? '').toLowerCase() || 'start', (e.get('then-action') ?? '').toLowerCase() || 'start'].join('\u0000');
    env.reports.reportList(checkDuplicates(cib, el, (a, b) => b.elements('resource_set').length === 0 && norm(a) === norm(b), exportPlain, false)).throwOnErrors();
  }
  env.reports.report(info({ code: 'ORDER_CONSTRAINT_ADDED', first: req.first, then: req.then, kind: `${kindLabel}: ${kindText}`, options: shown }));
  env.pushCib(cib);
}

/** `constraint order delete|remove RESOURCE…`: order constraints (and set members) naming them. */
export function orderRemoveByResources(env: LibraryEnvironment, resources: string[]): void {
  const cib = env.getCib('constraint order remove');
  const section = constraintsSection(cib);
  let found = false;
  for (const r of resources) {
    for (const o of [...section.descendants()].filter((e) => e.name === 'rsc_order')) {
      if (o.get('first') === r || o.get('then') === r) {
        o.parent?.children.includes(o) && removeEl(o);
        found = true;
      }
    }
    for (const ref of [...section.descendants()].filter((e) => e.name === 'resource_ref' && e.get('id') === r)) {
      found = true;
      const set = ref.parent!;
      const order = set.parent!;
      removeEl(ref);
      if (set.elements('resource_ref').length === 0) {
        removeEl(set);
        if (order.elements('resource_set').length === 0) removeEl(order);
      }
    }
  }
  if (!found) throw new LibraryError(error({ code: 'CONSTRAINT_NOT_FOUND', id: resources.join(' ') }));
  env.pushCib(cib);
}

import { removeElement as removeEl } from '@hacluster/cib';
