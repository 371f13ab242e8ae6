// The parts of `pcs config` that come from outside the CIB's configuration sections: the
// cluster's name and its nodes as corosync and Pacemaker know them.

import { existsSync } from 'node:fs';
import { clusterName, corosyncNodes } from '../corosync/facade.js';
import { DEFAULT_COROSYNC_CONF, type LibraryEnvironment } from '../env.js';

export function hasCorosyncConf(env: LibraryEnvironment): boolean {
  return existsSync(env.corosyncConfFile ?? DEFAULT_COROSYNC_CONF);
}

/** corosync.conf's cluster name, else the cluster-name property, else nothing. */
export function clusterNameOf(env: LibraryEnvironment): string {
  if (hasCorosyncConf(env)) {
    try {
      const name = clusterName(env.readCorosyncConf());
      if (name) return name;
    } catch {
      // An unreadable corosync.conf leaves the CIB to name the cluster, as pcs does.
    }
  }
  let name = '';
  for (const p of env.getCib('config').scope('crm_config')?.descendants() ?? []) {
    if (p.name === 'nvpair' && p.get('name') === 'cluster-name') name = p.get('value') ?? '';
  }
  return name;
}

export function corosyncNodeNames(env: LibraryEnvironment): string[] {
  if (!hasCorosyncConf(env)) return [];
  return corosyncNodes(env.readCorosyncConf())
    .map((n) => n.name)
    .filter((n): n is string => !!n);
}

/** Cluster nodes (not Pacemaker Remote ones) in the CIB, sorted. */
export function pacemakerNodeNames(env: LibraryEnvironment): string[] {
  const nodes = env.getCib('config').scope('nodes')?.elements('node') ?? [];
  return nodes
    .filter((n) => n.get('type') !== 'remote')
    .map((n) => n.get('uname') ?? '')
    .sort();
}

/** Every nvpair of crm_config, the last value of a name winning (what pcs config lists). */
export function allCrmConfigPairs(env: LibraryEnvironment): Map<string, string> {
  const out = new Map<string, string>();
  for (const p of env.getCib('config').scope('crm_config')?.descendants() ?? []) {
    if (p.name === 'nvpair') out.set(p.get('name') ?? '', p.get('value') ?? '');
  }
  return out;
}
