// `pcs resource status [ID] [node=NODE] [--hide-inactive]` and `pcs stonith status`: crm_mon's
// resource list, fence devices apart from the other resources as pcs separates them (by the
// "stonith:" class in a line).

import { resourcesStatus } from '../../lib/commands/status.js';
import { prepareOptionsAllowed } from '../parse-args.js';
import type { Cli } from '../context.js';
import { CmdLineInputError } from '../errors.js';

export async function resourceStatusCmd(cli: Cli, argv: string[], stonith = false): Promise<void> {
  cli.mods.ensureOnlySupported(['-f', '--hide-inactive']);
  if (argv.length > 2) throw new CmdLineInputError();
  const words = [...argv];
  const idAt = words.findIndex((w) => !w.includes('='));
  const resource = idAt >= 0 ? words.splice(idAt, 1)[0] : undefined;
  const node = prepareOptionsAllowed(words, ['node']).get('node');
  if (node === '') throw new CmdLineInputError("give a value to 'node'");
  const inactive = !cli.mods.is('--hide-inactive');
  const status = await resourcesStatus(cli.env, { inactive, resource, node });
  if (!inactive && !status.anyActive) {
    cli.print('No active resources');
    return;
  }
  const isFence = (l: string) => /stonith:/.test(l);
  const lines = resource !== undefined ? status.lines : status.lines.filter((l) => isFence(l) === stonith);
  if (!lines.length) {
    cli.print(stonith ? 'NO stonith devices configured' : 'NO resources configured');
    return;
  }
  cli.print(...lines);
}
