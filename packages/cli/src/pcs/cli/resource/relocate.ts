// `pcs resource relocate dry-run|run|show|clear`: words to the library's relocate commands.

import { isAnyStonith } from '../../lib/commands/resource/query.js';
import { relocateClear, relocateDryRun, relocateShow } from '../../lib/commands/resource/relocate.js';
import type { Cli } from '../context.js';
import { CmdLineInputError } from '../errors.js';
import { router } from '../router.js';
import { liveOnly } from './commands.js';

function warnStonith(cli: Cli, ids: string[]): void {
  if (ids.length && isAnyStonith(cli.env, ids)) cli.deprecated('resource commands will stop accepting fence devices');
}

async function dryRun(cli: Cli, argv: string[]): Promise<void> {
  cli.mods.ensureOnlySupported(['-f']);
  warnStonith(cli, argv);
  await relocateDryRun(cli.env, argv);
}

/** Accepts -f (pcs does not): the plan is computed from the CIB alone, as for dry-run. */
async function show(cli: Cli, argv: string[]): Promise<void> {
  cli.mods.ensureOnlySupported(['-f']);
  if (argv.length) throw new CmdLineInputError();
  cli.print(...(await relocateShow(cli.env)));
}

async function clear(cli: Cli, argv: string[]): Promise<void> {
  cli.mods.ensureOnlySupported(['-f']);
  if (argv.length) throw new CmdLineInputError();
  relocateClear(cli.env);
}

export const relocateRouter = router(
  {
    'dry-run': dryRun,
    // moving needs a cluster that moves resources and is waited for: a file has none
    run: liveOnly('resource relocate run', [], "'pcs resource relocate dry-run' shows, with -f, the constraints it would use"),
    show,
    clear,
  },
  ['resource', 'relocate'],
);
