// `pcs status [resources | nodes] [--full] [--hide-inactive]`

import { clusterNameOf } from '../../lib/commands/config-summary.js';
import { clusterStatusText, nodesStatus, statusWarnings } from '../../lib/commands/status.js';
import type { Cli } from '../context.js';
import { CmdLineInputError } from '../errors.js';
import { router } from '../router.js';
import { resourceStatusCmd } from './resources.js';

async function full(cli: Cli, argv: string[]): Promise<void> {
  cli.mods.ensureOnlySupported(['--hide-inactive', '--full', '-f', '--corosync_conf', '--request-timeout']);
  if (argv.length) throw new CmdLineInputError();
  if (cli.mods.is('-f') && !cli.mods.is('--corosync_conf')) throw new CmdLineInputError('with -f, give --corosync_conf as well: the status names the cluster from it');
  const warnings = statusWarnings(cli.env);
  const lines = [`Cluster name: ${clusterNameOf(cli.env)}`];
  if (warnings.length) lines.push('', 'WARNINGS:', ...warnings, '');
  lines.push(await clusterStatusText(cli.env, { inactive: !cli.mods.is('--hide-inactive'), now: new Date() }));
  cli.print(lines.join('\n'));
}

async function nodes(cli: Cli, argv: string[]): Promise<void> {
  cli.mods.ensureOnlySupported(['-f']);
  if (argv.length) throw new CmdLineInputError('offline, the node status is the one from the CIB; corosync and pacemakerd are not running here');
  const s = await nodesStatus(cli.env);
  const block = (title: string, b: typeof s.cluster) => [
    title,
    [' Online:', ...b.online].join(' '),
    [' Standby:', ...b.standby].join(' '),
    [' Standby with resource(s) running:', ...b.standbyWithResources].join(' '),
    [' Maintenance:', ...b.maintenance].join(' '),
    [' Offline:', ...b.offline].join(' '),
  ];
  cli.print(...block('Pacemaker Nodes:', s.cluster), ...block('Pacemaker Remote Nodes:', s.remote));
}

export const statusRouter = router(
  {
    status: full,
    resources: (cli, argv) => resourceStatusCmd(cli, argv),
    nodes,
  },
  ['status'],
  'status',
);
