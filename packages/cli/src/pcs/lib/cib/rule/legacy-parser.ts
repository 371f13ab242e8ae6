// The rule language of `pcs constraint location … rule …` (pcs's older rule parser): a Pratt
// parser over words, `and`/`or`, comparisons with optional types, `defined`/`not_defined`,
// `date gt|lt|in_range … to …`, `date-spec …`, `duration …` and parentheses. The tree is then
// written as <rule>/<expression>/<date_expression> elements.

import { XmlElement } from '@hacluster/cib';
import { append } from '../tools.js';

export class RuleSyntaxError extends Error {}
export class RuleEndOfInput extends Error {}

const COMPARISONS = ['eq', 'ne', 'lt', 'gt', 'lte', 'gte', 'in_range'];
const DATE_COMPARISONS = ['gt', 'lt', 'in_range'];
const PREFIXES = ['defined', 'not_defined'];
const BOOLEANS = ['and', 'or'];
const SIMPLE_TYPES = ['string', 'integer', 'number', 'version'];
const DATE_ITEMS = ['hours', 'monthdays', 'weekdays', 'yeardays', 'months', 'weeks', 'years', 'weekyears', 'moon'];
const DATE_SPEC_LIMITS: Record<string, [number, number]> = {
  hours: [0, 23],
  monthdays: [0, 31],
  weekdays: [1, 7],
  yeardays: [1, 366],
  months: [1, 12],
  weeks: [1, 53],
  weekyears: [1, 53],
  moon: [0, 7],
};
const TYPE_VALUE_RE: Record<string, RegExp> = {
  integer: /^[-+]?\d+$/,
  number: /^[-+]?(\d+|(\d*\.\d+)|(\d+\.\d*))([eE][+-]?\d+)?$/,
  version: /^\d+(\.\d+)*$/,
};

/** A date-spec or duration value: name=value parts. */
export class DateCommonValue {
  readonly parts = new Map<string, string>();
  constructor(
    text: string,
    readonly keyword: 'date-spec' | 'duration',
  ) {
    for (const part of text.split(/\s+/).filter(Boolean)) {
      if (!DateCommonValue.accepts(part)) throw new RuleSyntaxError(`unexpected '${part}' in ${keyword}`);
      if (!part.includes('=')) throw new RuleSyntaxError(`missing =value after '${part}' in ${keyword}`);
      const [name, value] = [part.slice(0, part.indexOf('=')), part.slice(part.indexOf('=') + 1)];
      if (value === '') throw new RuleSyntaxError(`missing value after '${part}' in ${keyword}`);
      this.parts.set(name, value);
    }
    if (this.parts.size === 0) throw new RuleSyntaxError(`missing one of '${DATE_ITEMS.join("=', '")}=' in ${keyword}`);
    for (const [name, value] of this.parts) {
      if (keyword === 'duration') {
        if (!/^[0-9]+$/.test(value)) throw new RuleSyntaxError(`invalid ${name} '${value}' in 'duration'`);
      } else if (!validDateSpecPart(name, value)) {
        throw new RuleSyntaxError(`invalid ${name} '${value}' in 'date-spec'`);
      }
    }
  }
  static accepts(part: string): boolean {
    return DATE_ITEMS.some((n) => part === n || part.startsWith(n + '='));
  }
}

function validDateSpecPart(name: string, value: string): boolean {
  const m = /^(\d+)(-(\d+))?$/.exec(value);
  if (!m) return false;
  const lim = DATE_SPEC_LIMITS[name];
  const within = (v: string) => !lim || (Number(v) >= lim[0] && Number(v) <= lim[1]);
  if (!within(m[1]!)) return false;
  if (m[3] !== undefined && Number(m[1]) >= Number(m[3])) return false;
  return true;
}

/** Nodes of the syntax tree. */
export type RuleNode =
  | { kind: 'literal'; value: string }
  | { kind: 'type'; type: string; child: RuleNode }
  | { kind: 'date'; keyword: 'date-spec' | 'duration'; value: DateCommonValue }
  | { kind: 'prefix'; op: string; child: RuleNode }
  | { kind: 'infix'; op: string; left: RuleNode; right: RuleNode }
  | { kind: 'in_range'; left: RuleNode; start: RuleNode; end: RuleNode };

