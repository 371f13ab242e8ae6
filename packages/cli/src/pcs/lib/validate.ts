// Validators: small functions from options to reports. They never throw; commands collect
// their reports and decide to stop (pcs's lib/validate.py, as plain functions).

import { BOOLEAN_VALUES, idProblem, isBoolean, isScore, timeoutToSeconds } from './pacemaker/values.js';
import { error, plainError, type ReportItem, type SeverityFor } from './reports/item.js';
import type { ReportMessage } from './reports/messages.js';

export type Options = Readonly<Record<string, string>>;
export type Validator = (options: Options) => ReportItem[];

export const all =
  (...validators: Validator[]): Validator =>
  (options) =>
    validators.flatMap((v) => v(options));

/** Option names must be among `allowed`. */
export function namesIn(allowed: readonly string[], optionType: string, severity: SeverityFor = plainError, patterns?: string[]): Validator {
  return (options) => {
    const bad = Object.keys(options).filter((n) => !allowed.includes(n)).sort();
    if (bad.length === 0) return [];
    const m: ReportMessage = { code: 'INVALID_OPTIONS', optionNames: bad, allowed: [...allowed].sort(), optionType };
    if (patterns) m.allowedPatterns = [...patterns].sort();
    return [severity(m)];
  };
}

export function isRequiredAll(required: readonly string[], optionType: string, severity: SeverityFor = plainError): Validator {
  return (options) => {
    const missing = required.filter((n) => !(n in options)).sort();
    return missing.length ? [severity({ code: 'REQUIRED_OPTIONS_ARE_MISSING', optionNames: missing, optionType })] : [];
  };
}

export function isRequiredSome(names: readonly string[], optionType: string, deprecated: string[] = [], severity: SeverityFor = plainError): Validator {
  return (options) =>
    names.some((n) => n in options)
      ? []
      : [severity({ code: 'REQUIRED_OPTION_OF_ALTERNATIVES_IS_MISSING', optionNames: [...names].sort(), optionType, deprecated })];
}

export function mutuallyExclusive(names: readonly string[], optionType: string): Validator {
  return (options) => {
    const given = names.filter((n) => n in options).sort();
    return given.length > 1 ? [error({ code: 'MUTUALLY_EXCLUSIVE_OPTIONS', optionNames: given, optionType })] : [];
  };
}

/** A check on one option's value, skipped when the option is absent. */
export function valuePredicate(
  name: string,
  ok: (value: string) => boolean,
  allowed: string[] | string,
  opts: { reportName?: string; severity?: SeverityFor; emptyValid?: boolean } = {},
): Validator {
  const severity = opts.severity ?? plainError;
  return (options) => {
    const v = options[name];
    if (v === undefined) return [];
    if (opts.emptyValid && v === '') return [];
    if (ok(v)) return [];
    return [severity({ code: 'INVALID_OPTION_VALUE', optionName: opts.reportName ?? name, optionValue: v, allowedValues: allowed })];
  };
}

export const valueIn = (name: string, allowed: readonly string[], opts: { reportName?: string; severity?: SeverityFor; emptyValid?: boolean } = {}) =>
  valuePredicate(name, (v) => allowed.includes(v), [...allowed], opts);

export function valueNotEmpty(name: string, allowed: string[] | string, opts: { reportName?: string; severity?: SeverityFor } = {}): Validator {
  const severity = opts.severity ?? plainError;
  return (options) => {
    const v = options[name];
    if (v === undefined || v !== '') return [];
    return [severity({ code: 'INVALID_OPTION_VALUE', optionName: opts.reportName ?? name, optionValue: v, allowedValues: allowed, cannotBeEmpty: true })];
  };
}

export function isInteger(v: string, atLeast?: number, atMost?: number): boolean {
  if (!/^\s*[+-]?[0-9]+\s*$/.test(v)) return false;
  const n = Number.parseInt(v, 10);
  return (atLeast === undefined || n >= atLeast) && (atMost === undefined || n <= atMost);
}

export const valueInteger = (name: string, o: { reportName?: string; severity?: SeverityFor; emptyValid?: boolean } = {}) => valuePredicate(name, (v) => isInteger(v), 'an integer', o);
export const valueNonnegativeInteger = (name: string, o: { reportName?: string; severity?: SeverityFor; emptyValid?: boolean } = {}) =>
  valuePredicate(name, (v) => isInteger(v, 0), 'a non-negative integer', o);
export const valuePositiveInteger = (name: string, o: { reportName?: string; severity?: SeverityFor; emptyValid?: boolean } = {}) =>
  valuePredicate(name, (v) => isInteger(v, 1), 'a positive integer', o);
export const valueIntegerInRange = (name: string, min: number, max: number, o: { reportName?: string; severity?: SeverityFor } = {}) =>
  valuePredicate(name, (v) => isInteger(v, min, max), `${min}..${max}`, o);
