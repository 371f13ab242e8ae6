// `pcs alert …`

import { alertCreate, alertRemove, alertsConfig, alertUpdate, recipientAdd, recipientRemove, recipientUpdate, type AlertView, type RecipientView } from '../../lib/commands/alert.js';
import type { Cli } from '../context.js';
import { CmdLineInputError } from '../errors.js';
import { groupByKeywords, prepareOptions } from '../parse-args.js';
import { router } from '../router.js';
import { indent } from '../text.js';

function sections(argv: string[], allowed: string[]) {
  const g = groupByKeywords(argv, ['options', 'meta'], { implicitFirst: 'main' });
  const main = prepareOptions(g.get('main'));
  for (const [k, v] of main) if (!allowed.includes(k)) throw new CmdLineInputError(`'${k}=${v}' is not an option here (use ${allowed.join(', ')})`);
  return { main, options: [...prepareOptions(g.get('options'))], meta: [...prepareOptions(g.get('meta'))] };
}

const pairsText = (pairs: [string, string][]) =>
  [...new Map(pairs).entries()]
    .sort((a, b) => (a[0] < b[0] ? -1 : 1))
    .map(([k, v]) => `${k}=${v.includes(' ') ? `"${v}"` : v}`)
    .join(' ');

function described(o: Omit<RecipientView, 'value' | 'id'>): string[] {
  const out: string[] = [];
  if (o.description) out.push(`Description: ${o.description}`);
  if (o.options.length) out.push(`Options: ${pairsText(o.options)}`);
  if (o.meta.length) out.push(`Meta options: ${pairsText(o.meta)}`);
  return out;
}

/** "Alerts:" and every alert with its recipients (also a part of `pcs config`). */
export function alertLines(alerts: readonly AlertView[]): string[] {
  const lines = ['Alerts:'];
  if (!alerts.length) lines.push(' No alerts defined');
  for (const a of alerts) {
    const content = described(a);
    const recipients = a.recipients.flatMap((r) => [`Recipient: ${r.id} (value=${r.value})`, ...indent(described(r), ' ')]);
    if (recipients.length) content.push('Recipients:', ...indent(recipients, ' '));
    lines.push(...indent([`Alert: ${a.id} (path=${a.path})`, ...indent(content, ' ')], ' '));
  }
  return lines;
}

async function config(cli: Cli, argv: string[]): Promise<void> {
  cli.mods.ensureOnlySupported(['-f']);
  if (argv.length) throw new CmdLineInputError();
  cli.print(alertLines(alertsConfig(cli.env)).join('\n'));
}

export const alertRouter = router(
  {
    config,
    create: async (cli, argv) => {
      cli.mods.ensureOnlySupported(['-f']);
      if (!argv.length) throw new CmdLineInputError();
      const s = sections(argv, ['id', 'description', 'path']);
      alertCreate(cli.env, { id: s.main.get('id'), path: s.main.get('path'), description: s.main.get('description'), options: s.options, meta: s.meta });
    },
    update: async (cli, argv) => {
      cli.mods.ensureOnlySupported(['-f']);
      if (!argv.length) throw new CmdLineInputError();
      const s = sections(argv.slice(1), ['description', 'path']);
      alertUpdate(cli.env, argv[0]!, { path: s.main.get('path'), description: s.main.get('description'), options: s.options, meta: s.meta });
    },
    remove: async (cli, argv) => {
      cli.mods.ensureOnlySupported(['-f']);
      if (!argv.length) throw new CmdLineInputError();
      alertRemove(cli.env, argv);
    },
    delete: async (cli, argv) => {
      cli.mods.ensureOnlySupported(['-f']);
      if (!argv.length) throw new CmdLineInputError();
      alertRemove(cli.env, argv);
    },
    recipient: router(
      {
        add: async (cli, argv) => {
          cli.mods.ensureOnlySupported(['-f', '--force']);
          if (argv.length < 2) throw new CmdLineInputError();
          const s = sections(argv.slice(1), ['description', 'id', 'value']);
          recipientAdd(cli.env, argv[0]!, { id: s.main.get('id'), value: s.main.get('value'), description: s.main.get('description'), options: s.options, meta: s.meta, force: cli.mods.force });
        },
        update: async (cli, argv) => {
          cli.mods.ensureOnlySupported(['-f', '--force']);
          if (!argv.length) throw new CmdLineInputError();
          const s = sections(argv.slice(1), ['description', 'value']);
          recipientUpdate(cli.env, argv[0]!, { value: s.main.get('value'), description: s.main.get('description'), options: s.options, meta: s.meta, force: cli.mods.force });
        },
        remove: async (cli, argv) => {
          cli.mods.ensureOnlySupported(['-f']);
          if (!argv.length) throw new CmdLineInputError();
          recipientRemove(cli.env, argv);
        },
        delete: async (cli, argv) => {
          cli.mods.ensureOnlySupported(['-f']);
          if (!argv.length) throw new CmdLineInputError();
          recipientRemove(cli.env, argv);
        },
      },
      ['alert', 'recipient'],
    ),
    show: async (cli, argv) => {
      cli.deprecated("use 'pcs alert config'");
      await config(cli, argv);
    },
  },
  ['alert'],
  'config',
);
