// `pcs cluster setup NAME NODE [addr=ADDR]… [transport TYPE [opts] [link opts]… [compression opts]
// [crypto opts]] [totem opts] [quorum opts] --corosync_conf FILE [--overwrite] [--no-cluster-uuid]`.

import { setupLocal, writeCorosyncConf, type SetupInput } from '../../lib/commands/cluster-setup.js';
import type { Cli } from '../context.js';
import { CmdLineInputError } from '../errors.js';
import { groupByKeywords, prepareOptions, splitOption, toRecord } from '../parse-args.js';

const LIVE_ONLY = ['--wait', '--start', '--enable', '--no-keys-sync'];

/** NODE [addr=A]… NODE [addr=A]…: a word without '=' starts a node. */
function parseNodes(words: readonly string[]): SetupInput['nodes'] {
  const nodes: SetupInput['nodes'] = [];
  for (const w of words) {
    if (!w.includes('=')) {
      nodes.push({ name: w });
      continue;
    }
    const node = nodes[nodes.length - 1];
    if (!node) throw new CmdLineInputError(`'${w}' comes before any node name`);
    const [name, value] = splitOption(w);
    if (name !== 'addr') throw new CmdLineInputError(`unknown option '${name}' for node '${node.name}'; nodes take addr=`);
    (node.addrs ??= []).push(value);
  }
  return nodes;
}

function parseTransport(words: readonly string[]): Pick<SetupInput, 'transport' | 'transportOptions' | 'links' | 'compression' | 'crypto'> {
  const [type, ...rest] = words;
  if (type === undefined) throw new CmdLineInputError('name the transport type after transport (knet, udp or udpu)');
  const g = groupByKeywords(rest, ['compression', 'crypto', 'link'], { implicitFirst: 'transport', repeatedGroups: ['link'] });
  return {
    transport: type,
    transportOptions: toRecord(prepareOptions(g.get('transport'))),
    links: g.occurrences('link').map((l) => toRecord(prepareOptions(l))),
    compression: toRecord(prepareOptions(g.get('compression'))),
    crypto: toRecord(prepareOptions(g.get('crypto'))),
  };
}

/** pcs 0.9's `cluster setup --name NAME NODE…` (the guide's form): the name became the first word. */
function legacyName(cli: Cli, argv: string[]): string[] {
  const name = cli.mods.value('--name');
  if (name === undefined) return argv;
  cli.legacyForm(`cluster setup --name ${name} ${argv.join(' ')}`, `cluster setup ${name} ${argv.join(' ')}`);
  return [name, ...argv];
}

export async function setup(cli: Cli, argv: string[]): Promise<void> {
  cli.mods.ensureOnlySupported(['--force', '--no-cluster-uuid', '--corosync_conf', '--overwrite', '--name', ...LIVE_ONLY]);
  argv = legacyName(cli, argv);
  const file = cli.mods.value('--corosync_conf');
  if (file === undefined) {
    // Setting up a live cluster means talking to pcsd on every node: there are none here.
    throw new CmdLineInputError('setting up nodes over the network needs pcsd, which is not running here; write the configuration to a file with --corosync_conf FILE');
  }
  const live = LIVE_ONLY.filter((o) => cli.mods.is(o));
  if (live.length) throw new CmdLineInputError(`${live.join(', ')} cannot be used with --corosync_conf, which only writes a file`);
  if (argv.length < 2) throw new CmdLineInputError();
  const [clusterName, ...rest] = argv;
  const g = groupByKeywords(rest, ['transport', 'totem', 'quorum'], { implicitFirst: 'nodes', noRepeat: true });
  const input: SetupInput = {
    clusterName: clusterName!,
    nodes: parseNodes(g.get('nodes')),
    ...(g.has('transport') ? parseTransport(g.get('transport')) : {}),
    totem: toRecord(prepareOptions(g.get('totem'))),
    quorum: toRecord(prepareOptions(g.get('quorum'))),
    noClusterUuid: cli.mods.is('--no-cluster-uuid'),
    force: cli.mods.force,
  };
  const text = await setupLocal(cli.env, input);
  writeCorosyncConf(cli.env.path(file), text, cli.mods.is('--overwrite'));
}
