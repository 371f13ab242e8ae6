// What both backends read from a domain's XML file, and how a migration's URIs are made.

import { readFileSync } from 'node:fs';
import { OCF_ERR_CONFIGURED, OCF_ERR_INSTALLED } from '../../ocf/codes.js';
import type { AgentContext } from '../framework/context.js';
import { fail } from '../framework/failure.js';

/** The domain's name: the first <name> of the file (libvirt puts the domain's own first). */
export function domainNameOf(xml: string): string | undefined {
  const m = /<domain\b[\s\S]*?<name>\s*([^<]+?)\s*<\/name>/.exec(xml);
  return m?.[1];
}

export function readDomainName(ctx: AgentContext): string {
  const config = ctx.params['config'] ?? '';
  if (!config.startsWith('/')) fail(OCF_ERR_CONFIGURED, `config ${config} is not an absolute path`);
  let xml: string;
  try {
    xml = readFileSync(config, 'utf8');
  } catch {
    // A missing file is a node that cannot run the domain, not a wrong configuration: the
    // file usually lives on shared storage that is not mounted here yet.
    fail(OCF_ERR_INSTALLED, `Configuration file ${config} does not exist or is not readable`);
  }
  const name = domainNameOf(xml);
  if (!name) fail(OCF_ERR_CONFIGURED, `no domain name in ${config}`);
  return name;
}

/** Replaces %n with the target node (migrateuri, migrate_options, remoteuri). */
export function expandTarget(template: string, target: string): string {
  return template.replace(/%n/g, target);
}

/**
 * The URI of the target hypervisor: `remoteuri`, else the local URI with the transport, user and
 * target host put in (qemu:///system → qemu+tcp://node2/system), as the shell agent builds it.
 */
export function remoteUri(localUri: string, target: string, params: Record<string, string>): string {
  if (params['remoteuri']) return expandTarget(params['remoteuri'], target);
  const m = /^([a-z0-9]+)(?:\+[a-z0-9]+)?:\/\/[^/]*(\/.*)?$/i.exec(localUri);
  const driver = m?.[1] ?? 'qemu';
  const path = m?.[2] ?? '/system';
  const transport = params['migration_transport'] ? `+${params['migration_transport']}` : '';
  const user = params['migration_user'] ? `${params['migration_user']}@` : '';
  return `${driver}${transport}://${user}${target}${params['migration_network_suffix'] ?? ''}${path}`;
}

/** The hypervisor's own migration URI (where the memory goes), if the parameters ask for one. */
export function migrationUri(target: string, params: Record<string, string>): string | undefined {
  if (params['migrateuri']) return expandTarget(params['migrateuri'], target);
  if (params['migration_network_suffix']) return `tcp://${target}${params['migration_network_suffix']}`;
  return undefined;
}

export function migrationTarget(ctx: AgentContext): string {
  const target = ctx.meta['migrate_target'];
  if (!target) fail(OCF_ERR_CONFIGURED, 'migrate_target is not set (this action is run by the cluster during a migration)');
  return target;
}
