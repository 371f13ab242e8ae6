// `pcs quorum config` (corosync.conf's quorum section). Everything else about quorum acts on
// the running corosync, which is not here.

import { quorumConfig } from '../../lib/commands/quorum.js';
import type { Cli } from '../context.js';
import { CmdLineInputError } from '../errors.js';
import { router } from '../router.js';
import { quorumConfigLines } from './text.js';

async function config(cli: Cli, argv: string[]): Promise<void> {
  cli.mods.ensureOnlySupported(['--corosync_conf']);
  if (argv.length) throw new CmdLineInputError();
  cli.print(...quorumConfigLines(quorumConfig(cli.env)));
}

const needsCorosync = (what: string) => async (cli: Cli, argv: string[]) => {
  void cli;
  void argv;
  throw new CmdLineInputError(`'pcs quorum ${what}' talks to the running corosync; no cluster runs here`);
};

export const quorumRouter = router(
  {
    config,
    ...Object.fromEntries(['status', 'device', 'expected-votes', 'unblock', 'update'].map((c) => [c, needsCorosync(c)])),
  },
  ['quorum'],
  'config',
);
