// Ticket constraints: `constraint ticket add TICKET [ROLE] RESOURCE [options]`, `remove`.

import { XmlElement } from '@hacluster/cib';
import { checkDuplicates, constraintsSection, constraintsOf, exportPlain, findValidResourceId } from '../../cib/constraint/common.js';
import { roleForCib, ROLES } from '../../cib/resource/operations.js';
import { append, IdProvider, remove } from '../../cib/tools.js';
import type { LibraryEnvironment } from '../../env.js';
import { deprecation, error, LibraryError, type ReportItem } from '../../reports/item.js';
import { idReports } from '../../validate.js';
import { newRoleNamesSupported } from '../resource/create.js';

export function validateTicketName(ticket: string): ReportItem[] {
  const bad = idReports(ticket, 'ticket');
  return bad.length ? [error({ code: 'INVALID_OPTION_VALUE', optionName: 'ticket', optionValue: ticket, allowedValues: 'a name made of letters, digits, ".", "-", "_" that starts with a letter or "_"' })] : [];
}

export function ticketAdd(env: LibraryEnvironment, ticket: string, resourceId: string, options: Record<string, string>, force: boolean): void {
  const cib = env.getCib('constraint ticket add');
  const rsc = findValidResourceId(env, cib, force, resourceId);
  const opts = { ...options };
  const reports: ReportItem[] = [];
  if (opts['loss-policy'] !== undefined) {
    if (!['fence', 'stop', 'freeze', 'demote'].includes(opts['loss-policy'])) {
      reports.push(error({ code: 'INVALID_OPTION_VALUE', optionName: 'loss-policy', optionValue: opts['loss-policy'], allowedValues: ['fence', 'stop', 'freeze', 'demote'] }));
    }
    opts['loss-policy'] = opts['loss-policy'].toLowerCase();
  }
  if (!ticket) reports.push(error({ code: 'REQUIRED_OPTIONS_ARE_MISSING', optionNames: ['ticket'], optionType: '' }));
  else reports.push(...validateTicketName(ticket));
  const role = opts['rsc-role'];
  if (role) {
    const cap = role.charAt(0).toUpperCase() + role.slice(1).toLowerCase();
    if (!ROLES.includes(cap)) reports.push(error({ code: 'INVALID_OPTION_VALUE', optionName: 'role', optionValue: role, allowedValues: ROLES }));
    if (cap === 'Master' || cap === 'Slave') reports.push(deprecation({ code: 'DEPRECATED_OPTION_VALUE', optionName: 'role', deprecatedValue: role, replacedBy: cap === 'Master' ? 'Promoted' : 'Unpromoted' }));
  }
  const unknown = Object.keys(opts).filter((k) => !['loss-policy', 'rsc-role', 'id'].includes(k)).sort();
  if (unknown.length) reports.push(error({ code: 'INVALID_OPTIONS', optionNames: unknown, allowed: ['id', 'loss-policy'], optionType: '' }));
  env.reports.reportList(reports).throwOnErrors();
  opts['ticket'] = ticket;
  opts['rsc'] = rsc;
  if ('rsc-role' in opts) {
    if (opts['rsc-role']) opts['rsc-role'] = roleForCib(opts['rsc-role'].charAt(0).toUpperCase() + opts['rsc-role'].slice(1).toLowerCase(), newRoleNamesSupported(cib));
    else delete opts['rsc-role'];
  }
  const ids = new IdProvider(cib);
  if (opts['id'] === undefined) {
    opts['id'] = ids.allocate(['ticket', ticket, rsc].join('-') + (opts['rsc-role'] ? `-${opts['rsc-role']}` : ''));
  } else {
    const bad = idReports(opts['id'], 'constraint id');
    if (bad.length) throw new LibraryError(bad[0]!);
    if (ids.exists(opts['id'])) throw new LibraryError(error({ code: 'ID_ALREADY_EXISTS', id: opts['id'] }));
  }
  const el = append(constraintsSection(cib), XmlElement.create('rsc_ticket', opts));
  const newRoles = newRoleNamesSupported(cib);
  const dup = (a: XmlElement, b: XmlElement) =>
    roleForCib(a.get('rsc-role') ?? '', newRoles) === roleForCib(b.get('rsc-role') ?? '', newRoles) &&
    (a.get('ticket') ?? '') === (b.get('ticket') ?? '') &&
    (a.get('rsc') ?? '') === (b.get('rsc') ?? '');
  env.reports.reportList(checkDuplicates(cib, el, dup, exportPlain, force)).throwOnErrors();
  env.pushCib(cib);
}

/** Removes the ticket's constraints on a resource (and the resource from ticket sets). */
export function ticketRemove(env: LibraryEnvironment, ticket: string, resourceId: string): boolean {
  const cib = env.getCib('constraint ticket remove');
  let any = false;
  for (const el of constraintsOf(cib, 'rsc_ticket')) {
    if (el.get('ticket') === ticket && el.get('rsc') === resourceId) {
      remove(el);
      any = true;
    }
  }
  for (const el of constraintsOf(cib, 'rsc_ticket').filter((e) => e.get('ticket') === ticket)) {
    for (const set of el.elements('resource_set')) {
      for (const ref of set.elements('resource_ref').filter((r) => r.get('id') === resourceId)) {
        remove(ref);
        any = true;
        if (set.elements().length === 0) remove(set);
      }
    }
  }
  env.pushCib(cib);
  return any;
}
