// `pcs resource …` routing table.

import { router } from '../router.js';
import * as c from './commands.js';
import { legacyShow, resourceConfig } from './config.js';
import { resourceStatusCmd } from '../status/resources.js';
import { error, LibraryError } from '../../lib/reports/item.js';
import type { Cli } from '../context.js';
import { resourceCreate } from './create.js';
import { agents, providers, resourceDescribe, resourceList, standards } from '../agents.js';
import { bundleRouter } from './bundle.js';
import { defaultsRouter } from './defaults.js';
import { relationsCmd } from './relations.js';
import { debugCmd } from './debug.js';
import { failcountRouter } from './failcount.js';
import { relocateRouter } from './relocate.js';

/** The cluster status comes from the scheduler's output, not in this build yet. */
export const statusUnavailable = (command: string) => async (cli: Cli, argv: string[]) => {
  void cli;
  void argv;
  throw new LibraryError(error({ code: 'STATUS_UNAVAILABLE', command }));
};

export const resourceRouter = router(
  {
    status: (cli, argv) => resourceStatusCmd(cli, argv),
    show: legacyShow(false, (cli, argv) => resourceStatusCmd(cli, argv)),
    create: resourceCreate,
    config: resourceConfig,
    delete: c.deleteCmd,
    remove: c.deleteCmd,
    update: c.updateCmd,
    meta: c.metaCmd,
    op: router(
      {
        defaults: defaultsRouter('op_defaults', ['resource', 'op', 'defaults']),
        add: c.opAddCmd,
        remove: c.opDeleteCmd,
        delete: c.opDeleteCmd,
      },
      ['resource', 'op'],
    ),
    defaults: defaultsRouter('rsc_defaults', ['resource', 'defaults']),
    clone: c.clone,
    promotable: c.promotable,
    master: c.master,
    unclone: c.unclone,
    group: router({ add: c.groupAddCmd, list: c.groupListCmd, remove: c.groupRemoveCmd, delete: c.groupRemoveCmd }, ['resource', 'group']),
    ungroup: c.groupRemoveCmd,
    enable: c.enableCmd,
    disable: c.disableCmd,
    manage: c.manageCmd,
    unmanage: c.unmanageCmd,
    ban: c.banCmd,
    clear: c.clearCmd,
    'move-with-constraint': c.moveWithConstraintCmd,
    move: c.moveCmd,
    cleanup: c.liveOnly('resource cleanup', ['--node', '--operation', '--interval', '--strict']),
    refresh: c.liveOnly('resource refresh', ['--node', '--strict', '--force']),
    restart: c.liveOnly('resource restart', ['--wait']),
    'safe-disable': c.liveOnly('resource safe-disable', ['--brief', '--force', '--no-strict', '--simulate', '--wait']),
    relocate: relocateRouter,
    utilization: c.utilizationCmd,
    bundle: bundleRouter,
    relations: relationsCmd,
    failcount: failcountRouter,
    'debug-start': debugCmd('start'),
    'debug-stop': debugCmd('stop'),
    'debug-monitor': debugCmd('monitor'),
    'debug-promote': debugCmd('promote'),
    'debug-demote': debugCmd('demote'),
    describe: resourceDescribe,
    list: resourceList,
    standards,
    providers,
    agents,
  },
  ['resource'],
  'status',
);
