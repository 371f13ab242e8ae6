// pcs's global option grammar. Options may come anywhere on the line (GNU getopt permutes),
// short options are -h, -f FILE, -p PASS, -u USER, long options may be abbreviated to a unique
// prefix, and `--` ends the options. Negative numbers such as -INFINITY or -100 are values,
// not options: without `--` they are set aside before options are parsed (pcs prints a
// deprecation note for it), which is what generic parsers get wrong.

import { CmdLineInputError } from './errors.js';

const SHORT_WITH_VALUE = new Set(['f', 'p', 'u']);
const SHORT_FLAGS = new Set(['h']);

/** Long options; a trailing '=' means the option takes a value. */
export const LONG_OPTIONS: readonly string[] = [
  'debug', 'version', 'help', 'fullhelp', 'force', 'skip-offline', 'autodelete', 'simulate', 'all', 'full',
  'local', 'wait', 'config', 'start', 'enable', 'disabled', 'off', 'request-timeout=', 'brief', 'safe',
  'no-strict', 'strict', 'pacemaker', 'corosync', 'no-default-ops', 'defaults', 'nodesc', 'master', 'promoted',
  'name=', 'group=', 'node=', 'from=', 'to=', 'after=', 'before=', 'corosync_conf=', 'booth-conf=', 'booth-key=',
  'no-watchdog-validation', 'no-cluster-uuid', 'no-keys-sync', 'hide-inactive', 'monitor', 'groups', 'expired',
  'no-expire-check', 'overwrite', 'output-format=', 'token=', 'agent-validation',
];

const LONG = new Map<string, boolean>(LONG_OPTIONS.map((o) => (o.endsWith('=') ? [o.slice(0, -1), true] : [o, false])));

export type ParsedOption = [name: string, value: string];

/** Whether an argument is an option that takes the next argument as its value. */
export function expectsValue(arg: string): boolean {
  if (arg.length === 2 && arg[0] === '-' && SHORT_WITH_VALUE.has(arg[1]!)) return true;
  return arg.startsWith('--') && arg.length > 2 && LONG.get(arg.slice(2)) === true;
}

function isNum(s: string): boolean {
  return /^[0-9]+$/.test(s) || s.toLowerCase() === 'infinity';
}

/** -INFINITY, -100, -1.5: a value that merely starts with a dash. */
export function isNegativeNumber(arg: string): boolean {
  if (!arg.startsWith('-')) return false;
  return isNum(arg.slice(1)) || (/^-[0-9]*\.?[0-9]+(e[+-]?[0-9]+)?$/i.test(arg) && Number.isFinite(Number(arg)));
}

function longOption(token: string, rest: string[], out: ParsedOption[]): void {
  const body = token.slice(2);
  const eq = body.indexOf('=');
  const given = eq < 0 ? body : body.slice(0, eq);
  let name = given;
  if (!LONG.has(given)) {
    const candidates = [...LONG.keys()].filter((k) => k.startsWith(given));
    if (candidates.length === 0) throw new CmdLineInputError(`option --${given} not recognized`, undefined, true);
    if (candidates.length > 1) throw new CmdLineInputError(`option --${given} not a unique prefix`, undefined, true);
    name = candidates[0]!;
  }
  if (LONG.get(name)) {
    if (eq >= 0) out.push([`--${name}`, body.slice(eq + 1)]);
    else if (rest.length > 0) out.push([`--${name}`, rest.shift()!]);
    else throw new CmdLineInputError(`option --${name} requires argument`, undefined, true);
  } else {
    if (eq >= 0) throw new CmdLineInputError(`option --${name} must not have an argument`, undefined, true);
    out.push([`--${name}`, '']);
  }
}

function shortOptions(token: string, rest: string[], out: ParsedOption[]): void {
  for (let i = 1; i < token.length; i++) {
    const c = token[i]!;
    if (SHORT_WITH_VALUE.has(c)) {
      const inline = token.slice(i + 1);
      if (inline) out.push([`-${c}`, inline]);
      else if (rest.length > 0) out.push([`-${c}`, rest.shift()!]);
      else throw new CmdLineInputError(`option -${c} requires argument`, undefined, true);
      return;
    }
    if (!SHORT_FLAGS.has(c)) throw new CmdLineInputError(`option -${c} not recognized`, undefined, true);
    out.push([`-${c}`, '']);
  }
}

/** GNU getopt: options anywhere, arguments in order, `--` ends options. */
export function getopt(argv: readonly string[]): { options: ParsedOption[]; args: string[] } {
  const options: ParsedOption[] = [];
  const args: string[] = [];
  const rest = [...argv];
  while (rest.length > 0) {
    const token = rest.shift()!;
    if (token === '--') {
      args.push(...rest);
      break;
    }
    if (token.startsWith('--')) longOption(token, rest, options);
    else if (token.startsWith('-') && token !== '-') shortOptions(token, rest, options);
    else args.push(token);
  }
  return { options, args };
}

export interface TokenizedArgv {
  options: ParsedOption[];
  /** Words of the command, negative numbers kept in place. */
  args: string[];
  /** Negative numbers given without `--` (pcs warns that this form is deprecated). */
  negativeWithoutDoubleDash: string[];
}

/** Splits a pcs command line into global options and the command's words. */
export function tokenize(argv: readonly string[]): TokenizedArgv {
  if (argv.includes('--')) {
    const { options, args } = getopt(argv);
    return { options, args, negativeWithoutDoubleDash: [] };
  }
  const withoutNegatives: string[] = [];
  const negatives: string[] = [];
  const words: string[] = [];
  argv.forEach((arg, i) => {
    const prev = i > 0 ? argv[i - 1]! : '';
    const valueOfPrevious = expectsValue(prev);
    if (!isNegativeNumber(arg) || valueOfPrevious) withoutNegatives.push(arg);
    else negatives.push(arg);
    if (!valueOfPrevious && (!arg.startsWith('-') || arg === '-' || isNegativeNumber(arg))) words.push(arg);
  });
  const { options } = getopt(withoutNegatives);
  return { options, args: words, negativeWithoutDoubleDash: negatives };
}
