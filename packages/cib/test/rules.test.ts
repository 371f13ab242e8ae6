import { describe, expect, it } from 'vitest';
import {
  addDuration,
  buildIdIndex,
  evaluateRule,
  formatUtc,
  parseIntervalMs,
  parseIsoDateTime,
  parseIsoDuration,
  parseXml,
  readRule,
  timeFields,
  type CrmTime,
  type RuleContext,
} from '../src/index.js';

const at = (text: string): CrmTime => parseIsoDateTime(text)!;

/** Evaluates a <rule> written as XML. */
function holds(ruleXml: string, ctx: RuleContext): boolean {
  const doc = parseXml(`<root>${ruleXml}</root>`);
  return evaluateRule(readRule(doc.root.first('rule')!, buildIdIndex(doc.root)), ctx);
}

const nodeAttrs = (attrs: Record<string, string>): RuleContext => ({ nodeAttributes: new Map(Object.entries(attrs)) });
const expr = (attrs: string) => `<rule id="r"><expression id="e" attribute="a" ${attrs}/></rule>`;

describe('ISO 8601 times as crm_time reads them', () => {
  it('reads calendar, ordinal and week dates, with times and offsets, as the same instant', () => {
    const friday = Date.UTC(2024, 2, 15, 10, 30) / 1000;
    expect(at('2024-03-15 10:30:00').epoch).toBe(friday);
    expect(at('2024-03-15T10:30Z').epoch).toBe(friday);
    expect(at('2024-075T10:30:00').epoch).toBe(friday);
    expect(at('2024-W11-5T10:30').epoch).toBe(friday);
    expect(at('2024-03-15T12:30:00+02:00').epoch).toBe(friday);
    expect(parseIsoDateTime('2024-13-01')).toBeUndefined();
    expect(parseIsoDateTime('yesterday')).toBeUndefined();
  });

  it('splits a time into the fields date_spec matches', () => {
    expect(timeFields(at('2024-03-15T10:30:05Z'))).toEqual({
      year: 2024,
      month: 3,
      day: 15,
      yearDay: 75,
      hour: 10,
      minute: 30,
      second: 5,
      weekday: 5,
      isoWeek: 11,
      isoWeekYear: 2024,
    });
    // 2021-01-01 is a Friday in ISO week 53 of 2020.
    expect(timeFields(at('2021-01-01'))).toMatchObject({ weekday: 5, isoWeek: 53, isoWeekYear: 2020 });
  });

  it('adds durations, clamping to the end of a shorter month', () => {
    expect(formatUtc(addDuration(at('2024-01-31'), parseIsoDuration('P1M')!))).toBe('2024-02-29 00:00:00Z');
    expect(formatUtc(addDuration(at('2023-12-31T23:00:00'), parseIsoDuration('PT2H')!))).toBe('2024-01-01 01:00:00Z');
    expect(formatUtc(addDuration(at('2024-03-01'), parseIsoDuration('P1W')!, -1))).toBe('2024-02-23 00:00:00Z');
  });

  it('reads intervals in every spelling Pacemaker accepts', () => {
    expect([parseIntervalMs('10'), parseIntervalMs('10s'), parseIntervalMs('500ms'), parseIntervalMs('5min'), parseIntervalMs('2h'), parseIntervalMs('PT1M')]).toEqual([
      10_000, 10_000, 500, 300_000, 7_200_000, 60_000,
    ]);
    expect(parseIntervalMs('soon')).toBeUndefined();
  });
});

