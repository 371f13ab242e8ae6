// `pcs property …`: config (text, cmd, json), set, unset, defaults, describe.

import { configuredProperties, propertyDefaults, propertyDefinitions, propertySets, setProperties } from '../../lib/commands/property.js';
import type { Cli } from '../context.js';
import { CmdLineInputError } from '../errors.js';
import { pyJson } from '../json.js';
import { ensureUniqueArgs, prepareOptions } from '../parse-args.js';
import { router } from '../router.js';
import { shellQuote } from '../text.js';

const sortedEntries = (m: Map<string, string>) => [...m.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));

async function config(cli: Cli, argv: string[]): Promise<void> {
  cli.mods.ensureOnlySupported(['--defaults', '--all', '-f'], { outputFormat: true });
  if (argv.length > 1) throw new CmdLineInputError();
  const format = cli.mods.outputFormat();
  if (format !== 'text') {
    if (cli.mods.isAny(['--all', '--defaults']) || argv.length) throw new CmdLineInputError('--output-format other than text lists the configured properties only');
    const sets = propertySets(cli.env);
    if (format === 'json') cli.print(pyJson({ nvsets: sets }));
    else {
      const pairs = sets.flatMap((s) => s.nvpairs.map((p) => `${p.name}=${p.value}`));
      if (pairs.length) cli.print(['pcs property set --force --', ...pairs.map(shellQuote)].join(' \\\n  '));
    }
    return;
  }
  const printAll = argv.length === 0;
  if (cli.mods.is('--all') && cli.mods.is('--defaults')) throw new CmdLineInputError('give --all or --defaults, not both');
  let props = new Map<string, string>();
  if (cli.mods.is('--all') || cli.mods.is('--defaults')) {
    if (!printAll) throw new CmdLineInputError('--all and --defaults list every property; do not name one');
    props = propertyDefaults();
  }
  if (!cli.mods.is('--defaults')) {
    const configured = configuredProperties(cli.env);
    const chosen = new Map([...configured].filter(([k]) => printAll || k === argv[0]));
    if (cli.mods.is('--all')) for (const [k, val] of chosen) props.set(k, val);
    else props = chosen;
  }
  if (props.size) {
    cli.print('Cluster Properties:', ...sortedEntries(props).map(([k, val]) => ` ${k}: ${val}`));
    return;
  }
  cli.print('Cluster Properties:');
  if (!printAll) {
    const d = propertyDefaults();
    if (d.has(argv[0]!)) cli.print(` ${argv[0]}: ${d.get(argv[0]!)}`);
  }
}

async function set(cli: Cli, argv: string[]): Promise<void> {
  cli.mods.ensureOnlySupported(['--force', '-f']);
  if (!argv.length) throw new CmdLineInputError();
  setProperties(cli.env, [...prepareOptions(argv)], cli.mods.force);
}

async function unset(cli: Cli, argv: string[]): Promise<void> {
  cli.mods.ensureOnlySupported(['--force', '-f']);
  if (!argv.length) throw new CmdLineInputError();
  if (!cli.mods.force) ensureUniqueArgs(argv);
  setProperties(cli.env, [...new Set(argv)].map((n) => [n, '']), cli.mods.force);
}

/** `property defaults [NAME…]`: Pacemaker's default of each property. */
async function defaults(cli: Cli, argv: string[]): Promise<void> {
  cli.mods.ensureOnlySupported(['-f']);
  const d = propertyDefaults();
  const unknown = argv.filter((n) => !d.has(n));
  if (unknown.length) throw new CmdLineInputError(`no such cluster ${unknown.length > 1 ? 'properties' : 'property'}: ${unknown.join(', ')}`);
  const chosen = argv.length ? sortedEntries(new Map(argv.map((n) => [n, d.get(n)!]))) : sortedEntries(d);
  cli.print(...chosen.map(([k, val]) => `${k}=${val}`));
}

/** `property describe [NAME…] [--output-format=text|json]`: what each property means. */
async function describe(cli: Cli, argv: string[]): Promise<void> {
  cli.mods.ensureOnlySupported(['-f', '--full'], { outputFormat: true });
  const format = cli.mods.outputFormat(['text', 'json']);
  const defs = propertyDefinitions();
  for (const n of ['dc-version', 'cluster-infrastructure']) defs.delete(n);
  const unknown = argv.filter((n) => !defs.has(n));
  if (unknown.length) throw new CmdLineInputError(`no such cluster ${unknown.length > 1 ? 'properties' : 'property'}: ${unknown.join(', ')}`);
  const chosen = [...defs.values()].filter((p) => (argv.length ? argv.includes(p.name) : cli.mods.is('--full') || !p.advanced)).sort((a, b) => (a.name < b.name ? -1 : 1));
  if (format === 'json') {
    cli.print(pyJson({ properties_metadata: chosen.map((p) => ({ name: p.name, shortdesc: p.shortdesc ?? null, longdesc: p.longdesc ?? null, type: p.type, default: p.default ?? null, enum_values: p.enumValues ?? null, advanced: p.advanced })) }));
    return;
  }
  const lines: string[] = [];
  for (const p of chosen) {
    lines.push(p.name);
    const desc = (p.longdesc ?? p.shortdesc ?? '').replace(/\n/g, ' ');
    if (desc) lines.push(`  Description: ${desc}`);
    lines.push(`  Type: ${p.type}`);
    if (p.enumValues?.length) lines.push(`  Allowed values: ${p.enumValues.join(', ')}`);
    if (p.default !== undefined) lines.push(`  Default: ${p.default}`);
  }
  cli.print(...lines);
}

async function deprecatedList(cli: Cli, argv: string[]): Promise<void> {
  cli.deprecated("use 'pcs property config'");
  await config(cli, argv);
}

export const propertyRouter = router({ set, unset, config, list: deprecatedList, show: deprecatedList, defaults, describe }, ['property'], 'config');
