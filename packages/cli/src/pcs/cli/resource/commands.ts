// `pcs resource …` handlers other than create/config: words to library calls.

import { cloneResource, uncloneResource } from '../../lib/commands/resource/clone.js';
import { groupAdd, groupList, groupRemove } from '../../lib/commands/resource/group.js';
import { banResource, clearResource, moveWithConstraint } from '../../lib/commands/resource/move.js';
import { removeResource } from '../../lib/commands/resource/remove.js';
import { disableResources, enableResources, manageResources, unmanageResources } from '../../lib/commands/resource/state.js';
import { opAdd, opRemove, opRemoveById, updateMeta, updateResource } from '../../lib/commands/resource/update.js';
import { isAnyStonith } from '../../lib/commands/resource/query.js';
import { resourceUtilization } from '../../lib/commands/utilization.js';
import type { Cli } from '../context.js';
import { CmdLineInputError } from '../errors.js';
import { groupByKeywords, prepareOptions } from '../parse-args.js';
import { argsToPairs, parseResourceOptions } from './parse.js';

/** pcs warns when a resource command is given a fence device. */
function checkNotStonith(cli: Cli, ids: string[], replacement?: string): void {
  if (isAnyStonith(cli.env, ids)) cli.deprecated(`resource commands will stop accepting fence devices${replacement ? `; use '${replacement}'` : ''}`);
}

export async function deleteCmd(cli: Cli, argv: string[]): Promise<void> {
  cli.mods.ensureOnlySupported(['-f', '--force']);
  if (argv.length !== 1) throw new CmdLineInputError();
  checkNotStonith(cli, argv, 'pcs stonith delete');
  removeResource(cli.env, { id: argv[0]! });
}

export async function updateCmd(cli: Cli, argv: string[]): Promise<void> {
  cli.mods.ensureOnlySupported(['-f', '--wait', '--force', '--agent-validation']);
  if (argv.length < 2) throw new CmdLineInputError();
  const [id, ...rest] = argv as [string, ...string[]];
  checkNotStonith(cli, [id], 'pcs stonith update');
  await updateStonithOrResource(cli, id, rest);
}

export async function updateStonithOrResource(cli: Cli, id: string, rest: string[]): Promise<void> {
  const { ra, ops, meta } = parseResourceOptions(rest);
  // The old 'params' keyword (pcs 0.9) is not a parameter: skip it.
  await updateResource(cli.env, {
    id,
    instance: argsToPairs(ra.filter((w) => w !== 'params')),
    ops,
    meta: argsToPairs(meta),
    cloneArgs: argsToPairs(rest),
    force: cli.mods.force,
  });
}

export async function metaCmd(cli: Cli, argv: string[]): Promise<void> {
  if (!argv.length) throw new CmdLineInputError();
  checkNotStonith(cli, [argv[0]!], 'pcs stonith meta');
  cli.mods.ensureOnlySupported(['--force', '--wait', '-f']);
  if (argv.length < 2) throw new CmdLineInputError();
  prepareOptions(argv.slice(1));
  await updateMeta(cli.env, argv[0]!, argsToPairs(argv.slice(1)), cli.mods.force);
}

export async function opAddCmd(cli: Cli, argv: string[]): Promise<void> {
  if (!argv.length) throw new CmdLineInputError();
  checkNotStonith(cli, [argv[0]!], 'pcs stonith op add');
  cli.mods.ensureOnlySupported(['-f', '--force']);
  if (argv.length < 2) throw new CmdLineInputError();
  opAdd(cli.env, argv[0]!, argv.slice(1), cli.mods.force);
}

export async function opDeleteCmd(cli: Cli, argv: string[]): Promise<void> {
  cli.mods.ensureOnlySupported(['-f']);
  if (!argv.length) throw new CmdLineInputError();
  checkNotStonith(cli, [argv[0]!], 'pcs stonith op delete');
  if (argv.length === 1) opRemoveById(cli.env, argv[0]!);
  else opRemove(cli.env, argv[0]!, argv.slice(1));
}