describe('attribute expressions compare by type', () => {
  it('compares integers as numbers and strings as text', () => {
    expect(holds(expr('operation="gt" value="9" type="integer"'), nodeAttrs({ a: '10' }))).toBe(true);
    expect(holds(expr('operation="gt" value="9" type="string"'), nodeAttrs({ a: '10' }))).toBe(false);
    // Without a type, an ordering comparison is numeric (integer, or number with a decimal point).
    expect(holds(expr('operation="gt" value="9"'), nodeAttrs({ a: '10' }))).toBe(true);
    expect(holds(expr('operation="lt" value="1.25"'), nodeAttrs({ a: '1.5' }))).toBe(false);
    expect(holds(expr('operation="lt" value="1.25" type="number"'), nodeAttrs({ a: '1.125' }))).toBe(true);
  });

  it('compares versions field by field', () => {
    expect(holds(expr('operation="gt" value="1.9" type="version"'), nodeAttrs({ a: '1.10' }))).toBe(true);
    expect(holds(expr('operation="gt" value="1.9" type="number"'), nodeAttrs({ a: '1.10' }))).toBe(false);
    expect(holds(expr('operation="eq" value="2.0.0" type="version"'), nodeAttrs({ a: '2' }))).toBe(true);
  });

  it('handles missing attributes, defined and not_defined', () => {
    expect(holds(expr('operation="defined"'), nodeAttrs({ a: '' }))).toBe(true);
    expect(holds(expr('operation="not_defined"'), nodeAttrs({}))).toBe(true);
    expect(holds(expr('operation="eq" value="x"'), nodeAttrs({}))).toBe(false);
    expect(holds(expr('operation="ne" value="x"'), nodeAttrs({}))).toBe(true);
  });

  it('reads the special node attributes and values from resource parameters', () => {
    const rule = '<rule id="r"><expression id="e" attribute="#uname" operation="eq" value="node1"/></rule>';
    expect(holds(rule, nodeAttrs({ '#uname': 'node1' }))).toBe(true);
    expect(holds(rule, nodeAttrs({ '#uname': 'node2' }))).toBe(false);
    const param = '<rule id="r"><expression id="e" attribute="site" operation="eq" value="wanted_site" value-source="param"/></rule>';
    expect(holds(param, { nodeAttributes: new Map([['site', 'paris']]), resourceParams: new Map([['wanted_site', 'paris']]) })).toBe(true);
    expect(holds(param, { nodeAttributes: new Map([['site', 'paris']]), resourceParams: new Map([['wanted_site', 'lyon']]) })).toBe(false);
  });
});

describe('boolean operators and nested rules', () => {
  const ctx = nodeAttrs({ a: '1', b: '2' });
  it('combines with and (the default) and or', () => {
    const two = (op: string) =>
      `<rule id="r" ${op}><expression id="e1" attribute="a" operation="eq" value="1"/><expression id="e2" attribute="b" operation="eq" value="3"/></rule>`;
    expect(holds(two(''), ctx)).toBe(false);
    expect(holds(two('boolean-op="and"'), ctx)).toBe(false);
    expect(holds(two('boolean-op="or"'), ctx)).toBe(true);
  });
  it('evaluates nested rules and follows rule id-refs', () => {
    const nested =
      '<rule id="outer" boolean-op="or"><rule id="inner"><expression id="e1" attribute="b" operation="eq" value="2"/></rule><expression id="e2" attribute="a" operation="eq" value="9"/></rule>';
    expect(holds(nested, ctx)).toBe(true);
    const viaRef = `<x>${nested}</x><rule id-ref="inner"/>`;
    const doc = parseXml(`<root>${viaRef}</root>`);
    expect(evaluateRule(readRule(doc.root.first('rule')!, buildIdIndex(doc.root)), ctx)).toBe(true);
    expect(readRule(doc.root.first('rule')!, buildIdIndex(doc.root)).id).toBe('inner');
  });
});

describe('rule attributes', () => {
  it('reads score, score-attribute, role and the boolean operator as written', () => {
    const doc = parseXml('<r><rule id="r1" score-attribute="pingd" role="Master" boolean-op="OR"><expression id="e" attribute="pingd" operation="defined"/></rule></r>');
    const rule = readRule(doc.root.first('rule')!);
    expect([rule.id, rule.score, rule.scoreAttribute, rule.role, rule.booleanOp]).toEqual(['r1', undefined, 'pingd', 'Master', 'or']);
    expect(rule.conditions).toEqual([{ kind: 'expression', id: 'e', attribute: 'pingd', operation: 'defined', value: undefined, type: undefined, valueSource: 'literal' }]);
  });
});