type Sym =
  | { id: 'literal'; value: string }
  | { id: 'end' }
  | { id: string; value?: undefined };

const label = (s: Sym) => (s.id === 'end' ? 'end' : s.id === 'literal' ? (s as { value: string }).value : s.id);
const nodeLabel = (n: RuleNode): string =>
  n.kind === 'literal' ? n.value : n.kind === 'type' ? n.type : n.kind === 'date' ? n.keyword : n.kind === 'in_range' ? 'in_range' : n.op;
const nodeId = (n: RuleNode): string => (n.kind === 'literal' ? 'literal' : nodeLabel(n));

const KEYWORDS = new Set([...COMPARISONS, ...PREFIXES, ...BOOLEANS, ...SIMPLE_TYPES, 'date-spec', 'duration', 'to', '(', ')']);
const BINDING: Record<string, number> = {};
for (const c of COMPARISONS) BINDING[c] = 50;
for (const p of PREFIXES) BINDING[p] = 60;
for (const t of [...SIMPLE_TYPES, 'date-spec', 'duration']) BINDING[t] = 70;
for (const b of BOOLEANS) BINDING[b] = 40;

const isTypeSym = (id: string) => SIMPLE_TYPES.includes(id) || id === 'date-spec' || id === 'duration';

class Parser {
  private syms: Sym[] = [];
  private pos = -1;
  private cur: Sym = { id: 'end' };

  parse(tokens: string[]): RuleNode {
    this.syms = [];
    for (const t of tokens) {
      const prev = this.syms[this.syms.length - 1];
      if (KEYWORDS.has(t) && !(prev && isTypeSym(prev.id))) this.syms.push({ id: t });
      else this.syms.push({ id: 'literal', value: t });
    }
    this.syms.push({ id: 'end' });
    this.pos = -1;
    this.advance();
    const result = this.expression(0);
    if (this.cur.id !== 'end') throw new RuleSyntaxError(`unexpected '${label(this.cur)}'`);
    if (result.kind === 'literal' || (result.kind === 'type') || (result.kind === 'date' && result.keyword !== 'date-spec')) {
      throw new RuleSyntaxError(`missing one of '${[...COMPARISONS, ...PREFIXES, 'date-spec'].join("', '")}'`);
    }
    return result;
  }

  private advance(expected?: string): void {
    if (expected && this.cur.id !== expected) {
      if (this.cur.id === 'end') throw new RuleSyntaxError(`missing '${expected}'`);
      throw new RuleSyntaxError(`expecting '${expected}', got '${label(this.cur)}'`);
    }
    this.pos++;
    if (this.pos >= this.syms.length) throw new RuleEndOfInput();
    this.cur = this.syms[this.pos]!;
  }

  private lbp(s: Sym): number {
    return s.id === 'literal' || s.id === 'end' ? 0 : (BINDING[s.id] ?? 0);
  }

  private expression(rbp: number): RuleNode {
    let sym = this.cur;
    this.advance();
    let left = this.nud(sym);
    while (rbp < this.lbp(this.cur)) {
      sym = this.cur;
      this.advance();
      left = this.led(sym, left);
    }
    return left;
  }

  private nud(s: Sym): RuleNode {
    if (s.id === 'literal') return { kind: 'literal', value: (s as { value: string }).value };
    if (s.id === 'end') throw new RuleSyntaxError(`unexpected 'end'`);
    if (s.id === '(') {
      const e = this.expression(0);
      this.advance(')');
      return e;
    }
    if (PREFIXES.includes(s.id)) {
      const child = this.expression(BINDING[s.id]!);
      if (child.kind !== 'literal') throw new RuleSyntaxError(`unexpected '${nodeLabel(child)}' after '${s.id}'`);
      return { kind: 'prefix', op: s.id, child };
    }
    if (SIMPLE_TYPES.includes(s.id)) {
      const child = this.expression(BINDING[s.id]!);
      const re = TYPE_VALUE_RE[s.id];
      if (re && !(child.kind === 'literal' && re.test(child.value))) {
        throw new RuleSyntaxError(`invalid ${s.id} value '${child.kind === 'literal' ? child.value : nodeLabel(child)}'`);
      }
      return { kind: 'type', type: s.id, child };
    }
    if (s.id === 'date-spec' || s.id === 'duration') {
      const child = this.expression(BINDING[s.id]!);
      const text = child.kind === 'literal' ? child.value : nodeLabel(child);
      return { kind: 'date', keyword: s.id, value: new DateCommonValue(text, s.id) };
    }
    throw new RuleSyntaxError(`unexpected '${s.id}'`);
  }

