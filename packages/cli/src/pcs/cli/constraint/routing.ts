// `pcs constraint …` routing table.

import type { Cli } from '../context.js';
import { router } from '../router.js';
import * as c from './commands.js';

const deprecatedShow = (replacement: string, f: (cli: Cli, argv: string[]) => Promise<void>) => async (cli: Cli, argv: string[]) => {
  cli.deprecated(`use '${replacement}'`);
  await f(cli, argv);
};

export const constraintRouter = router(
  {
    location: c.locationCmd,
    order: c.orderCmd,
    colocation: router(
      {
        add: c.colocationAddCmd,
        remove: c.colocationRemoveCmd,
        delete: c.colocationRemoveCmd,
        set: c.colocationSet,
        show: deprecatedShow('pcs constraint colocation config', c.colocationConfig),
        config: c.colocationConfig,
      },
      ['constraint', 'colocation'],
      'config',
    ),
    ticket: router(
      {
        set: c.ticketSet,
        add: c.ticketAddCmd,
        delete: c.ticketRemoveCmd,
        remove: c.ticketRemoveCmd,
        show: deprecatedShow('pcs constraint ticket config', c.ticketConfig),
        config: c.ticketConfig,
      },
      ['constraint', 'ticket'],
      'config',
    ),
    remove: c.constraintRemoveCmd,
    delete: c.constraintRemoveCmd,
    show: deprecatedShow('pcs constraint config', c.constraintConfig),
    list: deprecatedShow('pcs constraint config', c.constraintConfig),
    config: c.constraintConfig,
    ref: c.constraintRefCmd,
    rule: c.ruleCmd,
  },
  ['constraint'],
  'config',
);
