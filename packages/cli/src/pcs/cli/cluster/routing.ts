// `pcs cluster …`. Commands that start, stop or join nodes need the daemons and pcsd; here they
// say so. What works on files: cib, verify, setup --corosync_conf, config, corosync, and the
// remote and guest nodes of `cluster node`.

import type { Cli } from '../context.js';
import { CmdLineInputError } from '../errors.js';
import { router } from '../router.js';
import { standby as nodeStandby, unstandby as nodeUnstandby } from '../node/routing.js';
import { cib, cibPushCmd, edit, verify } from './cib.js';
import { configShow, corosync } from './config.js';
import { setup } from './setup.js';
import { clusterNodeRouter } from './node.js';

/** pcs 0.9's `cluster standby|unstandby`, which 0.11 moved to `node`. */
const legacyNode = (name: 'standby' | 'unstandby', handler: (cli: Cli, argv: string[]) => Promise<void>) => async (cli: Cli, argv: string[]) => {
  cli.legacyForm(`cluster ${name}`, `node ${name}`);
  await handler(cli, argv);
};

const needsDaemons = (what: string) => async (cli: Cli, argv: string[]) => {
  void argv;
  if (cli.mods.is('-f')) throw new CmdLineInputError(`'pcs cluster ${what}' acts on running cluster nodes, not on a CIB file (-f)`);
  throw new CmdLineInputError(`'pcs cluster ${what}' acts on running cluster nodes; no cluster runs here (offline, work on a CIB file with -f)`);
};

export const clusterRouter = router(
  {
    setup,
    cib,
    'cib-push': cibPushCmd,
    edit,
    verify,
    config: router({ show: configShow }, ['cluster', 'config'], 'show'),
    corosync,
    node: clusterNodeRouter,
    standby: legacyNode('standby', nodeStandby),
    unstandby: legacyNode('unstandby', nodeUnstandby),
    ...Object.fromEntries(['start', 'stop', 'kill', 'enable', 'disable', 'auth', 'status', 'pcsd-status', 'sync', 'reload', 'destroy', 'report', 'uidgid', 'link', 'authkey'].map((c) => [c, needsDaemons(c)])),
  },
  ['cluster'],
);