  private led(s: Sym, left: RuleNode): RuleNode {
    if (s.id === 'in_range') {
      if (!(left.kind === 'literal' && left.value === 'date')) throw new RuleSyntaxError(`unexpected '${nodeLabel(left)}' before 'in_range'`);
      const start = this.expression(50);
      if (start.kind !== 'literal') throw new RuleSyntaxError(`unexpected '${nodeLabel(start)}' after 'in_range'`);
      this.advance('to');
      const end = this.expression(50);
      if (!(end.kind === 'literal' || (end.kind === 'date' && end.keyword === 'duration'))) {
        throw new RuleSyntaxError(`unexpected '${nodeLabel(end)}' after 'in_range ... to'`);
      }
      for (const c of [start, end]) {
        if (c.kind === 'literal' && !isIsoDate(c.value)) throw new RuleSyntaxError(`invalid date '${c.value}' in 'in_range ... to'`);
      }
      return { kind: 'in_range', left, start, end };
    }
    if (COMPARISONS.includes(s.id)) {
      if (left.kind !== 'literal') throw new RuleSyntaxError(`unexpected '${nodeLabel(left)}' before '${s.id}'`);
      const right = this.expression(BINDING[s.id]!);
      if (!(right.kind === 'literal' || (right.kind === 'type' && SIMPLE_TYPES.includes(right.type)))) {
        throw new RuleSyntaxError(`unexpected '${nodeLabel(right)}' after '${s.id}'`);
      }
      return { kind: 'infix', op: s.id, left, right };
    }
    if (BOOLEANS.includes(s.id)) {
      const ok = (n: RuleNode) => [...COMPARISONS, ...PREFIXES, 'date-spec', ...BOOLEANS].includes(nodeId(n));
      if (!ok(left)) throw new RuleSyntaxError(`unexpected '${nodeLabel(left)}' before '${s.id}'`);
      const right = this.expression(BINDING[s.id]!);
      if (!ok(right)) throw new RuleSyntaxError(`unexpected '${nodeLabel(right)}' after '${s.id}'`);
      return { kind: 'infix', op: s.id, left, right };
    }
    throw new RuleSyntaxError(`unexpected '${label(s)}' after '${nodeLabel(left)}'`);
  }
}

/** ISO 8601 dates as Pacemaker reads them (pcs checks with `iso8601 -d`). */
export function isIsoDate(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}([T ]\d{2}(:\d{2}(:\d{2}([.,]\d+)?)?)?(Z|[+-]\d{2}(:?\d{2})?)?)?$/.test(text) || /^\d{4}-W\d{2}-\d$/.test(text) || /^\d{4}-\d{3}$/.test(text);
}

/** Splits "(a" into "(", "a" and joins the words after date-spec/duration into one. */
export function preprocessTokens(tokens: readonly string[]): string[] {
  const separated: string[] = [];
  for (const t of tokens) {
    if (!t.includes('(') && !t.includes(')')) {
      separated.push(t);
      continue;
    }
    let part = '';
    for (const ch of t) {
      if (ch === '(' || ch === ')') {
        if (part) separated.push(part);
        part = '';
        separated.push(ch);
      } else part += ch;
    }
    if (part) separated.push(part);
  }
  const out: string[] = [];
  let parts: string[] = [];
  let inDate = false;
  for (const t of separated) {
    if (inDate) {
      if (DateCommonValue.accepts(t)) parts.push(t);
      else {
        inDate = false;
        out.push(parts[0]!);
        if (parts.length > 1) out.push(parts.slice(1).join(' '));
        out.push(t);
        parts = [];
      }
    } else if (t === 'date-spec' || t === 'duration') {
      inDate = true;
      parts = [t];
    } else out.push(t);
  }
  if (parts.length) {
    out.push(parts[0]!);
    if (parts.length > 1) out.push(parts.slice(1).join(' '));
  }
  return out;
}

