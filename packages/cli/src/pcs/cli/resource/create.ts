// `pcs resource create` and `pcs stonith create`: words to a create request.

import { createResource, createStonith, type Placement } from '../../lib/commands/resource/create.js';
import type { Cli } from '../context.js';
import { CmdLineInputError } from '../errors.js';
import { parseCreate, parseCreateSimple } from './parse.js';

function groupPlacement(cli: Cli): Placement | undefined {
  const { mods } = cli;
  if (mods.is('--before') && mods.is('--after')) {
    throw new CmdLineInputError(`give --before or --after, not both${mods.is('--group') ? '' : ', and name the group with --group'}`);
  }
  if (!mods.is('--group')) {
    if (mods.is('--before')) throw new CmdLineInputError('--before needs --group');
    if (mods.is('--after')) throw new CmdLineInputError('--after needs --group');
    return undefined;
  }
  const after = mods.value('--after');
  const before = mods.value('--before');
  return { kind: 'group', group: mods.value('--group')!, adjacent: before ?? after, after: after !== undefined && before === undefined };
}

export async function resourceCreate(cli: Cli, argv: string[]): Promise<void> {
  cli.mods.ensureOnlySupported(['--agent-validation', '--before', '--after', '--group', '--force', '--disabled', '--no-default-ops', '--wait', '-f']);
  if (argv.length < 2) throw new CmdLineInputError();
  const [id, agent] = argv as [string, string];
  const parts = parseCreate(argv.slice(2));
  const sections = (['clone', 'promotable', 'bundle'] as const).filter((s) => parts[s] !== undefined);
  if (sections.length + (cli.mods.is('--group') ? 1 : 0) > 1) throw new CmdLineInputError('give only one of clone, promotable, bundle or --group');
  if (parts.bundle && parts.bundle.length !== 1) throw new CmdLineInputError("after 'bundle' name exactly one bundle");
  let placement: Placement = groupPlacement(cli) ?? { kind: 'alone' };
  if (parts.promotable?.some(([k]) => k === 'promotable')) throw new CmdLineInputError("give either the 'promotable' keyword or the promotable option, not both");
  if (parts.clone) placement = { kind: 'clone', options: parts.clone, cloneId: parts.cloneId };
  else if (parts.promotable) placement = { kind: 'clone', options: [...parts.promotable, ['promotable', 'true']], cloneId: parts.cloneId };
  else if (parts.bundle) placement = { kind: 'bundle', bundle: parts.bundle[0]! };
  await createResource(cli.env, {
    id,
    agent,
    instance: parts.options,
    meta: parts.meta,
    operations: parts.ops,
    placement,
    disabled: cli.mods.is('--disabled'),
    noDefaultOps: cli.mods.is('--no-default-ops'),
    force: cli.mods.force,
  });
}

export async function stonithCreate(cli: Cli, argv: string[]): Promise<void> {
  cli.mods.ensureOnlySupported(['--before', '--after', '--group', '--force', '--disabled', '--no-default-ops', '--agent-validation', '--wait', '-f']);
  const placement = groupPlacement(cli);
  if (argv.length < 2) throw new CmdLineInputError();
  const [id, agent] = argv as [string, string];
  const parts = parseCreateSimple(argv.slice(2));
  if (placement) cli.deprecated('fence devices in groups are deprecated');
  await createStonith(cli.env, {
    id,
    agent,
    instance: parts.options,
    meta: parts.meta,
    operations: parts.ops,
    placement: placement ?? { kind: 'alone' },
    disabled: cli.mods.is('--disabled'),
    noDefaultOps: cli.mods.is('--no-default-ops'),
    force: cli.mods.force,
    // Without --force, the guide's 0.9 option names are written in their current form.
    modernizeLegacyOptions: !cli.mods.force,
  });
}
