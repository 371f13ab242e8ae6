// Evaluates rules the way Pacemaker does (lib/common/rules.c): typed comparisons, date
// expressions against the effective "now", and resource/operation expressions for defaults.

import { parseIntervalMs, type Duration } from '../time/interval.js';
import { addDuration, moonPhase, parseIsoDateTime, timeFields, type CrmTime } from '../time/iso8601.js';
import type { AttributeExpression, DateExpression, DateSpec, DurationSpec, Rule, RuleCondition } from './model.js';

export interface RuleContext {
  /** The effective time for date expressions. */
  now?: CrmTime;
  /** Node attributes, including the special #uname, #id, #kind, #is_dc, #cluster-name … */
  nodeAttributes?: ReadonlyMap<string, string>;
  /** Resource parameters and meta attributes, for value-source="param" / "meta". */
  resourceParams?: ReadonlyMap<string, string>;
  resourceMeta?: ReadonlyMap<string, string>;
  /** The resource's agent, for rsc_expression (rsc_defaults). */
  resourceAgent?: { class?: string | undefined; provider?: string | undefined; type?: string | undefined };
  /** The operation, for op_expression (op_defaults). */
  operation?: { name: string; intervalMs: number };
  /**
   * When given, date expressions record here the earliest time (seconds since the epoch) at which
   * their result will change, so that the caller can re-evaluate then (the scheduler's recheck-by).
   */
  nextChange?: NextChange;
}

/** The earliest time a rule's result will change, as date expressions find it. */
export interface NextChange {
  epoch: number | undefined;
}

function setIfEarlier(next: NextChange | undefined, epoch: number): void {
  if (next !== undefined && (next.epoch === undefined || epoch < next.epoch)) next.epoch = epoch;
}

export function evaluateRule(rule: Rule, ctx: RuleContext): boolean {
  if (rule.conditions.length === 0) return true;
  if (rule.booleanOp === 'or') {
    for (const c of rule.conditions) if (evaluateCondition(c, ctx)) return true;
    return false;
  }
  for (const c of rule.conditions) if (!evaluateCondition(c, ctx)) return false;
  return true;
}

export function evaluateCondition(c: RuleCondition, ctx: RuleContext): boolean {
  switch (c.kind) {
    case 'rule':
      return evaluateRule(c.rule, ctx);
    case 'expression':
      return evaluateAttributeExpression(c, ctx);
    case 'date':
      return evaluateDateExpression(c, ctx.now ?? { epoch: Math.floor(Date.now() / 1000), offset: 0 }, ctx.nextChange);
    case 'rsc': {
      const a = ctx.resourceAgent;
      if (!a) return false;
      return (
        (c.class === undefined || c.class === a.class) &&
        (c.provider === undefined || c.provider === a.provider) &&
        (c.type === undefined || c.type === a.type)
      );
    }
    case 'op': {
      const op = ctx.operation;
      if (!op) return false;
      if (c.name !== op.name) return false;
      if (c.interval === undefined) return true;
      return parseIntervalMs(c.interval) === op.intervalMs;
    }
  }
}

// ---- attribute expressions ------------------------------------------------------------------

function effectiveType(e: AttributeExpression, left: string | undefined, right: string | undefined): string {
  if (e.type !== undefined) return e.type.toLowerCase();
  switch (e.operation) {
    case 'lt':
    case 'lte':
    case 'gt':
    case 'gte':
      return (left?.includes('.') || right?.includes('.')) ? 'number' : 'integer';
    default:
      return 'string';
  }
}

/** Compares two version strings field by field ("1.10" > "1.9"). */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.');
  const pb = b.split('.');
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = Number.parseInt(pa[i] ?? '0', 10) || 0;
    const y = Number.parseInt(pb[i] ?? '0', 10) || 0;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

function compareTyped(type: string, left: string, right: string): number {
  switch (type) {
    case 'integer': {
      if (/^\s*[+-]?\d+/.test(left) && /^\s*[+-]?\d+/.test(right)) {
        const l = Number.parseInt(left, 10);
        const r = Number.parseInt(right, 10);
        return l < r ? -1 : l > r ? 1 : 0;
      }
      break;
    }
    case 'number': {
      const l = Number.parseFloat(left);
      const r = Number.parseFloat(right);
      if (!Number.isNaN(l) && !Number.isNaN(r)) return l < r ? -1 : l > r ? 1 : 0;
      break;
    }
    case 'version':
      return compareVersions(left, right);
  }
  const l = left.toLowerCase();
  const r = right.toLowerCase();
  return l < r ? -1 : l > r ? 1 : 0;
}