export const valuePcmkBoolean = (name: string, o: { reportName?: string; severity?: SeverityFor; emptyValid?: boolean } = {}) =>
  valuePredicate(name, isBoolean, `a pacemaker boolean value: ${[...BOOLEAN_VALUES].sort().map((b) => `'${b}'`).join(', ')}`, o);
export const valueTimeInterval = (name: string, o: { reportName?: string; severity?: SeverityFor; emptyValid?: boolean } = {}) =>
  valuePredicate(name, (v) => timeoutToSeconds(v) !== undefined, 'time interval (e.g. 1, 2s, 3m, 4h, ...)', o);
export const valuePcmkInteger = (name: string, o: { reportName?: string; severity?: SeverityFor; emptyValid?: boolean } = {}) =>
  valuePredicate(name, isScore, 'an integer or INFINITY or -INFINITY', o);
export const valuePcmkPositiveInteger = (name: string, o: { reportName?: string; severity?: SeverityFor; emptyValid?: boolean } = {}) =>
  valuePredicate(name, (v) => v === 'INFINITY' || v === '+INFINITY' || isInteger(v, 1), 'a positive integer or INFINITY', o);
export const valuePcmkPercentage = (name: string, o: { reportName?: string; severity?: SeverityFor; emptyValid?: boolean } = {}) =>
  valuePredicate(name, (v) => v.endsWith('%') && isInteger(v.slice(0, -1), 0), "a non-negative integer followed by '%' (e.g. 0%, 50%, 200%, ...)", o);

/** A score: integer or INFINITY with an optional sign. */
export function valueScore(name: string, reportName?: string): Validator {
  return (options) => {
    const v = options[name];
    if (v === undefined || isScore(v)) return [];
    return [error({ code: 'INVALID_SCORE', score: v })];
  };
  void reportName;
}

/** An id: valid XML id, and (with `exists`) not used yet. */
export function valueId(name: string, description: string, exists?: (id: string) => boolean): Validator {
  return (options) => {
    const v = options[name];
    if (v === undefined) return [];
    const reps = idReports(v, description);
    if (reps.length === 0 && exists?.(v)) return [error({ code: 'ID_ALREADY_EXISTS', id: v })];
    return reps;
  };
}

export function idReports(id: string, description = 'id'): ReportItem[] {
  const p = idProblem(id);
  if (p === undefined) return [];
  if (p === 'empty') return [error({ code: 'INVALID_ID_IS_EMPTY', description })];
  return [error({ code: 'INVALID_ID_BAD_CHAR', id, description, char: p.char, isFirstChar: p.first })];
}

export function deprecatedOption(name: string, replacedBy: string[], optionType: string, severity: SeverityFor): Validator {
  return (options) => (name in options ? [severity({ code: 'DEPRECATED_OPTION', optionName: name, replacedBy: [...replacedBy].sort(), optionType })] : []);
}

/** Adding items to and removing them from a container (a group, a tag). */
export function validateAddRemoveItems(
  add: readonly string[],
  removeList: readonly string[],
  current: readonly string[],
  containerType: string,
  itemType: string,
  containerId: string,
  adjacent?: string,
  canBeEmpty = false,
): ReportItem[] {
  const r = (problem: Extract<ReportMessage, { code: 'ADD_REMOVE' }>['problem'], items: string[]): ReportItem =>
    error({ code: 'ADD_REMOVE', problem, containerType, itemType, containerId, items });
  const out: ReportItem[] = [];
  if (add.length === 0 && removeList.length === 0) out.push(r('not-specified', []));
  const dups = (l: readonly string[]) => l.filter((x, i) => l.indexOf(x) !== i);
  const dup = [...new Set([...dups(add), ...dups(removeList)])].sort();
  if (dup.length) out.push(r('duplication', dup));
  const present = [...new Set(add.filter((a) => current.includes(a)))].sort();
  if (adjacent === undefined && present.length) out.push(r('already-in', present));
  const missing = [...new Set(removeList.filter((x) => !current.includes(x)))].sort();
  if (missing.length) out.push(r('not-in', missing));
  const both = [...new Set(add.filter((a) => removeList.includes(a)))].sort();
  if (both.length) out.push(r('add-and-remove', both));
  if (!canBeEmpty && add.length === 0 && current.every((c) => removeList.includes(c))) out.push(r('remove-all', [...current]));
  if (adjacent) {
    if (!current.includes(adjacent)) out.push(r('adjacent-not-in', [adjacent]));
    if (add.includes(adjacent)) out.push(r('adjacent-itself', [adjacent]));
    if (add.length === 0) out.push(r('adjacent-without-add', [adjacent]));
  }
  return out;
}