describe('date expressions', () => {
  const friday = { now: at('2024-03-15T10:30:00Z') };
  const saturday = { now: at('2024-03-16T10:30:00Z') };
  const evening = { now: at('2024-03-15T18:00:00Z') };
  const spec = (fields: string) => `<rule id="r"><date_expression id="d" operation="date_spec"><date_spec id="s" ${fields}/></date_expression></rule>`;

  it('matches date_spec ranges: office hours on weekdays', () => {
    const officeHours = spec('hours="9-17" weekdays="1-5"');
    expect(holds(officeHours, friday)).toBe(true);
    expect(holds(officeHours, saturday)).toBe(false);
    expect(holds(officeHours, evening)).toBe(false);
    expect(holds(spec('hours="17"'), { now: at('2024-03-15T17:59:59Z') })).toBe(true);
  });

  it('matches single values and open ranges of every field', () => {
    expect(holds(spec('years="2024" months="3" monthdays="15"'), friday)).toBe(true);
    expect(holds(spec('yeardays="75" weeks="11" weekyears="2024"'), friday)).toBe(true);
    expect(holds(spec('monthdays="16-"'), friday)).toBe(false);
    expect(holds(spec('monthdays="-15" minutes="30" seconds="0-10"'), friday)).toBe(true);
  });

  it('checks in_range with start and end, with a duration, and gt/lt', () => {
    const range = (attrs: string, inner = '') => `<rule id="r"><date_expression id="d" operation="in_range" ${attrs}>${inner}</date_expression></rule>`;
    expect(holds(range('start="2024-03-01" end="2024-03-31"'), friday)).toBe(true);
    expect(holds(range('start="2024-03-16"'), friday)).toBe(false);
    expect(holds(range('end="2024-03-15T10:30:00Z"'), friday)).toBe(true); // the end is part of the range
    const month = range('start="2024-01-31"', '<duration id="du" months="1"/>');
    expect(holds(month, { now: at('2024-02-28T23:59:59Z') })).toBe(true);
    expect(holds(month, { now: at('2024-02-29T00:00:01Z') })).toBe(false);
    const hours = range('start="2024-03-15T09:00:00Z"', '<duration id="du" hours="1" minutes="30"/>');
    expect(holds(hours, friday)).toBe(true);
    expect(holds(hours, { now: at('2024-03-15T10:31:00Z') })).toBe(false);
    expect(holds('<rule id="r"><date_expression id="d" operation="gt" start="2024-03-15T10:29:59Z"/></rule>', friday)).toBe(true);
    expect(holds('<rule id="r"><date_expression id="d" operation="lt" end="2024-03-15T10:30:00Z"/></rule>', friday)).toBe(false);
  });
});

describe('when a date expression changes its result (next change)', () => {
  const now = at('2024-03-15T10:30:00Z');
  const nextChange = (ruleXml: string) => {
    const ctx = { now, nextChange: { epoch: undefined as number | undefined } };
    const result = holds(ruleXml, ctx);
    return { result, next: ctx.nextChange.epoch === undefined ? undefined : formatUtc({ epoch: ctx.nextChange.epoch, offset: 0 }) };
  };
  const date = (attrs: string) => `<rule id="r"><date_expression id="d" ${attrs}/></rule>`;

  it('is the second after the start of a future gt, and the end of a current lt', () => {
    expect(nextChange(date('operation="gt" start="2024-03-15T11:00:00Z"'))).toEqual({ result: false, next: '2024-03-15 11:00:01Z' });
    expect(nextChange(date('operation="lt" end="2024-03-15T11:00:00Z"'))).toEqual({ result: true, next: '2024-03-15 11:00:00Z' });
    expect(nextChange(date('operation="gt" start="2024-03-15T10:00:00Z"'))).toEqual({ result: true, next: undefined });
    expect(nextChange(date('operation="lt" end="2024-03-15T10:30:00Z"'))).toEqual({ result: false, next: undefined });
  });
  it('is the start of a future range, or the second after the end of the current one', () => {
    expect(nextChange(date('operation="in_range" start="2024-04-01" end="2024-05-01"')).next).toBe('2024-04-01 00:00:00Z');
    expect(nextChange(date('operation="in_range" start="2024-03-01" end="2024-03-20"')).next).toBe('2024-03-20 00:00:01Z');
  });
  it('keeps the earliest, and skips expressions a failed "and" never reached', () => {
    const both = `<rule id="r" boolean-op="or"><date_expression id="a" operation="gt" start="2024-06-01"/><date_expression id="b" operation="gt" start="2024-04-01"/></rule>`;
    expect(nextChange(both).next).toBe('2024-04-01 00:00:01Z');
    const guarded = `<rule id="r" boolean-op="and"><expression id="e" attribute="x" operation="defined"/><date_expression id="b" operation="gt" start="2024-04-01"/></rule>`;
    expect(nextChange(guarded)).toEqual({ result: false, next: undefined });
  });
});

describe('resource and operation expressions (rsc_defaults, op_defaults)', () => {
  it('match the agent and the operation with its interval', () => {
    const rsc = '<rule id="r"><rsc_expression id="e" class="ocf" provider="heartbeat"/></rule>';
    expect(holds(rsc, { resourceAgent: { class: 'ocf', provider: 'heartbeat', type: 'IPaddr2' } })).toBe(true);
    expect(holds(rsc, { resourceAgent: { class: 'ocf', provider: 'pacemaker', type: 'Dummy' } })).toBe(false);
    const op = '<rule id="r"><op_expression id="e" name="monitor" interval="10s"/></rule>';
    expect(holds(op, { operation: { name: 'monitor', intervalMs: 10_000 } })).toBe(true);
    expect(holds(op, { operation: { name: 'monitor', intervalMs: 20_000 } })).toBe(false);
    expect(holds(op, { operation: { name: 'start', intervalMs: 10_000 } })).toBe(false);
  });
});
