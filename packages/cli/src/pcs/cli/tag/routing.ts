// `pcs tag …`

import { tagConfig, tagCreate, tagRemove, tagUpdate } from '../../lib/commands/tag.js';
import type { Cli } from '../context.js';
import { CmdLineInputError } from '../errors.js';
import { groupByKeywords } from '../parse-args.js';
import { router } from '../router.js';
import { pyJson } from '../json.js';
import { indent } from '../text.js';

async function config(cli: Cli, argv: string[]): Promise<void> {
  cli.mods.ensureOnlySupported(['-f'], { outputFormat: true });
  const format = cli.mods.outputFormat(['text', 'json']);
  const tags = tagConfig(cli.env, argv);
  if (format === 'json') {
    // the structure pcs's library gives for tags
    cli.print(pyJson(tags.map((t) => ({ tag_id: t.tag, idref_list: t.ids }))));
    return;
  }
  if (!tags.length) {
    cli.io.err(' No tags defined\n');
    return;
  }
  cli.print(tags.flatMap((t) => [t.tag, ...indent(t.ids)]).join('\n'));
}

async function create(cli: Cli, argv: string[]): Promise<void> {
  cli.mods.ensureOnlySupported(['-f']);
  if (argv.length < 2) throw new CmdLineInputError();
  tagCreate(cli.env, argv[0]!, argv.slice(1));
}

async function removeCmd(cli: Cli, argv: string[]): Promise<void> {
  cli.mods.ensureOnlySupported(['-f']);
  if (!argv.length) throw new CmdLineInputError();
  tagRemove(cli.env, argv);
}

async function update(cli: Cli, argv: string[]): Promise<void> {
  cli.mods.ensureOnlySupported(['-f', '--after', '--before']);
  if (!argv.length) throw new CmdLineInputError();
  const g = groupByKeywords(argv.slice(1), ['add', 'remove'], { noRepeat: true });
  if ((!g.has('add') && !g.has('remove')) || (g.has('add') && !g.get('add').length) || (g.has('remove') && !g.get('remove').length)) {
    throw new CmdLineInputError('', "name at least one id after 'add' or 'remove'", true);
  }
  if (cli.mods.is('--after') && cli.mods.is('--before')) throw new CmdLineInputError('give --before or --after, not both');
  const before = cli.mods.value('--before');
  tagUpdate(cli.env, { tag: argv[0]!, add: g.get('add'), remove: g.get('remove'), adjacent: cli.mods.value('--after') ?? before, after: before === undefined });
}

export const tagRouter = router(
  {
    config,
    create,
    delete: removeCmd,
    remove: removeCmd,
    update,
    list: async (cli, argv) => {
      cli.deprecated("use 'pcs tag config'");
      await config(cli, argv);
    },
  },
  ['tag'],
  'config',
);
