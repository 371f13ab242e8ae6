// `pcs resource config` / `pcs stonith config` [ID…] [--output-format=text|cmd|json].

import { getConfiguredResources } from '../../lib/commands/resource/config.js';
import type { Cli } from '../context.js';
import { pyJson } from '../json.js';
import { resourcesToCmd, resourcesToText, ResourcesView } from './output.js';

export function resourcesView(cli: Cli, argv: readonly string[], stonith: boolean): ResourcesView {
  return new ResourcesView(getConfiguredResources(cli.env)).filterStonith(stonith).filterResources(argv, (t) => cli.warn(t));
}

export async function configCommon(cli: Cli, argv: string[], stonith: boolean): Promise<void> {
  cli.mods.ensureOnlySupported(['-f'], { outputFormat: true });
  const format = cli.mods.outputFormat();
  const view = resourcesView(cli, argv, stonith);
  let output: string;
  if (format === 'cmd') {
    output = resourcesToCmd(view, (t) => cli.warn(t))
      .map((cmd) => cmd.join(' \\\n'))
      .join(';\n');
  } else if (format === 'json') {
    const { primitives, clones, groups, bundles } = view.dto;
    output = pyJson({ primitives, clones, groups, bundles });
  } else {
    output = resourcesToText(view).join('\n');
  }
  if (output) cli.print(output);
}

export const resourceConfig = (cli: Cli, argv: string[]) => configCommon(cli, argv, false);

/**
 * pcs 0.9's `resource show` / `stonith show`: with ids or --full it listed the configuration
 * (now `config`), without them the status (now `status`).
 */
export function legacyShow(stonith: boolean, status: (cli: Cli, argv: string[]) => Promise<void>) {
  const area = stonith ? 'stonith' : 'resource';
  return async (cli: Cli, argv: string[]): Promise<void> => {
    if (argv.length || cli.mods.is('--full')) {
      cli.legacyForm(`${area} show${argv.length ? ' ID' : ' --full'}`, `${area} config`);
      const mods = cli.mods.subset('-f');
      await configCommon({ ...cli, mods }, argv, stonith);
      return;
    }
    cli.legacyForm(`${area} show`, `${area} status`);
    await status(cli, argv);
  };
}
