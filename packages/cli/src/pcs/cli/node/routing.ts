// `pcs node …`: attribute, utilization, standby/unstandby, maintenance/unmaintenance.

import { nodeAttributes, setNodeAttributes, setNodesMode } from '../../lib/commands/node.js';
import { nodeUtilization } from '../../lib/commands/utilization.js';
import type { Cli } from '../context.js';
import { CmdLineInputError } from '../errors.js';
import { prepareOptions } from '../parse-args.js';
import { router } from '../router.js';

async function attribute(cli: Cli, argv: string[]): Promise<void> {
  cli.mods.ensureOnlySupported(['-f', '--force', '--name']);
  const name = cli.mods.value('--name');
  if (name !== undefined && argv.length > 1) throw new CmdLineInputError();
  if (argv.length <= 1) {
    const attrs = nodeAttributes(cli.env, argv[0], name);
    cli.print('Node Attributes:');
    for (const node of [...attrs.keys()].sort()) {
      const pairs = [...attrs.get(node)!.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([k, v]) => `${k}=${v}`);
      cli.print([` ${node}:`, ...pairs].join(' '));
    }
    return;
  }
  setNodeAttributes(cli.env, argv[0]!, [...prepareOptions(argv.slice(1))], cli.mods.force);
}

async function utilization(cli: Cli, argv: string[]): Promise<void> {
  cli.mods.ensureOnlySupported(['-f', '--name']);
  const name = cli.mods.value('--name');
  if (name !== undefined && argv.length > 1) throw new CmdLineInputError();
  if (argv.length > 1) {
    const pairs = [...prepareOptions(argv.slice(1))];
    if (pairs.length) nodeUtilization(cli.env, argv[0], pairs);
    return;
  }
  const shown = nodeUtilization(cli.env, argv[0], [], name);
  cli.print('Node Utilization:', ...shown.map(([n, u]) => ` ${n}: ${u}`));
}

const mode = (attribute: 'standby' | 'maintenance', on: boolean) => async (cli: Cli, argv: string[]) => {
  cli.mods.ensureOnlySupported(['-f', '--wait', '--all']);
  if (argv.length && cli.mods.is('--all')) throw new CmdLineInputError('give node names or --all, not both');
  if (!argv.length && !cli.mods.is('--all')) throw new CmdLineInputError(`name the nodes (or give --all): working on a file, there is no local node`);
  setNodesMode(cli.env, attribute, on, cli.mods.is('--all') ? 'all' : argv);
};

export const standby = mode('standby', true);
export const unstandby = mode('standby', false);

export const nodeRouter = router(
  {
    attribute,
    utilization,
    standby,
    unstandby,
    maintenance: mode('maintenance', true),
    unmaintenance: mode('maintenance', false),
  },
  ['node'],
);
