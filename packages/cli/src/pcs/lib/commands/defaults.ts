// Resource and operation defaults (<rsc_defaults>, <op_defaults>): sets of meta attributes,
// optionally with a rule saying where they apply.

import { XmlElement, type Cib } from '@hacluster/cib';
import { nvsetToDto, type NvsetDto } from '../cib/nvset-dto.js';
import { parseRule, RuleParseError, validateRule } from '../cib/rule/parser.js';
import { ruleToCib } from '../cib/rule/to-cib.js';
import { append, IdProvider, remove, subelementId, section } from '../cib/tools.js';
import type { LibraryEnvironment } from '../env.js';
import { error, forceable, LibraryError, warning, type ReportItem } from '../reports/item.js';
import * as v from '../validate.js';

export type DefaultsKind = 'rsc_defaults' | 'op_defaults';

const ALLOW: Record<DefaultsKind, { rsc: boolean; op: boolean; nodeAttr: boolean }> = {
  rsc_defaults: { rsc: true, op: false, nodeAttr: false },
  op_defaults: { rsc: true, op: true, nodeAttr: true },
};

/** Sets an nvpair in a set, removing it for an empty value (order of the request kept). */
function setNvpair(nvset: XmlElement, ids: IdProvider, name: string, value: string): void {
  const existing = nvset.elements('nvpair').find((p) => p.get('name') === name);
  if (existing) {
    if (value) existing.set('value', value);
    else remove(existing);
  } else if (value) {
    // pcs keeps these ids short: at most 20 characters of the name go into them.
    append(nvset, XmlElement.create('nvpair', { id: subelementId(nvset, name.slice(0, 20), ids), name, value }));
  }
}

function appendNvset(section: XmlElement, ids: IdProvider, pairs: [string, string][], options: Record<string, string>, rule?: ReturnType<typeof parseRule>): XmlElement {
  const opts = { ...options };
  if (!opts['id']) opts['id'] = subelementId(section, 'meta_attributes', ids);
  const nvset = append(section, XmlElement.create('meta_attributes'));
  for (const [k, val] of Object.entries(opts)) if (val !== '') nvset.set(k, val);
  if (rule) ruleToCib(nvset, ids, rule);
  for (const [k, val] of pairs) setNvpair(nvset, ids, k, val);
  return nvset;
}

export function defaultsConfig(env: LibraryEnvironment, kind: DefaultsKind): { meta: NvsetDto[]; instance: NvsetDto[] } {
  const section = env.getCib(`${kind} config`).scope(kind);
  return {
    meta: (section?.elements('meta_attributes') ?? []).map(nvsetToDto),
    instance: (section?.elements('instance_attributes') ?? []).map(nvsetToDto),
  };
}

export function defaultsCreate(env: LibraryEnvironment, kind: DefaultsKind, pairs: [string, string][], options: Record<string, string>, ruleText: string | undefined, force: boolean): void {
  const cib = env.getCib(`${kind} set create`);
  const ids = new IdProvider(cib);
  const reports: ReportItem[] = [
    ...v.namesIn(['id', 'score'], '', (m) => forceable(m, force))(options),
    ...v.valueId('id', 'id', (id) => ids.exists(id))(options),
    ...v.valueScore('score')(options),
  ];
  let rule: ReturnType<typeof parseRule> | undefined;
  if (ruleText) {
    try {
      rule = parseRule(ruleText);
      for (const p of validateRule(rule, ALLOW[kind])) {
        reports.push(
          p.kind === 'not-allowed'
            ? error({ code: 'RULE_EXPRESSION_NOT_ALLOWED', expression: p.expression })
            : error({ code: 'INVALID_OPTION_VALUE', optionName: p.name, optionValue: p.value, allowedValues: p.expected }),
        );
      }
    } catch (e) {
      if (!(e instanceof RuleParseError)) throw e;
      reports.push(error({ code: 'RULE_EXPRESSION_PARSE_ERROR', rule: e.rule, reason: e.message }));
    }
  }
  env.reports.reportList(reports).throwOnErrors();
  if (options['id']) ids.book(options['id']);
  appendNvset(section(cib, kind), ids, pairs, options, rule);
  env.reports.report(warning({ code: 'DEFAULTS_CAN_BE_OVERRIDDEN' }));
  env.pushCib(cib);
}

export function defaultsRemove(env: LibraryEnvironment, kind: DefaultsKind, setIds: string[]): void {
  if (!setIds.length) return;
  const cib = env.getCib(`${kind} set delete`);
  const section = cib.scope(kind);
  const found: XmlElement[] = [];
  const reports: ReportItem[] = [];
  for (const id of setIds) {
    const el = section ? [...section.descendants()].find((e) => (e.name === 'meta_attributes' || e.name === 'instance_attributes') && e.get('id') === id) : undefined;
    if (el) found.push(el);
    else reports.push(error({ code: 'ID_NOT_FOUND', id, expectedTypes: ['options set'], contextType: kind }));
  }
  env.reports.reportList(reports).throwOnErrors();
  for (const el of found) remove(el);
  env.pushCib(cib);
}

/** `defaults update` (setId undefined: the one set there is) and `defaults set update ID`. */
export function defaultsUpdate(env: LibraryEnvironment, kind: DefaultsKind, setId: string | undefined, pairs: [string, string][], command: string): void {
  const cib: Cib = env.getCib(`${kind} update`);
  const ids = new IdProvider(cib);
  if (setId === undefined) {
    if (!pairs.length) return;
    const onlyRemoving = pairs.every(([, val]) => val === '');
    if (onlyRemoving && !cib.scope(kind)) {
      env.reports.report(warning({ code: 'DEFAULTS_CAN_BE_OVERRIDDEN' }));
      return;
    }
    const defaults = section(cib, kind);
    const sets = defaults.elements('meta_attributes');
    if (sets.length > 1) throw new LibraryError(error({ code: 'CIB_NVSET_AMBIGUOUS_PROVIDE_NVSET_ID', command }));
    env.reports.report(warning({ code: 'DEFAULTS_CAN_BE_OVERRIDDEN' }));
    if (sets.length === 1) for (const [k, val] of pairs) setNvpair(sets[0]!, ids, k, val);
    else if (onlyRemoving) return;
    else appendNvset(defaults, ids, pairs, {});
    env.pushCib(cib);
    return;
  }
  const existing = cib.scope(kind);
  const set = existing ? [...existing.descendants()].find((e) => (e.name === 'meta_attributes' || e.name === 'instance_attributes') && e.get('id') === setId) : undefined;
  if (!set) throw new LibraryError(error({ code: 'ID_NOT_FOUND', id: setId, expectedTypes: ['options set'], contextType: kind }));
  for (const [k, val] of pairs) setNvpair(set, ids, k, val);
  env.reports.report(warning({ code: 'DEFAULTS_CAN_BE_OVERRIDDEN' }));
  env.pushCib(cib);
}
