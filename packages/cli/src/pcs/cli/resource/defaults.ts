// `pcs resource [op] defaults …`: config, update, set create|delete|update, and the old
// `defaults name=value` form.

import { defaultsConfig, defaultsCreate, defaultsRemove, defaultsUpdate, type DefaultsKind } from '../../lib/commands/defaults.js';
import type { Cli, Handler } from '../context.js';
import { CmdLineInputError } from '../errors.js';
import { pyJson } from '../json.js';
import { nvsetToLines } from '../nvset.js';
import { groupByKeywords, prepareOptions } from '../parse-args.js';
import { router } from '../router.js';

export function defaultsRouter(kind: DefaultsKind, path: string[]): Handler {
  const updateCommand = `pcs ${path.join(' ')} set update`;
  const config: Handler = async (cli, argv) => {
    if (argv.length) throw new CmdLineInputError();
    cli.mods.ensureOnlySupported(['-f', '--all', '--full', '--no-expire-check'], { outputFormat: true });
    const format = cli.mods.outputFormat(['text', 'json']);
    if (format === 'json') {
      // pcs's CibDefaultsDto (what `pcs resource defaults config --output-format=json` prints in later pcs)
      const { instance, meta } = defaultsConfig(cli.env, kind);
      cli.print(pyJson({ instance_attributes: instance, meta_attributes: meta }));
      return;
    }
    const sets = defaultsConfig(cli.env, kind).meta;
    const lines = sets.length ? sets.flatMap((s) => nvsetToLines(s, 'Meta Attrs', cli.mods.is('--full'))) : ['No defaults set'];
    cli.print(lines.join('\n'));
  };
  const update: Handler = async (cli, argv) => {
    defaultsUpdate(cli.env, kind, undefined, [...prepareOptions(argv)], updateCommand);
  };
  const setCreate: Handler = async (cli, argv) => {
    cli.mods.ensureOnlySupported(['-f', '--force']);
    const g = groupByKeywords(argv, ['meta', 'rule'], { implicitFirst: 'options', noRepeat: true });
    const rule = g.get('rule');
    defaultsCreate(cli.env, kind, [...prepareOptions(g.get('meta'))], Object.fromEntries(prepareOptions(g.get('options'))), rule.length ? rule.join(' ') : undefined, cli.mods.force);
  };
  const setRemove: Handler = async (cli, argv) => {
    cli.mods.ensureOnlySupported(['-f']);
    defaultsRemove(cli.env, kind, argv);
  };
  const setUpdate: Handler = async (cli, argv) => {
    cli.mods.ensureOnlySupported(['-f']);
    if (!argv.length) throw new CmdLineInputError();
    const g = groupByKeywords(argv.slice(1), ['meta'], { noRepeat: true });
    defaultsUpdate(cli.env, kind, argv[0]!, [...prepareOptions(g.get('meta'))], updateCommand);
  };
  const inner = router(
    {
      config,
      set: router({ create: setCreate, delete: setRemove, remove: setRemove, update: setUpdate }, [...path, 'set']),
      update,
    },
    path,
    'config',
  );
  return async (cli: Cli, argv: string[]) => {
    if (argv.length && argv[0]!.includes('=')) {
      cli.deprecated(`use 'pcs ${path.join(' ')} update'`);
      return update(cli, argv);
    }
    return inner(cli, argv);
  };
}
