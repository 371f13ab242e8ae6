// `pcs cluster config [show] [--output-format=text|json|cmd]` and `pcs cluster corosync`.

import type { CorosyncConfDto } from '../../lib/corosync/facade.js';
import { corosyncConfStruct } from '../../lib/commands/cluster-config.js';
import type { Cli } from '../context.js';
import { CmdLineInputError } from '../errors.js';
import { pyJson } from '../json.js';
import { indent } from '../text.js';

const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function options(label: string, o: Record<string, string>): string[] {
  const names = Object.keys(o).sort(byName);
  return names.length ? [`${label}:`, ...indent(names.map((n) => `${n}: ${o[n]}`))] : [];
}

export function corosyncConfText(c: CorosyncConfDto): string[] {
  const lines = [`Cluster Name: ${c.cluster_name}`];
  if (c.cluster_uuid) lines.push(`Cluster UUID: ${c.cluster_uuid}`);
  lines.push(`Transport: ${c.transport.toLowerCase()}`, 'Nodes:');
  for (const n of [...c.nodes].sort((a, b) => byName(a.name, b.name))) {
    const addrs = [...n.addrs].sort((a, b) => byName(a.link, b.link)).map((a) => `Link ${a.link} address: ${a.addr}`);
    lines.push(...indent([`${n.name}:`, ...indent([...addrs, `nodeid: ${n.nodeid}`])]));
  }
  const links = Object.keys(c.links_options).sort(byName);
  if (links.length) {
    lines.push('Links:');
    for (const l of links) lines.push(...indent(options(`Link ${l}`, c.links_options[l]!)));
  }
  lines.push(
    ...options('Transport Options', c.transport_options),
    ...options('Compression Options', c.compression_options),
    ...options('Crypto Options', c.crypto_options),
    ...options('Totem Options', c.totem_options),
    ...options('Quorum Options', c.quorum_options),
  );
  const qd = c.quorum_device;
  if (qd) {
    lines.push(`Quorum Device: ${qd.model}`, ...indent(options('Options', qd.generic_options)), ...indent(options('Model Options', qd.model_options)), ...indent(options('Heuristics', qd.heuristics_options)));
  }
  return lines;
}

function section(o: Record<string, string>, keyword?: string): string[] {
  const names = Object.keys(o).sort(byName);
  if (!names.length) return [];
  return indent([...(keyword ? [keyword] : []), ...indent(names.map((n) => `${n}=${o[n]}`))]);
}

/** The `pcs cluster setup` command that would write this corosync.conf. */
export function corosyncConfCmd(c: CorosyncConfDto): string[] {
  const lines = [`pcs cluster setup ${c.cluster_name}`];
  const nodes = [...c.nodes].sort((a, b) => byName(a.nodeid, b.nodeid));
  lines.push(...indent(nodes.map((n) => [n.name, ...[...n.addrs].sort((a, b) => byName(a.link, b.link)).map((a) => `addr=${a.addr}`)].join(' '))));
  const transport = ['transport', c.transport.toLowerCase(), ...section(c.transport_options)];
  for (const l of Object.keys(c.links_options).sort(byName)) transport.push(...section(c.links_options[l]!, 'link'));
  transport.push(...section(c.compression_options, 'compression'), ...section(c.crypto_options, 'crypto'));
  lines.push(...indent(transport), ...section(c.totem_options, 'totem'), ...section(c.quorum_options, 'quorum'));
  if (!c.cluster_uuid) lines.push(...indent(['--no-cluster-uuid']));
  return lines;
}

export async function configShow(cli: Cli, argv: string[]): Promise<void> {
  cli.mods.ensureOnlySupported(['--corosync_conf'], { outputFormat: true });
  if (argv.length) throw new CmdLineInputError();
  const format = cli.mods.outputFormat();
  const dto = corosyncConfStruct(cli.env);
  if (format === 'json') cli.print(pyJson(dto));
  else if (format === 'cmd') {
    if (dto.quorum_device) cli.warn('the quorum device is not part of the command below: pcs cluster setup does not configure one');
    cli.print(corosyncConfCmd(dto).join(' \\\n'));
  } else cli.print(corosyncConfText(dto).join('\n'));
}

export async function corosync(cli: Cli, argv: string[]): Promise<void> {
  cli.mods.ensureOnlySupported(['--corosync_conf', '--request-timeout']);
  if (argv.length) throw new CmdLineInputError(argv.length > 1 ? '' : 'reading another node\'s corosync.conf needs pcsd, which is not running here');
  cli.print(cli.env.corosyncConfText().trimEnd());
}
