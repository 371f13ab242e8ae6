// `pcs cluster node …`: Pacemaker Remote and guest nodes work on the CIB (with -f, on a file);
// adding and removing cluster (corosync) nodes needs the running cluster and pcsd.

import { nodeAddGuest, nodeAddRemote, nodeRemoveGuest, nodeRemoveRemote } from '../../lib/commands/remote-node.js';
import type { Cli } from '../context.js';
import { CmdLineInputError } from '../errors.js';
import { prepareOptions } from '../parse-args.js';
import { router } from '../router.js';
import { parseCreateSimple } from '../resource/parse.js';

const SUPPORTED = ['--force', '--skip-offline', '--request-timeout', '--corosync_conf', '-f'];

/** NODE [ADDRESS] …: the second word is the address unless it is an option or a keyword. */
function nameAndAddress(argv: string[]): { node: string; address: string | undefined; rest: string[] } {
  const [node, second, ...more] = argv as [string, ...string[]];
  if (second === undefined) return { node, address: undefined, rest: [] };
  if (second.includes('=') || second === 'op' || second === 'meta') return { node, address: undefined, rest: [second, ...more] };
  return { node, address: second, rest: more };
}

async function addRemote(cli: Cli, argv: string[]): Promise<void> {
  cli.mods.ensureOnlySupported([...SUPPORTED, '--wait', '--no-default-ops']);
  if (!argv.length) throw new CmdLineInputError();
  const { node, address, rest } = nameAndAddress(argv);
  const parts = parseCreateSimple(rest);
  await nodeAddRemote(cli.env, {
    node,
    address,
    instance: parts.options,
    meta: parts.meta,
    operations: parts.ops,
    noDefaultOps: cli.mods.is('--no-default-ops'),
    force: cli.mods.force,
  });
}

async function addGuest(cli: Cli, argv: string[]): Promise<void> {
  cli.mods.ensureOnlySupported([...SUPPORTED, '--wait']);
  if (argv.length < 2) throw new CmdLineInputError();
  nodeAddGuest(cli.env, { node: argv[0]!, resource: argv[1]!, options: [...prepareOptions(argv.slice(2))] });
}

async function removeRemote(cli: Cli, argv: string[]): Promise<void> {
  cli.mods.ensureOnlySupported(SUPPORTED);
  if (argv.length !== 1) throw new CmdLineInputError();
  nodeRemoveRemote(cli.env, argv[0]!, cli.mods.force);
}

async function removeGuest(cli: Cli, argv: string[]): Promise<void> {
  cli.mods.ensureOnlySupported([...SUPPORTED, '--wait']);
  if (argv.length !== 1) throw new CmdLineInputError();
  nodeRemoveGuest(cli.env, argv[0]!, cli.mods.force);
}

const needsCluster = (what: string) => async (cli: Cli, argv: string[]) => {
  void argv;
  const where = cli.mods.is('-f') ? 'not a CIB file (-f)' : 'no cluster runs here';
  throw new CmdLineInputError(`'pcs cluster node ${what}' changes corosync's membership on the running cluster; ${where}`);
};

export const clusterNodeRouter = router(
  {
    'add-remote': addRemote,
    'add-guest': addGuest,
    'remove-remote': removeRemote,
    'delete-remote': removeRemote,
    'remove-guest': removeGuest,
    'delete-guest': removeGuest,
    add: needsCluster('add'),
    remove: needsCluster('remove'),
    delete: needsCluster('delete'),
    'add-outside': needsCluster('add-outside'),
    clear: needsCluster('clear'),
  },
  ['cluster', 'node'],
);
