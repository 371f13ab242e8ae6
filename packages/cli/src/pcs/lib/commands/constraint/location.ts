// Location constraints: `prefers`/`avoids` (node scores), `rule`, `add`, `remove`, and the
// data `constraint location config` lists.

import { XmlElement, type Cib } from '@hacluster/cib';
import { checkConstraintResource, constraintsSection, constraintsOf } from '../../cib/constraint/common.js';
import { ruleToDto, type RuleExpressionDto } from '../../cib/rule/dto.js';
import { buildLegacyRule, parseLegacyRule, RuleEndOfInput, RuleSyntaxError } from '../../cib/rule/legacy-parser.js';
import { ruleToStr } from '../../cib/rule/to-str.js';
import { append, IdProvider, remove } from '../../cib/tools.js';
import type { LibraryEnvironment } from '../../env.js';
import { isScore, sanitizeId } from '../../pacemaker/values.js';
import { deprecation, error, LibraryError, warning } from '../../reports/item.js';
import { idReports } from '../../validate.js';
import { newRoleNamesSupported } from '../resource/create.js';
import { roleForCib } from '../../cib/resource/operations.js';

/** A resource as a location constraint names it: an id, or a pattern ("regexp%web-.*"). */
export interface ResourceSpec {
  kind: 'resource' | 'regexp';
  value: string;
}

export function parseResourceSpec(text: string): ResourceSpec | { error: string } {
  const i = text.indexOf('%');
  if (i < 0) return { kind: 'resource', value: text };
  const type = text.slice(0, i) || 'resource';
  if (type !== 'resource' && type !== 'regexp') return { error: `'${type}' is not a type for '${text}'; use regexp or resource` };
  return { kind: type, value: text.slice(i + 1) };
}

function checkResource(cib: Cib, spec: ResourceSpec, forced: boolean): void {
  if (spec.kind !== 'resource') return;
  const r = checkConstraintResource(cib, spec.value, forced);
  if (!r.ok) throw new LibraryError(r.problem);
}

/** Adds (or replaces: same id, or same resource and node) a node score constraint. */
function addLocation(cib: Cib, id: string, spec: ResourceSpec, node: string, score: string, options: [string, string][]): void {
  const section = constraintsSection(cib);
  for (const el of constraintsOf(cib, 'rsc_location')) {
    const sameRsc = spec.kind === 'resource' ? el.get('rsc') === spec.value : el.get('rsc-pattern') === spec.value;
    if (el.get('id') === id || (el.get('node') === node && sameRsc)) remove(el);
  }
  const el = XmlElement.create('rsc_location', { id, [spec.kind === 'resource' ? 'rsc' : 'rsc-pattern']: spec.value, node, score });
  for (const [k, val] of options) el.set(k, val);
  append(section, el);
}

export interface PreferRequest {
  resource: ResourceSpec;
  prefer: boolean;
  /** NODE or NODE=SCORE */
  nodes: string[];
  force: boolean;
}

/** `constraint location R prefers|avoids N[=S]…` */
export function locationPrefer(env: LibraryEnvironment, req: PreferRequest): void {
  const cib = env.getCib('constraint location');
  env.reports.report(warning({ code: 'NODE_EXISTENCE_NOT_VALIDATED' }));
  const entries: [string, string, string][] = [];
  for (const conf of req.nodes) {
    const eq = conf.indexOf('=');
    const node = eq < 0 ? conf : conf.slice(0, eq);
    let score: string;
    if (eq < 0) score = req.prefer ? 'INFINITY' : '-INFINITY';
    else {
      score = conf.slice(eq + 1);
      if (!isScore(score)) throw new LibraryError(error({ code: 'INVALID_SCORE', score }));
      if (!req.prefer) score = score.startsWith('-') ? score.slice(1) : '-' + score;
    }
    entries.push([sanitizeId(`location-${req.resource.value}-${node}-${score}`), node, score]);
  }
  for (const [id, node, score] of entries) {
    const bad = idReports(id, 'constraint id');
    if (bad.length) throw new LibraryError(bad[0]!);
    checkResource(cib, req.resource, req.force);
    addLocation(cib, id, req.resource, node, score, []);
  }
  env.pushCib(cib);
}

/** `constraint location add ID R NODE SCORE [resource-discovery=…]` */
export function locationAdd(env: LibraryEnvironment, id: string, spec: ResourceSpec, node: string, score: string, options: [string, string][], force: boolean): void {
  for (const [k] of options) {
    if (k !== 'resource-discovery' && !force) throw new LibraryError(error({ code: 'INVALID_OPTIONS', optionNames: [k], allowed: ['resource-discovery'], optionType: 'location constraint' }, 'FORCE'));
  }
  const cib = env.getCib('constraint location add');
  env.reports.report(warning({ code: 'NODE_EXISTENCE_NOT_VALIDATED' }));
  if (!isScore(score)) throw new LibraryError(error({ code: 'INVALID_SCORE', score }));
  const bad = idReports(id, 'constraint id');
  if (bad.length) throw new LibraryError(bad[0]!);
  checkResource(cib, spec, force);
  addLocation(cib, id, spec, node, score, options);
  env.pushCib(cib);
}

