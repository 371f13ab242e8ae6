// `pcs resource debug-start|debug-stop|debug-monitor|debug-promote|debug-demote RESOURCE [--full]`:
// the outcome line crm_resource prints, the agent's output with --full, and the agent's code as
// the exit status.

import { debugResourceAction, type DebugAction } from '../../lib/commands/resource/debug.js';
import type { Cli, Handler } from '../context.js';
import { CmdLineInputError, ExitError } from '../errors.js';

const FORCE_NAME: Record<DebugAction, string> = { start: 'force-start', stop: 'force-stop', monitor: 'force-check', promote: 'force-promote', demote: 'force-demote' };

export const debugCmd =
  (action: DebugAction): Handler =>
  async (cli: Cli, argv: string[]) => {
    cli.mods.ensureOnlySupported(['-f', '--force', '--full']);
    if (!argv.length) throw new CmdLineInputError(`name the resource to run debug-${action} on`);
    if (argv.length !== 1) throw new CmdLineInputError();
    const r = await debugResourceAction(cli.env, argv[0]!, action, cli.mods.is('--full'));
    const outcome = r.timedOut ? 'timed out' : `returned ${r.rc} (${r.description}${r.exitReason ? `: ${r.exitReason}` : ''})`;
    const lines = [`Operation ${FORCE_NAME[action]} for ${r.resource} (${r.agent}) ${outcome}`];
    if (cli.mods.is('--full')) {
      if (r.stdout.trim()) lines.push(r.stdout.trimEnd());
      if (r.stderr.trim()) lines.push(r.stderr.trimEnd());
      if (r.trace.trim()) lines.push(r.trace.trimEnd());
    }
    cli.print(lines.join('\n'));
    if (r.timedOut || r.rc !== 0) {
      cli.io.err(`Error: ${r.timedOut ? 'the agent did not finish in time' : `the agent ended with code ${r.rc} (${r.description})`}\n`);
      throw new ExitError(r.timedOut ? 1 : r.rc);
    }
  };
