// `pcs config [show]`: the whole configuration as text, in pcs's section order and layout.

import { alertsConfig } from '../../lib/commands/alert.js';
import { allCrmConfigPairs, clusterNameOf, corosyncNodeNames, hasCorosyncConf, pacemakerNodeNames } from '../../lib/commands/config-summary.js';
import { locationConstraints } from '../../lib/commands/constraint/location.js';
import { defaultsConfig } from '../../lib/commands/defaults.js';
import { levelsConfig } from '../../lib/commands/fencing-topology.js';
import { quorumConfig } from '../../lib/commands/quorum.js';
import { tagConfig } from '../../lib/commands/tag.js';
import { alertLines } from '../alert/routing.js';
import { kindLines } from '../constraint/commands.js';
import { colocationPlain, orderPlain, ticketPlain } from '../constraint/format.js';
import { locationLines } from '../constraint/location-output.js';
import type { Cli } from '../context.js';
import { CmdLineInputError } from '../errors.js';
import { nvsetToLines } from '../nvset.js';
import { quorumConfigLines } from '../quorum/text.js';
import { resourcesView } from '../resource/config.js';
import { resourcesToText } from '../resource/output.js';
import { levelsToLines } from '../stonith/levels.js';
import { indent } from '../text.js';

function defaultsLines(cli: Cli, kind: 'rsc_defaults' | 'op_defaults'): string[] {
  const sets = defaultsConfig(cli.env, kind).meta;
  return indent(sets.length ? sets.flatMap((s) => nvsetToLines(s, 'Meta Attrs', true)) : ['No defaults set']);
}

export function cibConfigLines(cli: Cli): string[] {
  const full = { ...cli, mods: cli.mods.subset('-f').with('--full') };
  const lines = ['Resources:', ...indent(resourcesToText(resourcesView(cli, [], false)))];
  lines.push('', 'Stonith Devices:', ...indent(resourcesToText(resourcesView(cli, [], true))));
  lines.push('Fencing Levels:', ...indent(levelsToLines(levelsConfig(cli.env))));
  lines.push('', ...locationLines(locationConstraints(cli.env), { detail: true, byNode: false, filter: [] }));
  lines.push(...kindLines(full, 'Ordering Constraints:', 'rsc_order', orderPlain));
  lines.push(...kindLines(full, 'Colocation Constraints:', 'rsc_colocation', colocationPlain));
  lines.push(...kindLines(full, 'Ticket Constraints:', 'rsc_ticket', ticketPlain));
  lines.push('', ...alertLines(alertsConfig(cli.env)));
  lines.push('', 'Resources Defaults:', ...defaultsLines(cli, 'rsc_defaults'), 'Operations Defaults:', ...defaultsLines(cli, 'op_defaults'));
  const props = [...allCrmConfigPairs(cli.env)].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  lines.push('', 'Cluster Properties:', ...indent(props.map(([n, v]) => `${n}: ${v}`), ' '));
  lines.push('', 'Tags:');
  const tags = tagConfig(cli.env, []);
  if (!tags.length) lines.push(' No tags defined');
  lines.push(...indent(tags.flatMap((t) => [t.tag, ...indent(t.ids)]), ' '));
  return lines;
}

export async function configShow(cli: Cli, argv: string[]): Promise<void> {
  cli.mods.ensureOnlySupported(['-f', '--corosync_conf']);
  if (argv.length) throw new CmdLineInputError();
  const lines = [`Cluster Name: ${clusterNameOf(cli.env)}`];
  const corosyncNodes = corosyncNodeNames(cli.env);
  lines.push('Corosync Nodes:');
  if (corosyncNodes.length) lines.push(' ' + corosyncNodes.join(' '));
  const pacemakerNodes = pacemakerNodeNames(cli.env);
  lines.push('Pacemaker Nodes:');
  if (pacemakerNodes.length) lines.push(' ' + pacemakerNodes.join(' '));
  lines.push('', ...cibConfigLines(cli));
  if (cli.mods.is('--corosync_conf') || hasCorosyncConf(cli.env)) {
    lines.push('', 'Quorum:', ...indent(quorumConfigLines(quorumConfig(cli.env))));
  }
  cli.print(lines.join('\n'));
}