/** `constraint location remove ID` */
export function locationRemove(env: LibraryEnvironment, id: string): void {
  const cib = env.getCib('constraint location remove');
  const found = constraintsOf(cib, 'rsc_location').filter((e) => e.get('id') === id);
  if (found.length === 0) throw new LibraryError(error({ code: 'CONSTRAINT_NOT_FOUND', id }));
  for (const el of found) remove(el);
  env.pushCib(cib);
}

export interface RuleOptions {
  id?: string;
  role?: string;
  score?: string;
  'score-attribute'?: string;
  'constraint-id'?: string;
  'resource-discovery'?: string;
}

const RULE_OPTION_NAMES = ['id', 'role', 'score', 'score-attribute', 'constraint-id', 'resource-discovery'] as const;

/** Leading name=value words of a rule that are the rule's options. */
export function splitRuleOptions(words: readonly string[]): { options: RuleOptions; rule: string[] } {
  const options: Record<string, string> = {};
  let i = 0;
  for (; i < words.length; i++) {
    const w = words[i]!;
    const name = RULE_OPTION_NAMES.find((n) => w.startsWith(n + '='));
    if (!name) break;
    options[name] = w.slice(name.length + 1);
  }
  return { options: options as RuleOptions, rule: words.slice(i) };
}

/** `constraint location R rule [options] EXPRESSION` */
export function locationRule(env: LibraryEnvironment, spec: ResourceSpec, options: RuleOptions, ruleWords: string[], force: boolean): void {
  const cib = env.getCib('constraint location rule');
  checkResource(cib, spec, force);
  const ids = new IdProvider(cib);
  const section = constraintsSection(cib);
  const lc = XmlElement.create('rsc_location');
  if (options['resource-discovery']) lc.set('resource-discovery', options['resource-discovery']);
  if (options['constraint-id']) {
    const bad = idReports(options['constraint-id'], 'constraint id');
    if (bad.length) throw new LibraryError(bad[0]!);
    if (ids.exists(options['constraint-id'])) throw new LibraryError(error({ code: 'ID_ALREADY_EXISTS', id: options['constraint-id'] }));
    lc.set('id', options['constraint-id']);
    ids.book(options['constraint-id']);
  } else {
    lc.set('id', ids.allocate(sanitizeId(`location-${spec.value}`)));
  }
  lc.set(spec.kind === 'resource' ? 'rsc' : 'rsc-pattern', spec.value);
  append(section, lc);
  addRule(env, cib, ids, lc, options, ruleWords);
  if (!force) checkDuplicateRules(cib, lc);
  env.pushCib(cib);
}

/** Another location constraint with rules saying the same for the same resources is refused (forcible). */
function checkDuplicateRules(cib: Cib, lc: XmlElement): void {
  const norm = (el: XmlElement) =>
    JSON.stringify([el.get('rsc-pattern') !== undefined ? ['regexp', el.get('rsc-pattern')] : ['resource', el.get('rsc')], el.elements('rule').map(normalizedRule)]);
  const mine = norm(lc);
  const dups = constraintsOf(cib, 'rsc_location').filter((o) => o !== lc && o.elements('rule').length && norm(o) === mine);
  if (dups.length) {
    throw new LibraryError(error({ code: 'DUPLICATE_LOCATION_RULES', constraints: dups.map((d) => ({ id: d.get('id') ?? '', rules: d.elements('rule').map(ruleToDto) })) }, 'FORCE'));
  }
}

/** `constraint rule add CONSTRAINT_ID [options] EXPRESSION`: one more rule in a location constraint. */
export function locationRuleAdd(env: LibraryEnvironment, constraintId: string, options: RuleOptions, ruleWords: string[], force: boolean): void {
  const cib = env.getCib('constraint rule add');
  const lc = constraintsOf(cib, 'rsc_location').find((c) => c.get('id') === constraintId);
  if (!lc) throw new LibraryError(error({ code: 'CONSTRAINT_NOT_FOUND', id: constraintId }));
  addRule(env, cib, new IdProvider(cib), lc, options, ruleWords);
  if (!force) checkDuplicateRules(cib, lc);
  env.pushCib(cib);
}

/**
 * `constraint rule remove RULE_ID`: the rule goes; a location constraint left without rules goes
 * with it. Says which of the two was removed.
 */
export function locationRuleRemove(env: LibraryEnvironment, ruleId: string): { removed: 'rule' | 'constraint'; id: string } {
  const cib = env.getCib('constraint rule remove');
  for (const lc of constraintsOf(cib, 'rsc_location')) {
    const rule = lc.elements().find((c) => c.get('id') === ruleId);
    if (!rule) continue;
    if (lc.elements().length > 1) {
      remove(rule);
      env.pushCib(cib);
      return { removed: 'rule', id: ruleId };
    }
    remove(lc);
    env.pushCib(cib);
    return { removed: 'constraint', id: lc.get('id') ?? '' };
  }
  throw new LibraryError(error({ code: 'ID_NOT_FOUND', id: ruleId, expectedTypes: ['rule'] }));
}

