// `pcs cluster setup … --corosync_conf FILE`: a new cluster's corosync.conf written to a file,
// without talking to any node (the only form that works here, with no pcsd).

import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { isIP } from 'node:net';
import { dnsPromises, writeFileAtomic } from '@hacluster/cib';
import type { LibraryEnvironment } from '../env.js';
import { error, forceable, info, LibraryError } from '../reports/item.js';
import { TRANSPORT_DEFAULT, TRANSPORTS_KNET } from '../corosync/constants.js';
import { createCorosyncConf, type NewNode, type SetupConfig } from '../corosync/facade.js';
import { validateSetup } from '../corosync/validate-setup.js';

export interface SetupInput {
  clusterName: string;
  /** addrs undefined: the node's name is its address */
  nodes: { name: string; addrs?: string[] | undefined }[];
  transport?: string | undefined;
  transportOptions?: Record<string, string>;
  links?: Record<string, string>[];
  compression?: Record<string, string>;
  crypto?: Record<string, string>;
  totem?: Record<string, string>;
  quorum?: Record<string, string>;
  noClusterUuid?: boolean;
  force?: boolean;
}

async function resolves(address: string): Promise<boolean> {
  if (isIP(address)) return true;
  try {
    await dnsPromises().lookup(address);
    return true;
  } catch {
    return false;
  }
}

/** The text of a new corosync.conf, after every check passed. */
export async function setupLocal(env: LibraryEnvironment, input: SetupInput): Promise<string> {
  const transport = input.transport ?? TRANSPORT_DEFAULT;
  const crypto = input.crypto && Object.keys(input.crypto).length ? input.crypto : TRANSPORTS_KNET.includes(transport) ? { cipher: 'aes256', hash: 'sha256' } : {};
  const nodes: NewNode[] = input.nodes.map((n) => {
    if (n.addrs !== undefined) return { name: n.name, addrs: n.addrs };
    env.reports.report(info({ code: 'COROSYNC_NODE_ADDRESS_DEFAULTED', node: n.name, address: n.name }));
    return { name: n.name, addrs: [n.name] };
  });
  const config: SetupConfig = {
    clusterName: input.clusterName,
    nodes,
    transport,
    transportOptions: input.transportOptions ?? {},
    links: input.links ?? [],
    compression: input.compression ?? {},
    crypto,
    totem: input.totem ?? {},
    quorum: input.quorum ?? {},
    clusterUuid: input.noClusterUuid ? undefined : randomUUID().replace(/-/g, ''),
  };
  const reports = validateSetup(config, input.force ?? false);
  const addresses = [...new Set(nodes.flatMap((n) => n.addrs).filter((a) => a !== ''))];
  const unresolvable: string[] = [];
  for (const a of addresses) if (!(await resolves(a))) unresolvable.push(a);
  if (unresolvable.length) reports.push(forceable({ code: 'NODE_ADDRESSES_UNRESOLVABLE', addresses: unresolvable.sort() }, input.force ?? false));
  env.reports.reportList(reports).throwOnErrors();
  return createCorosyncConf(config).export();
}

/** Writes a corosync.conf, refusing to replace an existing file unless told to. */
export function writeCorosyncConf(file: string, text: string, overwrite: boolean): void {
  if (existsSync(file) && !overwrite) throw new LibraryError(error({ code: 'FILE_ALREADY_EXISTS', file, overwriteOption: '--overwrite' }));
  try {
    writeFileAtomic(file, text);
  } catch (e) {
    throw new LibraryError(error({ code: 'FILE_IO_ERROR', file, operation: 'write', reason: e instanceof Error ? e.message : String(e) }));
  }
}
