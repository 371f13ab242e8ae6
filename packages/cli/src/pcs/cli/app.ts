// pcs's entry point: global options first, then the area's router. Everything printed goes
// through `io`, so tests and the conformance runner call `runPcs` in-process.

import { LibraryEnvironment } from '../lib/env.js';
import { LibraryError, type ReportItem } from '../lib/reports/item.js';
import type { Cli, Handler, Io } from './context.js';
import { CmdLineInputError, CommandReplacedError, ExitError } from './errors.js';
import { InputModifiers } from './modifiers.js';
import { tokenize, type ParsedOption } from './argv.js';
import { renderReport, renderReplaced } from './reports/render.js';
import { UsageError } from './router.js';
import { MAIN_USAGE, usageFor } from './usage.js';

/** The pcs version whose command line and outputs this implementation follows. */
export const PCS_COMPATIBLE_VERSION = '0.11.5';

export interface RunContext {
  cwd: string;
  env: Record<string, string | undefined>;
  io: Io;
}

type AreaLoader = () => Promise<Handler>;

// Each area is imported only when used, so that a command loads just what it needs.
const AREAS: Record<string, AreaLoader> = {
  resource: async () => (await import('./resource/routing.js')).resourceRouter,
  stonith: async () => (await import('./stonith/routing.js')).stonithRouter,
  constraint: async () => (await import('./constraint/routing.js')).constraintRouter,
  property: async () => (await import('./property/routing.js')).propertyRouter,
  node: async () => (await import('./node/routing.js')).nodeRouter,
  tag: async () => (await import('./tag/routing.js')).tagRouter,
  alert: async () => (await import('./alert/routing.js')).alertRouter,
  cluster: async () => (await import('./cluster/routing.js')).clusterRouter,
  config: async () => (await import('./config/routing.js')).configRouter,
  acl: async () => (await import('./acl/routing.js')).aclRouter,
  quorum: async () => (await import('./quorum/routing.js')).quorumRouter,
  status: async () => (await import('./status/routing.js')).statusRouter,
};

function makeCli(env: LibraryEnvironment, mods: InputModifiers, io: Io): Cli {
  return {
    env,
    mods,
    io,
    print: (...lines) => io.out(lines.map((l) => l + '\n').join('')),
    warn: (text) => io.err(`Warning: ${text}\n`),
    deprecated: (text) => io.err(`Deprecation Warning: ${text}\n`),
    legacyForm: (legacy, modern) => io.err(`Note: '${legacy}' is the pcs 0.9 form; pcs 0.11 writes it as '${modern}'\n`),
  };
}

export async function runPcs(argv: readonly string[], ctx: RunContext): Promise<number> {
  const { io } = ctx;
  const err = (line: string) => io.err(line + '\n');
  // --wait=N is the one option whose value is optional; take it apart before getopt.
  let waitValue: string | undefined;
  const words = argv.map((a) => {
    if (a.startsWith('--wait=')) {
      waitValue = a.slice('--wait='.length) || undefined;
      return '--wait';
    }
    return a;
  });
  let options: ParsedOption[];
  let args: string[];
  try {
    const t = tokenize(words);
    options = t.options;
    args = t.args;
    if (t.negativeWithoutDoubleDash.length > 0) {
      io.err(
        `Deprecation Warning: '${t.negativeWithoutDoubleDash.join("', '")}' taken as a value; ` +
          `put '--' before values that start with a dash\n`,
      );
    }
  } catch (e) {
    if (e instanceof CmdLineInputError) {
      err(`Error: ${e.message}`);
      io.err('\n' + MAIN_USAGE);
      return 1;
    }
    throw e;
  }
  const seen = new Set<string>();
  for (const [name] of options) {
    if (seen.has(name)) {
      err(`Error: ${name} can only be given once`);
      return 1;
    }
    seen.add(name);
  }
  if (waitValue !== undefined) options = options.map(([n, v]) => (n === '--wait' ? [n, waitValue!] : [n, v]));
  const mods = new InputModifiers(options);
  if (mods.is('-h') || mods.is('--help')) {
    if (args.length === 0) {
      io.out(MAIN_USAGE);
      return 0;
    }
    args = [args[0]!, 'help', ...args.slice(1)];
  }
  if (mods.is('--version')) {
    io.out(PCS_COMPATIBLE_VERSION + '\n');
    return 0;
  }
  if (mods.is('--fullhelp')) {
    io.out(MAIN_USAGE);
    return 0;
  }
  const timeout = mods.value('--request-timeout');
  if (timeout !== undefined && !(/^[0-9]+$/.test(timeout) && Number(timeout) > 0)) {
    err(`Error: --request-timeout takes a positive whole number of seconds, not '${timeout}'`);
    return 1;
  }

  const env = new LibraryEnvironment({
    cibFile: mods.value('-f'),
    corosyncConf: mods.value('--corosync_conf'),
    cwd: ctx.cwd,
    variables: ctx.env,
    onReport: (item: ReportItem) => {
      const text = renderReport(item);
      if (text !== undefined) io.err(text + '\n');
    },
  });
  const cli = makeCli(env, mods, io);

  const area = args[0];
  try {
    if (area === undefined) {
      io.err(MAIN_USAGE);
      return 1;
    }
    if (area === 'help') {
      io.out(MAIN_USAGE);
      return 0;
    }
    const load = Object.hasOwn(AREAS, area) ? AREAS[area] : undefined;
    if (!load) {
      io.err(MAIN_USAGE);
      return 1;
    }
    const rest = args.slice(1);
    if (rest[0] === 'help') {
      io.out(usageFor([area]));
      return 0;
    }
    await (await load())(cli, rest);
    return 0;
  } catch (e) {
    return reportFailure(e, io, area, mods.is('--debug'));
  }
}

function reportFailure(e: unknown, io: Io, area: string | undefined, debug: boolean): number {
  const err = (line: string) => io.err(line + '\n');
  if (e instanceof ExitError) return e.exitCode;
  if (e instanceof UsageError || e instanceof CmdLineInputError) {
    const inner = e instanceof UsageError ? e.inner : e;
    const path = e instanceof UsageError ? e.path : area ? [area] : [];
    if (inner.message) {
      err(`Error: ${inner.message}`);
      if (inner.hint) err(`Hint: ${inner.hint}`);
      if (inner.showUsage) io.err('\n' + usageFor(path));
    } else {
      io.err('\n' + usageFor(path));
    }
    return 1;
  }
  if (e instanceof CommandReplacedError) {
    err(`Error: ${renderReplaced(e.replacements)}`);
    return 1;
  }
  if (e instanceof LibraryError) {
    for (const r of e.reports) {
      const text = renderReport(r);
      if (text !== undefined) io.err(text + '\n');
    }
    if (e.reports.length === 0) err('Error: nothing was changed because of the errors above');
    return 1;
  }
  err(`Error: internal error: ${e instanceof Error ? e.message : String(e)}`);
  if (debug && e instanceof Error && e.stack) err(e.stack);
  return 1;
}