/** The rule as a normalized expression, to find rules that say the same. */
function normalizedRule(rule: XmlElement): string {
  const op = rule.get('boolean-op') || 'or';
  const parts = rule.elements().map((c) => {
    if (c.name === 'rule') return `(${normalizedRule(c)})`;
    if (c.name === 'expression' && c.has('value')) {
      const v = c.get('value') ?? '';
      return [c.get('attribute'), c.get('operation'), c.get('type') ?? 'string', v.includes(' ') ? `"${v}"` : v].join(' ');
    }
    return ruleToStr(c);
  });
  return parts.sort().join(` ${op} `);
}

function addRule(env: LibraryEnvironment, cib: Cib, ids: IdProvider, parent: XmlElement, options: RuleOptions, words: string[]): void {
  const newRoles = newRoleNamesSupported(cib);
  if (options.score && options['score-attribute']) throw new LibraryError(error({ code: 'MUTUALLY_EXCLUSIVE_OPTIONS', optionNames: ['score', 'score-attribute'], optionType: 'rule' }));
  if (options.score && !isScore(options.score)) throw new LibraryError(error({ code: 'INVALID_SCORE', score: options.score }));
  let role = options.role;
  if (role) {
    const cap = role.charAt(0).toUpperCase() + role.slice(1).toLowerCase();
    if (cap === 'Master' || cap === 'Slave') {
      env.reports.report(deprecation({ code: 'DEPRECATED_OPTION_VALUE', optionName: 'role', deprecatedValue: role, replacedBy: cap === 'Master' ? 'Promoted' : 'Unpromoted' }));
    }
    if (!['Promoted', 'Master', 'Unpromoted', 'Slave'].includes(cap)) {
      throw new LibraryError(error({ code: 'INVALID_ROLE_IN_RULE', role, allowed: ['Master', 'Promoted', 'Slave', 'Unpromoted'] }));
    }
    role = roleForCib(cap, newRoles);
  }
  if (options.id) {
    const bad = idReports(options.id, 'rule id');
    if (bad.length) throw new LibraryError(bad[0]!);
    if (ids.exists(options.id)) throw new LibraryError(error({ code: 'ID_ALREADY_EXISTS', id: options.id }));
  }
  if (words.length === 0) throw new LibraryError(error({ code: 'RULE_EXPRESSION_PARSE_ERROR', rule: '', reason: 'no rule expression was given' }));
  let rule: XmlElement;
  try {
    rule = buildLegacyRule(parent, parseLegacyRule(words), (id) => ids.allocate(id), options.id, newRoles);
  } catch (e) {
    if (e instanceof RuleEndOfInput) throw new LibraryError(error({ code: 'RULE_EXPRESSION_PARSE_ERROR', rule: words.join(' '), reason: 'the rule ends too early' }));
    if (e instanceof RuleSyntaxError) throw new LibraryError(error({ code: 'RULE_EXPRESSION_PARSE_ERROR', rule: words.join(' '), reason: e.message }));
    throw e;
  }
  const score = options.score ?? (options['score-attribute'] ? undefined : 'INFINITY');
  if (role) rule.set('role', role);
  if (score) rule.set('score', score);
  if (options['score-attribute']) rule.set('score-attribute', options['score-attribute']);
  for (const nested of [...rule.descendants()].slice(1)) if (nested.name === 'rule') nested.set('score', '0');
  parent.remove('score');
  parent.remove('node');
}

export interface LocationConstraintView {
  id: string;
  rscType: 'resource' | 'regexp';
  rscValue: string;
  node: string;
  score: string;
  role: string;
  resourceDiscovery: string;
  rules: RuleExpressionDto[];
}

/** Location constraints as `constraint location config` lists them. */
export function locationConstraints(env: LibraryEnvironment): LocationConstraintView[] {
  const cib = env.getCib('constraint location config');
  return constraintsOf(cib, 'rsc_location').map((el) => {
    const pattern = el.get('rsc-pattern');
    const role = (el.get('role') ?? '').toLowerCase();
    const cap = role ? role.charAt(0).toUpperCase() + role.slice(1) : '';
    return {
      id: el.get('id') ?? '',
      rscType: pattern !== undefined ? 'regexp' : 'resource',
      rscValue: pattern ?? el.get('rsc') ?? '',
      node: el.get('node') ?? '',
      score: el.get('score') ?? '',
      role: cap === 'Master' ? 'Promoted' : cap === 'Slave' ? 'Unpromoted' : cap,
      resourceDiscovery: el.get('resource-discovery') ?? '',
      rules: el.elements('rule').map(ruleToDto),
    };
  });
}
