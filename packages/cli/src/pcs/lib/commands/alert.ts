// Alerts (<alerts><alert><recipient>): agents Pacemaker calls on cluster events.

import { XmlElement, type Cib } from '@hacluster/cib';
import { arrangeFirstNvset, INSTANCE, META, nvsetPairs } from '../cib/nvpair.js';
import { append, IdProvider, remove, section } from '../cib/tools.js';
import type { LibraryEnvironment } from '../env.js';
import { error, forceable, LibraryError, type ReportItem } from '../reports/item.js';
import { idReports } from '../validate.js';

const alertsOf = (cib: Cib) => section(cib, 'alerts');
const findAlert = (cib: Cib, id: string) => cib.scope('alerts')?.elements('alert').find((a) => a.get('id') === id);
const findRecipient = (cib: Cib, id: string) => cib.scope('alerts')?.elements('alert').flatMap((a) => a.elements('recipient')).find((r) => r.get('id') === id);

function optional(el: XmlElement, name: string, value: string | undefined): void {
  if (value === undefined) return;
  if (value) el.set(name, value);
  else el.remove(name);
}

function attrs(el: XmlElement, ids: IdProvider, options: [string, string][], meta: [string, string][]): void {
  arrangeFirstNvset(INSTANCE, el, options, ids);
  arrangeFirstNvset(META, el, meta, ids);
}

export interface AlertRequest {
  id?: string | undefined;
  path?: string | undefined;
  description?: string | undefined;
  options: [string, string][];
  meta: [string, string][];
}

export function alertCreate(env: LibraryEnvironment, req: AlertRequest): void {
  if (!req.path) throw new LibraryError(error({ code: 'REQUIRED_OPTIONS_ARE_MISSING', optionNames: ['path'], optionType: '' }));
  const cib = env.getCib('alert create');
  const ids = new IdProvider(cib);
  let id = req.id;
  if (id) {
    const bad = idReports(id, 'alert-id');
    if (bad.length) throw new LibraryError(bad[0]!);
    if (ids.exists(id)) throw new LibraryError(error({ code: 'ID_ALREADY_EXISTS', id }));
  } else id = ids.allocate('alert');
  const el = append(alertsOf(cib), XmlElement.create('alert', { id, path: req.path }));
  if (req.description) el.set('description', req.description);
  attrs(el, ids, req.options, req.meta);
  env.pushCib(cib);
}

export function alertUpdate(env: LibraryEnvironment, id: string, req: AlertRequest): void {
  const cib = env.getCib('alert update');
  const el = findAlert(cib, id);
  if (!el) throw new LibraryError(error({ code: 'ID_NOT_FOUND', id, expectedTypes: ['alert'] }));
  if (req.path) el.set('path', req.path);
  optional(el, 'description', req.description);
  attrs(el, new IdProvider(cib), req.options, req.meta);
  env.pushCib(cib);
}

export function alertRemove(env: LibraryEnvironment, ids: string[]): void {
  const cib = env.getCib('alert remove');
  const reports: ReportItem[] = [];
  for (const id of ids) {
    const el = findAlert(cib, id);
    if (el) remove(el);
    else reports.push(error({ code: 'ID_NOT_FOUND', id, expectedTypes: ['alert'] }));
  }
  env.reports.reportList(reports).throwOnErrors();
  env.pushCib(cib);
}

function uniqueValue(env: LibraryEnvironment, alert: XmlElement, value: string, recipientId: string, force: boolean): void {
  if (alert.elements('recipient').some((r) => r.get('value') === value && r.get('id') !== recipientId)) {
    env.reports.report(forceable({ code: 'CIB_ALERT_RECIPIENT_ALREADY_EXISTS', alert: alert.get('id') ?? '', value }, force)).throwOnErrors();
  }
}

export interface RecipientRequest {
  id?: string | undefined;
  value?: string | undefined;
  description?: string | undefined;
  options: [string, string][];
  meta: [string, string][];
  force: boolean;
}

export function recipientAdd(env: LibraryEnvironment, alertId: string, req: RecipientRequest): void {
  if (!req.value) throw new LibraryError(error({ code: 'REQUIRED_OPTIONS_ARE_MISSING', optionNames: ['value'], optionType: '' }));
  const cib = env.getCib('alert recipient add');
  const ids = new IdProvider(cib);
  let id = req.id;
  if (id === undefined) id = ids.allocate(`${alertId}-recipient`);
  else if (ids.exists(id)) throw new LibraryError(error({ code: 'ID_ALREADY_EXISTS', id }));
  const alert = findAlert(cib, alertId);
  if (!alert) throw new LibraryError(error({ code: 'ID_NOT_FOUND', id: alertId, expectedTypes: ['alert'] }));
  uniqueValue(env, alert, req.value, '', req.force);
  const el = append(alert, XmlElement.create('recipient', { id, value: req.value }));
  if (req.description) el.set('description', req.description);
  attrs(el, ids, req.options, req.meta);
  env.pushCib(cib);
}

export function recipientUpdate(env: LibraryEnvironment, id: string, req: RecipientRequest): void {
  if (req.value !== undefined && !req.value) throw new LibraryError(error({ code: 'INVALID_OPTION_VALUE', optionName: 'value', optionValue: '', allowedValues: 'a recipient', cannotBeEmpty: true }));
  const cib = env.getCib('alert recipient update');
  const el = findRecipient(cib, id);
  if (!el) throw new LibraryError(error({ code: 'ID_NOT_FOUND', id, expectedTypes: ['recipient'] }));
  if (req.value !== undefined) {
    uniqueValue(env, el.parent!, req.value, id, req.force);
    el.set('value', req.value);
  }
  optional(el, 'description', req.description);
  attrs(el, new IdProvider(cib), req.options, req.meta);
  env.pushCib(cib);
}

export function recipientRemove(env: LibraryEnvironment, ids: string[]): void {
  const cib = env.getCib('alert recipient remove');
  const reports: ReportItem[] = [];
  for (const id of ids) {
    const el = findRecipient(cib, id);
    if (el) remove(el);
    else reports.push(error({ code: 'ID_NOT_FOUND', id, expectedTypes: ['recipient'] }));
  }
  env.reports.reportList(reports).throwOnErrors();
  env.pushCib(cib);
}

export interface RecipientView {
  id: string;
  value: string;
  description?: string | undefined;
  options: [string, string][];
  meta: [string, string][];
}
export interface AlertView extends Omit<RecipientView, 'value'> {
  path: string;
  recipients: RecipientView[];
}

export function alertsConfig(env: LibraryEnvironment): AlertView[] {
  const cib = env.getCib('alert config');
  const view = (el: XmlElement) => ({
    id: el.get('id') ?? '',
    description: el.get('description'),
    options: nvsetPairs(el.first(INSTANCE)),
    meta: nvsetPairs(el.first(META)),
  });
  return (cib.scope('alerts')?.elements('alert') ?? []).map((a) => ({
    ...view(a),
    path: a.get('path') ?? '',
    recipients: a.elements('recipient').map((r) => ({ ...view(r), value: r.get('value') ?? '' })),
  }));
}
