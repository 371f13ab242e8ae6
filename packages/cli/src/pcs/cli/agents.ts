// Agent listings and descriptions, in pcs's layout (descriptions in `list` folded to the
// terminal width, 80 columns when not on a terminal, as pcs does).

import { describeAgent, describeFenceAgent, listAgents, listAgentTypes, listOcfProviders, listStandards, type AgentDescription } from '../lib/commands/agent-list.js';
import { resolveAgentName } from '../lib/commands/agent.js';
import { UNIQUE_GROUP_PREFIX } from '../lib/agents/metadata.js';
import { fullName } from '../lib/agents/name.js';
import { error, LibraryError } from '../lib/reports/item.js';
import type { Cli } from './context.js';
import { CmdLineInputError } from './errors.js';
import { indent } from './text.js';
import { textWrap } from './wrap.js';

function columns(cli: Cli): number {
  const fromEnv = Number.parseInt(cli.env.variables.COLUMNS ?? '', 10);
  const tty = process.stdout.isTTY ? process.stdout.columns : undefined;
  return Math.max(tty ?? (Number.isFinite(fromEnv) && fromEnv > 0 ? fromEnv : 80), 40);
}

function listLine(cli: Cli, name: string, shortdesc: string | undefined): string {
  if (!shortdesc) return name;
  const lead = name.length + 3;
  const width = columns(cli) - lead;
  const lines = textWrap(shortdesc.split(/\s+/).filter(Boolean).join(' '), width < 1 ? columns(cli) : width);
  return `${name} - ${lines.map((l, i) => (i === 0 ? l : ' '.repeat(lead) + l)).join('\n')}`;
}

const nothingFound = (what: string) => new LibraryError(error({ code: 'NO_AGENTS_FOUND', what }));

export async function standards(cli: Cli, argv: string[]): Promise<void> {
  cli.mods.ensureOnlySupported(['-f']);
  if (argv.length) throw new CmdLineInputError();
  const list = await listStandards(cli.env);
  if (!list.length) throw nothingFound('standards');
  cli.print(...list);
}

export async function providers(cli: Cli, argv: string[]): Promise<void> {
  cli.mods.ensureOnlySupported(['-f']);
  if (argv.length) throw new CmdLineInputError();
  const list = await listOcfProviders(cli.env);
  if (!list.length) throw nothingFound('OCF providers');
  cli.print(...list);
}

export async function agents(cli: Cli, argv: string[]): Promise<void> {
  cli.mods.ensureOnlySupported(['-f']);
  if (argv.length > 1) throw new CmdLineInputError();
  const list = await listAgentTypes(cli.env, argv[0]);
  if (!list.length) throw nothingFound(argv[0] ? `agents for ${argv[0]}` : 'agents');
  cli.print(...list);
}

const agentList = (stonith: boolean) => async (cli: Cli, argv: string[]) => {
  cli.mods.ensureOnlySupported(['-f', '--nodesc']);
  if (argv.length > 1) throw new CmdLineInputError();
  const list = await listAgents(cli.env, { stonith, describe: !cli.mods.is('--nodesc'), search: argv[0] });
  if (!list.length) throw nothingFound(argv[0] ? `${stonith ? 'fence' : 'resource'} agents matching '${argv[0]}'` : `${stonith ? 'fence' : 'resource'} agents`);
  cli.print(...list.map((a) => listLine(cli, stonith ? a.name.type : fullName(a.name), a.shortdesc?.replace(/\n/g, ' '))));
};

export const resourceList = agentList(false);
export const stonithList = agentList(true);

const flat = (s: string) => s.replace(/\n/g, ' ');
const OP_ORDER = ['interval', 'start-delay', 'interval-origin', 'timeout', 'enabled', 'record-pending', 'role', 'on-fail', 'OCF_CHECK_LEVEL'];

export function describeToLines(d: AgentDescription, verbose: boolean): string[] {
  const md = d.metadata;
  const stonith = md.name.standard === 'stonith';
  const name = stonith ? md.name.type : fullName(md.name);
  const out = [md.shortdesc ? `${name} - ${flat(md.shortdesc)}` : name];
  if (md.longdesc) out.push('', flat(md.longdesc));
  const params: string[] = [];
  for (const p of md.parameters) {
    if (!verbose && (p.advanced || p.deprecated)) continue;
    const title = [p.name];
    if (p.deprecatedBy.length) title.push(`(deprecated by ${p.deprecatedBy.join(', ')})`);
    else if (p.deprecated) title.push('(deprecated)');
    if (p.required) title.push('(required)');
    if (p.uniqueGroup) title.push(p.uniqueGroup.startsWith(UNIQUE_GROUP_PREFIX) ? '(unique)' : `(unique group: ${p.uniqueGroup})`);
    let desc = p.longdesc ? flat(p.longdesc) : '';
    if (!desc && p.shortdesc) desc = flat(p.shortdesc);
    if (!desc) desc = 'No description available';
    if (p.deprecatedDesc) desc += `DEPRECATED: ${p.deprecatedDesc}`;
    params.push(`${title.join(' ')}: ${desc}`);
  }
  if (params.length) out.push('', stonith ? 'Stonith options:' : 'Resource options:', ...indent(params));
  const ops = d.defaultOperations.flatMap((op) => {
    const get = (k: string) => op.find(([n]) => n === k)?.[1];
    const pairs = OP_ORDER.filter((k) => get(k) !== undefined).map((k) => `${k}=${get(k)}`);
    return [`${get('name')}:`, ...indent(pairs)];
  });
  if (ops.length) out.push('', 'Default operations:', ...indent(ops));
  return out;
}

export async function resourceDescribe(cli: Cli, argv: string[]): Promise<void> {
  cli.mods.ensureOnlySupported(['-f', '--full']);
  if (argv.length !== 1) throw new CmdLineInputError();
  const name = await resolveAgentName(cli.env, argv[0]!);
  if (name.standard === 'stonith') cli.deprecated("fence agents are described by 'pcs stonith describe'");
  cli.print(...describeToLines(await describeAgent(cli.env, name), cli.mods.is('--full')));
}

export async function stonithDescribe(cli: Cli, argv: string[]): Promise<void> {
  cli.mods.ensureOnlySupported(['-f', '--full']);
  if (argv.length !== 1) throw new CmdLineInputError();
  cli.print(...describeToLines(await describeFenceAgent(cli.env, argv[0]!), cli.mods.is('--full')));
}
