// `pcs resource bundle create ID container TYPE [opts] [network opts] [port-map opts]…
// [storage-map opts]… [meta opts] [--disabled]`, `bundle reset` (same, without the type) and
// `bundle update` (port-map|storage-map add opts | delete ids).

import { bundleCreate, bundleReset, bundleUpdateCmd } from '../../lib/commands/resource/bundle.js';
import type { Cli } from '../context.js';
import { CmdLineInputError } from '../errors.js';
import { groupByKeywords, prepareOptions, toRecord } from '../parse-args.js';
import { router } from '../router.js';

const MAPS = ['port-map', 'storage-map'];

function groups(argv: readonly string[]) {
  if (argv.length && !['meta', 'container', 'network', ...MAPS].includes(argv[0]!)) throw new CmdLineInputError();
  const g = groupByKeywords(argv, ['meta', 'container', 'network', ...MAPS], { repeatedGroups: MAPS });
  for (const k of ['meta', 'container', 'network']) if (g.has(k) && !g.get(k).length) throw new CmdLineInputError(`no ${k} options given after '${k}'`);
  for (const k of MAPS) if (g.occurrences(k).some((o) => !o.length)) throw new CmdLineInputError(`no ${k} options given after '${k}'`);
  return g;
}

const opts = (words: readonly string[]) => toRecord(prepareOptions(words));

async function create(cli: Cli, argv: string[]): Promise<void> {
  cli.mods.ensureOnlySupported(['--force', '--disabled', '--wait', '-f']);
  if (!argv.length) throw new CmdLineInputError();
  const g = groups(argv.slice(1));
  const container = [...g.get('container')];
  const containerType = container.length && !container[0]!.includes('=') ? container.shift()! : '';
  bundleCreate(
    cli.env,
    {
      id: argv[0]!,
      containerType,
      container: opts(container),
      network: opts(g.get('network')),
      portMaps: g.occurrences('port-map').map(opts),
      storageMaps: g.occurrences('storage-map').map(opts),
      meta: [...prepareOptions(g.get('meta'))],
    },
    { force: cli.mods.force, disabled: cli.mods.is('--disabled') },
  );
}

async function reset(cli: Cli, argv: string[]): Promise<void> {
  cli.mods.ensureOnlySupported(['--force', '--disabled', '--wait', '-f']);
  if (!argv.length) throw new CmdLineInputError();
  const g = groups(argv.slice(1));
  bundleReset(
    cli.env,
    argv[0]!,
    {
      container: opts(g.get('container')),
      network: opts(g.get('network')),
      portMaps: g.occurrences('port-map').map(opts),
      storageMaps: g.occurrences('storage-map').map(opts),
      meta: [...prepareOptions(g.get('meta'))],
    },
    { force: cli.mods.force, disabled: cli.mods.is('--disabled') },
  );
}

function mapChanges(occurrences: string[][], name: string): { add: Record<string, string>[]; remove: string[] } {
  const add: Record<string, string>[] = [];
  const removeIds: string[] = [];
  for (const [op, ...rest] of occurrences) {
    if (rest.length === 0) throw new CmdLineInputError(`after '${name}' give 'add' and options, or 'delete' (or 'remove') and ids`);
    if (op === 'add') add.push(opts(rest));
    else if (op === 'delete' || op === 'remove') removeIds.push(...rest);
    else throw new CmdLineInputError(`after '${name}' give 'add' and options, or 'delete' (or 'remove') and ids`);
  }
  return { add, remove: removeIds };
}

async function update(cli: Cli, argv: string[]): Promise<void> {
  cli.mods.ensureOnlySupported(['--force', '--wait', '-f']);
  if (!argv.length) throw new CmdLineInputError();
  const g = groups(argv.slice(1));
  const ports = mapChanges(g.occurrences('port-map'), 'port-map');
  const storage = mapChanges(g.occurrences('storage-map'), 'storage-map');
  bundleUpdateCmd(
    cli.env,
    argv[0]!,
    {
      container: opts(g.get('container')),
      network: opts(g.get('network')),
      portMapAdd: ports.add,
      portMapRemove: ports.remove,
      storageMapAdd: storage.add,
      storageMapRemove: storage.remove,
      meta: [...prepareOptions(g.get('meta'))],
    },
    { force: cli.mods.force },
  );
}

export const bundleRouter = router({ create, reset, update }, ['resource', 'bundle']);
