// The shapes pcs's words come in: key=value options, keyword groups (`op … meta … clone …`),
// lists split by a separator word.

import { CmdLineInputError } from './errors.js';

/** Splits `key=value` at the first '='. */
export function splitOption(arg: string, allowEmptyValue = true): [string, string] {
  const eq = arg.indexOf('=');
  if (eq < 0) throw new CmdLineInputError(`'${arg}' needs a value: write ${arg}=VALUE`);
  if (eq === 0) throw new CmdLineInputError(`'${arg}' has no name before '='`);
  const key = arg.slice(0, eq);
  const value = arg.slice(eq + 1);
  if (!value && !allowEmptyValue) throw new CmdLineInputError(`option '${key}' needs a non-empty value`);
  return [key, value];
}

/** key=value words to an ordered map; a key given twice with different values is an error. */
export function prepareOptions(args: readonly string[], allowEmptyValue = true): Map<string, string> {
  const out = new Map<string, string>();
  for (const a of args) {
    const [k, v] = splitOption(a, allowEmptyValue);
    const prev = out.get(k);
    if (prev !== undefined && prev !== v) {
      throw new CmdLineInputError(`option '${k}' is given twice, with different values '${prev}' and '${v}'`);
    }
    out.set(k, v);
  }
  return out;
}

/** Like prepareOptions, and every key must be one of `allowed`. */
export function prepareOptionsAllowed(args: readonly string[], allowed: readonly string[]): Map<string, string> {
  const out = prepareOptions(args);
  const unknown = [...out.keys()].filter((k) => !allowed.includes(k)).sort();
  if (unknown.length > 0) {
    throw new CmdLineInputError(`unknown option${unknown.length > 1 ? 's' : ''} '${unknown.join("', '")}'`);
  }
  return out;
}

export function toRecord(map: Map<string, string>): Record<string, string> {
  return Object.fromEntries(map);
}

export function splitList(args: readonly string[], separator: string): string[][] {
  const out: string[][] = [[]];
  for (const a of args) {
    if (a === separator) out.push([]);
    else out[out.length - 1]!.push(a);
  }
  return out;
}

export interface GroupOptions {
  /** Name of the group holding words before the first keyword; without it they are an error. */
  implicitFirst?: string;
  /** Keywords that may not appear twice. */
  noRepeat?: boolean;
  /** Keywords whose every occurrence is a group of its own (`op` in resource create). */
  repeatedGroups?: readonly string[];
}

export interface KeywordGroups {
  /** Words after each keyword (all occurrences joined), for keywords that are not repeated. */
  get(keyword: string): string[];
  /** Each occurrence of a repeated keyword as its own list. */
  occurrences(keyword: string): string[][];
  has(keyword: string): boolean;
}

/** Groups words by the keywords before them: ["a", "op", "x=1", "meta", "y=2"]. */
export function groupByKeywords(args: readonly string[], keywords: readonly string[], opts: GroupOptions = {}): KeywordGroups {
  const flat = new Map<string, string[]>();
  const repeated = new Map<string, string[][]>();
  const isRepeated = (k: string) => opts.repeatedGroups?.includes(k) ?? false;
  let current: string | undefined;
  const open = (k: string) => {
    if (isRepeated(k)) {
      const list = repeated.get(k) ?? [];
      list.push([]);
      repeated.set(k, list);
    } else {
      if (flat.has(k) && opts.noRepeat) throw new CmdLineInputError(`'${k}' cannot be used more than once`);
      if (!flat.has(k)) flat.set(k, []);
    }
    current = k;
  };
  if (args.length > 0 && !keywords.includes(args[0]!)) {
    if (!opts.implicitFirst) throw new CmdLineInputError();
    open(opts.implicitFirst);
  }
  for (const a of args) {
    if (keywords.includes(a)) open(a);
    else if (current !== undefined) {
      if (isRepeated(current)) repeated.get(current)!.at(-1)!.push(a);
      else flat.get(current)!.push(a);
    }
  }
  return {
    get: (k) => flat.get(k) ?? [],
    occurrences: (k) => repeated.get(k) ?? [],
    has: (k) => flat.has(k) || repeated.has(k),
  };
}

/** Raises when a word appears twice. */
export function ensureUniqueArgs(args: readonly string[]): void {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const a of args) (seen.has(a) ? dup : seen).add(a);
  if (dup.size > 0) throw new CmdLineInputError(`duplicate argument${dup.size > 1 ? 's' : ''}: '${[...dup].sort().join("', '")}'`);
}