const cloneCmd = (promotable: boolean) => async (cli: Cli, argv: string[]) => {
  cli.mods.ensureOnlySupported(['-f', '--force', '--wait']);
  if (!argv.length) throw new CmdLineInputError();
  const [id, ...rest] = argv as [string, ...string[]];
  checkNotStonith(cli, [id]);
  let cloneId: string | undefined;
  if (rest.length && rest[0] !== 'op' && rest[0] !== 'meta' && !rest[0]!.includes('=')) cloneId = rest.shift()!;
  const g = groupByKeywords(rest, ['op', 'meta'], { implicitFirst: 'options', repeatedGroups: ['op'] });
  if (g.occurrences('op').length) throw new CmdLineInputError('set operations on the resource itself, not on its clone');
  const meta = [...prepareOptions([...g.get('options'), ...g.get('meta')])];
  if (promotable) {
    if (meta.some(([k]) => k === 'promotable')) throw new CmdLineInputError("give either the 'promotable' keyword or the promotable option, not both");
    meta.push(['promotable', 'true']);
  }
  await cloneResource(cli.env, { id, cloneId, meta, force: cli.mods.force });
};

export const clone = cloneCmd(false);
export const promotable = cloneCmd(true);

/**
 * pcs 0.9's `resource master [MASTER_ID] RESOURCE [options]`: a promotable clone. The clone id
 * comes first when two words are given; master-max/master-node-max keep their names (Pacemaker
 * still reads them).
 */
export async function master(cli: Cli, argv: string[]): Promise<void> {
  const words = argv.filter((w) => !w.includes('='));
  const options = argv.filter((w) => w.includes('='));
  if (words.length === 0 || words.length > 2) throw new CmdLineInputError();
  const [cloneId, resource] = words.length === 2 ? [words[0]!, words[1]!] : [undefined, words[0]!];
  const modern = ['resource', 'promotable', resource, ...(cloneId ? [cloneId] : []), ...options].join(' ');
  cli.legacyForm(['resource', 'master', ...argv].join(' '), modern);
  await promotable(cli, [resource, ...(cloneId ? [cloneId] : []), ...options]);
}

export async function unclone(cli: Cli, argv: string[]): Promise<void> {
  cli.mods.ensureOnlySupported(['-f', '--wait']);
  if (argv.length !== 1) throw new CmdLineInputError();
  uncloneResource(cli.env, argv[0]!);
}

export async function groupAddCmd(cli: Cli, argv: string[]): Promise<void> {
  cli.mods.ensureOnlySupported(['--wait', '-f', '--after', '--before']);
  if (argv.length < 2) throw new CmdLineInputError();
  if (cli.mods.is('--after') && cli.mods.is('--before')) throw new CmdLineInputError('give --before or --after, not both');
  const after = cli.mods.value('--after');
  const before = cli.mods.value('--before');
  groupAdd(cli.env, { group: argv[0]!, resources: argv.slice(1), adjacent: after ?? before, after: before === undefined });
}

export async function groupRemoveCmd(cli: Cli, argv: string[]): Promise<void> {
  cli.mods.ensureOnlySupported(['--wait', '-f']);
  if (!argv.length) throw new CmdLineInputError();
  groupRemove(cli.env, argv[0]!, argv.slice(1));
}

export async function groupListCmd(cli: Cli, argv: string[]): Promise<void> {
  cli.mods.ensureOnlySupported(['-f']);
  if (argv.length) throw new CmdLineInputError();
  for (const g of groupList(cli.env)) cli.print([`${g.id}:`, ...g.members].join(' '));
}

export async function enableCmd(cli: Cli, argv: string[]): Promise<void> {
  cli.mods.ensureOnlySupported(['--wait', '-f']);
  if (!argv.length) throw new CmdLineInputError('name the resources to enable');
  enableResources(cli.env, argv);
}

export async function disableCmd(cli: Cli, argv: string[]): Promise<void> {
  cli.mods.ensureOnlySupported(['-f', '--brief', '--safe', '--no-strict', '--simulate', '--wait']);
  if (!argv.length) throw new CmdLineInputError('name the resources to disable');
  if (cli.mods.isAny(['--safe', '--simulate', '--no-strict', '--brief'])) {
    cli.mods.ensureOnlySupported(['--wait', '--brief', '--safe', '--no-strict']);
  }
  disableResources(cli.env, argv);
}

export async function manageCmd(cli: Cli, argv: string[]): Promise<void> {
  cli.mods.ensureOnlySupported(['-f', '--monitor']);
  if (!argv.length) throw new CmdLineInputError('name the resources to manage');
  manageResources(cli.env, argv, cli.mods.is('--monitor'));
}