function evaluateAttributeExpression(e: AttributeExpression, ctx: RuleContext): boolean {
  const left = ctx.nodeAttributes?.get(e.attribute);
  let right = e.value;
  if (e.valueSource === 'param') right = right === undefined ? undefined : ctx.resourceParams?.get(right);
  else if (e.valueSource === 'meta') right = right === undefined ? undefined : ctx.resourceMeta?.get(right);
  switch (e.operation) {
    case 'defined':
      return left !== undefined;
    case 'not_defined':
      return left === undefined;
  }
  if (left === undefined || right === undefined) {
    // Only "ne" holds when one side is missing.
    return e.operation === 'ne' && left !== right;
  }
  const cmp = compareTyped(effectiveType(e, left, right), left, right);
  switch (e.operation) {
    case 'eq':
      return cmp === 0;
    case 'ne':
      return cmp !== 0;
    case 'lt':
      return cmp < 0;
    case 'lte':
      return cmp <= 0;
    case 'gt':
      return cmp > 0;
    case 'gte':
      return cmp >= 0;
    default:
      return false;
  }
}

// ---- date expressions -----------------------------------------------------------------------

function readDuration(spec: DurationSpec): Duration {
  const n = (v: string | undefined) => (v === undefined ? 0 : Number.parseInt(v, 10) || 0);
  return {
    years: n(spec.years),
    months: n(spec.months),
    days: n(spec.weeks) * 7 + n(spec.days),
    seconds: n(spec.hours) * 3600 + n(spec.minutes) * 60 + n(spec.seconds),
  };
}

/**
 * A date expression's result at `now`; with `next`, also when that result changes (a range
 * stays in force until the second after its end; "gt" starts to hold the second after its start).
 */
export function evaluateDateExpression(d: DateExpression, now: CrmTime, next?: NextChange): boolean {
  const start = d.start !== undefined ? parseIsoDateTime(d.start) : undefined;
  let end = d.end !== undefined ? parseIsoDateTime(d.end) : undefined;
  switch (d.operation) {
    case 'gt':
      if (start === undefined) return false;
      if (now.epoch > start.epoch) return true;
      setIfEarlier(next, start.epoch + 1);
      return false;
    case 'lt':
      if (end === undefined || now.epoch >= end.epoch) return false;
      setIfEarlier(next, end.epoch);
      return true;
    case 'in_range':
      if (end === undefined && start !== undefined && d.duration) end = addDuration(start, readDuration(d.duration));
      if (start === undefined && end === undefined) return false;
      if (start !== undefined && now.epoch < start.epoch) {
        setIfEarlier(next, start.epoch);
        return false;
      }
      if (end !== undefined && now.epoch > end.epoch) return false;
      if (end !== undefined) setIfEarlier(next, end.epoch + 1);
      return true;
    case 'date_spec':
      return d.spec !== undefined && matchesDateSpec(d.spec, now);
    default:
      return false;
  }
}

/** Does `value` fall in a date_spec range ("5", "1-5", "-5", "5-")? */
export function inSpecRange(range: string | undefined, value: number): boolean {
  if (range === undefined) return true;
  const m = /^\s*(\d*)\s*(-)?\s*(\d*)\s*$/.exec(range);
  if (!m) return false;
  const lo = m[1] ? Number(m[1]) : undefined;
  const hi = m[3] ? Number(m[3]) : undefined;
  if (!m[2]) return lo !== undefined && value === lo;
  if (lo !== undefined && value < lo) return false;
  if (hi !== undefined && value > hi) return false;
  return true;
}

export function matchesDateSpec(spec: DateSpec, now: CrmTime): boolean {
  const f = timeFields(now);
  return (
    inSpecRange(spec.years, f.year) &&
    inSpecRange(spec.months, f.month) &&
    inSpecRange(spec.monthdays, f.day) &&
    inSpecRange(spec.hours, f.hour) &&
    inSpecRange(spec.minutes, f.minute) &&
    inSpecRange(spec.seconds, f.second) &&
    inSpecRange(spec.yeardays, f.yearDay) &&
    inSpecRange(spec.weekyears, f.isoWeekYear) &&
    inSpecRange(spec.weeks, f.isoWeek) &&
    inSpecRange(spec.weekdays, f.weekday) &&
    inSpecRange(spec.moon, moonPhase(now))
  );
}
