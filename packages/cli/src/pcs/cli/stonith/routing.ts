// `pcs stonith …` routing table.

import { isAnyStonith } from '../../lib/commands/resource/query.js';
import { levelsConfig } from '../../lib/commands/fencing-topology.js';
import { removeResource } from '../../lib/commands/resource/remove.js';
import type { Cli, Handler } from '../context.js';
import { CmdLineInputError } from '../errors.js';
import { router } from '../router.js';
import { indent } from '../text.js';
import * as r from '../resource/commands.js';
import { configCommon, legacyShow } from '../resource/config.js';
import { resourceStatusCmd } from '../status/resources.js';

/** The fence devices' status, then the fencing levels when no device was named. */
async function stonithStatus(cli: Cli, argv: string[]): Promise<void> {
  await resourceStatusCmd(cli, argv, true);
  const levels = argv.length ? [] : levelsToLines(levelsConfig(cli.env));
  if (levels.length) cli.print('\nFencing Levels:', ...indent(levels, ' '));
}
import { stonithCreate } from '../resource/create.js';
import { defaultsRouter } from '../resource/defaults.js';
import { stonithDescribe, stonithList } from '../agents.js';
import { levelAdd, levelClear, levelConfig, levelRemove, levelsToLines, levelVerify } from './levels.js';

/** pcs warns when a stonith command is given something that is not a fence device. */
function checkIsStonith(cli: Cli, ids: string[], replacement: string): void {
  if (ids.some((id) => !isAnyStonith(cli.env, [id]))) cli.deprecated(`stonith commands will stop accepting resources that are not fence devices; use '${replacement}'`);
}

const checked = (replacement: string, handler: Handler): Handler => async (cli, argv) => {
  if (argv.length) checkIsStonith(cli, argv[0] === undefined ? [] : [argv[0]], replacement);
  await handler(cli, argv);
};

async function config(cli: Cli, argv: string[]): Promise<void> {
  const text = cli.mods.outputFormat() === 'text';
  if (!text) cli.warn("fencing levels are listed in the 'text' output format only");
  await configCommon(cli, argv, true);
  if (text) {
    const levels = levelsToLines(levelsConfig(cli.env));
    if (levels.length) cli.print('\nFencing Levels:', ...indent(levels, ' '));
  }
}

async function deleteCmd(cli: Cli, argv: string[]): Promise<void> {
  cli.mods.ensureOnlySupported(['-f', '--force']);
  if (argv.length !== 1) throw new CmdLineInputError();
  checkIsStonith(cli, argv, 'pcs resource delete');
  removeResource(cli.env, { id: argv[0]! });
}

export const stonithRouter = router(
  {
    status: stonithStatus,
    show: legacyShow(true, stonithStatus),
    create: stonithCreate,
    config,
    update: async (cli, argv) => {
      cli.mods.ensureOnlySupported(['-f', '--wait', '--force', '--agent-validation']);
      if (argv.length < 2) throw new CmdLineInputError();
      checkIsStonith(cli, [argv[0]!], 'pcs resource update');
      await r.updateStonithOrResource(cli, argv[0]!, argv.slice(1));
    },
    delete: deleteCmd,
    remove: deleteCmd,
    meta: checked('pcs resource meta', r.metaCmd),
    enable: checked('pcs resource enable', r.enableCmd),
    disable: checked('pcs resource disable', r.disableCmd),
    op: router(
      {
        defaults: defaultsRouter('op_defaults', ['resource', 'op', 'defaults']),
        add: checked('pcs resource op add', r.opAddCmd),
        remove: checked('pcs resource op delete', r.opDeleteCmd),
        delete: checked('pcs resource op delete', r.opDeleteCmd),
      },
      ['stonith', 'op'],
    ),
    defaults: defaultsRouter('rsc_defaults', ['resource', 'defaults']),
    level: router(
      { add: levelAdd, clear: levelClear, config: levelConfig, remove: levelRemove, delete: levelRemove, verify: levelVerify },
      ['stonith', 'level'],
      'config',
    ),
    describe: stonithDescribe,
    list: stonithList,
    fence: r.liveOnly('stonith fence', ['--off']),
    confirm: r.liveOnly('stonith confirm', ['--force']),
    cleanup: r.liveOnly('stonith cleanup', ['--node', '--operation', '--interval', '--strict']),
    refresh: r.liveOnly('stonith refresh', ['--node', '--strict', '--force']),
  },
  ['stonith'],
  'status',
);