export function parseLegacyRule(tokens: readonly string[]): RuleNode {
  return new Parser().parse(preprocessTokens(tokens));
}

/** Writes a parsed rule under `parent`; `allocate` makes ids unique. */
export function buildLegacyRule(parent: XmlElement, tree: RuleNode, allocate: (id: string) => string, ruleId?: string, newSchema = true): XmlElement {
  const add = (p: XmlElement, tag: string, id: string) => append(p, XmlElement.create(tag, { id: allocate(id) }));
  const build = (p: XmlElement, t: RuleNode, id?: string): XmlElement => {
    const rule = add(p, 'rule', id ?? `${p.get('id')}-rule`);
    buildRule(rule, t);
    return rule;
  };
  const buildRule = (rule: XmlElement, t: RuleNode): void => {
    if (t.kind === 'infix' && BOOLEANS.includes(t.op)) {
      rule.set('boolean-op', t.op);
      for (const sub of [t.left, t.right]) {
        if (sub.kind === 'infix' && BOOLEANS.includes(sub.op) && sub.op !== t.op) build(rule, sub, `${rule.get('id')}-rule`);
        else buildRule(rule, sub);
      }
      return;
    }
    const ruleId = rule.get('id') ?? '';
    if (t.kind === 'in_range' || (t.kind === 'infix' && DATE_COMPARISONS.includes(t.op) && t.left.kind === 'literal' && t.left.value === 'date' && t.right.kind === 'literal')) {
      const expr = add(rule, 'date_expression', `${ruleId}-expr`);
      const op = t.kind === 'in_range' ? 'in_range' : t.op;
      const startNode = t.kind === 'in_range' ? t.start : t.right;
      const start = startNode.kind === 'literal' ? startNode.value : '';
      if (!isIsoDate(start)) throw new RuleSyntaxError(`'${start}' is not an ISO 8601 date`);
      expr.set('operation', op);
      if (op === 'gt') expr.set('start', start);
      else if (op === 'lt') expr.set('end', start);
      else if (t.kind === 'in_range') {
        expr.set('start', start);
        if (t.end.kind === 'date') {
          const d = add(expr, 'duration', `${expr.get('id')}-duration`);
          for (const [k, v] of t.end.value.parts) d.set(k, v);
        } else if (t.end.kind === 'literal') {
          if (!isIsoDate(t.end.value)) throw new RuleSyntaxError(`'${t.end.value}' is not an ISO 8601 date`);
          expr.set('end', t.end.value);
        }
      }
      return;
    }
    if (t.kind === 'date' && t.keyword === 'date-spec') {
      const expr = add(rule, 'date_expression', `${ruleId}-expr`);
      expr.set('operation', 'date_spec');
      const spec = add(expr, 'date_spec', `${expr.get('id')}-datespec`);
      for (const [k, v] of t.value.parts) spec.set(k, v);
      return;
    }
    if (t.kind === 'infix' || t.kind === 'prefix') {
      const expr = add(rule, 'expression', `${ruleId}-expr`);
      expr.set('operation', t.op);
      const attr = t.kind === 'infix' ? t.left : t.child;
      expr.set('attribute', attr.kind === 'literal' ? attr.value : '');
      if (t.kind === 'infix') {
        let value = t.right;
        if (value.kind === 'type') {
          expr.set('type', !newSchema && value.type === 'integer' ? 'number' : value.type);
          value = value.child;
        }
        expr.set('value', value.kind === 'literal' ? value.value : '');
      }
      return;
    }
    throw new RuleSyntaxError('not a rule');
  };
  return build(parent, tree, ruleId);
}