export async function unmanageCmd(cli: Cli, argv: string[]): Promise<void> {
  cli.mods.ensureOnlySupported(['-f', '--monitor']);
  if (!argv.length) throw new CmdLineInputError('name the resources to unmanage');
  unmanageResources(cli.env, argv, cli.mods.is('--monitor'));
}

function moveBanArgs(argv: string[]): { resource: string; node?: string | undefined; lifetime?: string | undefined } {
  const [resource, ...rest] = argv as [string, ...string[]];
  let node: string | undefined;
  let lifetime: string | undefined;
  for (const a of rest) {
    if (a.startsWith('lifetime=')) {
      if (lifetime) throw new CmdLineInputError();
      lifetime = a.split('=')[1] ?? '';
      if (lifetime && /^[0-9]/.test(lifetime)) lifetime = 'P' + lifetime;
    } else if (!node) node = a;
    else throw new CmdLineInputError();
  }
  return { resource, node, lifetime };
}

export async function banCmd(cli: Cli, argv: string[]): Promise<void> {
  cli.mods.ensureOnlySupported(['-f', '--promoted', '--wait']);
  if (!argv.length) throw new CmdLineInputError('name the resource to ban');
  if (argv.length > 3) throw new CmdLineInputError();
  banResource(cli.env, { ...moveBanArgs(argv), promoted: cli.mods.is('--promoted') });
}

export async function moveWithConstraintCmd(cli: Cli, argv: string[]): Promise<void> {
  cli.mods.ensureOnlySupported(['-f', '--promoted', '--wait']);
  if (!argv.length) throw new CmdLineInputError('name the resource to move');
  if (argv.length > 3) throw new CmdLineInputError();
  moveWithConstraint(cli.env, { ...moveBanArgs(argv), promoted: cli.mods.is('--promoted') });
}

/**
 * `resource move RESOURCE [NODE]`. On the running cluster pcs 0.11 waits for the move and takes
 * its constraint away again; on a CIB file there is nothing to wait for, so the constraint is
 * written and kept, as pcs 0.9 and 0.10 did (and the guide shows): 'move-with-constraint' in 0.11.
 */
export async function moveCmd(cli: Cli, argv: string[]): Promise<void> {
  if (!cli.mods.is('-f')) return moveLive(cli, argv);
  cli.mods.ensureOnlySupported(['-f', '--promoted']);
  cli.legacyForm(['resource', 'move', ...argv].join(' '), ['resource', 'move-with-constraint', ...argv].join(' '));
  await moveWithConstraintCmd(cli, argv);
}

const moveLive = liveOnly(
  'resource move',
  ['--autodelete', '--promoted', '--strict', '--wait'],
  "on a CIB file, 'pcs -f FILE resource move' writes the constraint and keeps it (pcs 0.11: 'resource move-with-constraint')",
);

export async function clearCmd(cli: Cli, argv: string[]): Promise<void> {
  cli.mods.ensureOnlySupported(['-f', '--expired', '--promoted', '--wait']);
  if (!argv.length) throw new CmdLineInputError('name the resource to clear');
  if (argv.length > 2) throw new CmdLineInputError();
  clearResource(cli.env, { resource: argv[0]!, node: argv[1], promoted: cli.mods.is('--promoted'), expired: cli.mods.is('--expired') });
}

export async function utilizationCmd(cli: Cli, argv: string[]): Promise<void> {
  cli.mods.ensureOnlySupported(['-f']);
  const [id, ...rest] = argv;
  if (id !== undefined) checkNotStonith(cli, [id]);
  const pairs = [...prepareOptions(rest)];
  const shown = resourceUtilization(cli.env, id, pairs);
  if (id !== undefined && pairs.length) return;
  cli.print('Resource Utilization:', ...shown.map(([r, u]) => ` ${r}: ${u}`));
}

/**
 * Commands that act on the running cluster only: pcs refuses -f for them, and so do we, saying
 * what does the job on a CIB file when something does (`offline`).
 */
export function liveOnly(command: string, supported: string[], offline?: string) {
  return async (cli: Cli, argv: string[]): Promise<void> => {
    void argv;
    if (cli.mods.is('-f')) throw new CmdLineInputError(`'pcs ${command}' works on the running cluster, not on a CIB file (-f)`, offline);
    cli.mods.ensureOnlySupported(supported);
    throw new CmdLineInputError(`'pcs ${command}' acts on the running cluster; no cluster is running here`, offline);
  };
}
