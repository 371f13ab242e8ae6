// What a <bundle> element configures (the first half of Pacemaker's pe__unpack_bundle): the
// container technology and its options, replicas, the network (ip-range-start, control port,
// port mappings) and the storage mappings.

import type { XmlElement } from '@hacluster/cib';
import type { BundleMount, BundlePort, ContainerAgent } from './data.js';
import { toBoolean } from '../../util/strings.js';

export interface BundleSettings {
  agent: ContainerAgent;
  promotedMax: number;
  nreplicas: number;
  nreplicasPerHost: number;
  image: string | undefined;
  containerCommand: string | undefined;
  launcherOptions: string | undefined;
  containerNetwork: string | undefined;
  ipRangeStart: string | undefined;
  hostNetmask: string | undefined;
  hostNetwork: string | undefined;
  controlPort: string | undefined;
  addHost: boolean;
  ports: BundlePort[];
  mounts: BundleMount[];
  /** No storage mapping targets /var/log, so the replica's log directory is mapped there. */
  needLogMount: boolean;
}

/** Pacemaker's pcmk__scan_min_int: the leading integer, at least `min` (`min` when unset or bad). */
function scanMinInt(value: string | undefined, min: number): number {
  if (value === undefined) return min;
  const m = /^\s*([+-]?\d+)/.exec(value);
  if (m === null) return min;
  return Math.max(min, Math.min(Number(m[1]), 2_147_483_647));
}

function containerElement(xml: XmlElement): { agent: ContainerAgent; el: XmlElement } | undefined {
  for (const agent of ['docker', 'rkt', 'podman'] as const) {
    const el = xml.first(agent);
    if (el !== undefined) return { agent, el };
  }
  return undefined;
}

/** The bundle's settings; undefined when it names no container technology. */
export function readBundleSettings(xml: XmlElement): BundleSettings | undefined {
  const found = containerElement(xml);
  if (found === undefined) return undefined;
  const { agent, el } = found;
  // "masters" is the name before Pacemaker 2.0
  const promotedMax = scanMinInt(el.get('promoted-max') ?? el.get('masters'), 0);
  const replicasValue = el.get('replicas');
  const nreplicas = replicasValue === undefined && promotedMax > 0 ? promotedMax : scanMinInt(replicasValue, 1);
  const s: BundleSettings = {
    agent,
    promotedMax,
    nreplicas,
    nreplicasPerHost: scanMinInt(el.get('replicas-per-host'), 1),
    image: el.get('image'),
    containerCommand: el.get('run-command'),
    launcherOptions: el.get('options'),
    containerNetwork: el.get('network'),
    ipRangeStart: undefined,
    hostNetmask: undefined,
    hostNetwork: undefined,
    controlPort: undefined,
    addHost: false,
    ports: [],
    mounts: [],
    needLogMount: true,
  };
  const network = xml.first('network');
  if (network !== undefined) {
    s.ipRangeStart = network.get('ip-range-start');
    s.hostNetmask = network.get('host-netmask');
    s.hostNetwork = network.get('host-interface');
    s.controlPort = network.get('control-port');
    s.addHost = toBoolean(network.get('add-host')) ?? true;
    for (const mapping of network.elements('port-mapping')) {
      const port = mapping.get('port');
      const source = port ?? mapping.get('range');
      // a range maps to the same range inside
      const target = port !== undefined ? mapping.get('internal-port') : undefined;
      if (source !== undefined && source !== '') s.ports.push({ source, target: target ?? source });
    }
  }
  const storage = xml.first('storage');
  for (const mapping of storage?.elements('storage-mapping') ?? []) {
    let source = mapping.get('source-dir');
    const subdir = source === undefined;
    source ??= mapping.get('source-dir-root');
    const target = mapping.get('target-dir');
    if (source === undefined || target === undefined) continue;
    s.mounts.push({ source, target, options: mapping.get('options'), subdir });
    if (target === '/var/log') s.needLogMount = false;
  }
  return s;
}

/**
 * Pacemaker's valid_network: the cluster can reach a bundled resource only through an IP range
 * or a control port (and with only a control port, one replica per host).
 */
export function validNetwork(s: BundleSettings): boolean {
  if (s.ipRangeStart !== undefined) return true;
  if (s.controlPort !== undefined) {
    if (s.nreplicasPerHost > 1) s.nreplicasPerHost = 1;
    return true;
  }
  return false;
}

/** The address after `last` in an ip-range (Pacemaker's next_ip; IPv4 only). */
export function nextIp(last: string): string | undefined {
  const m = /^\s*(\d+)\.(\d+)\.(\d+)\.(\d+)/.exec(last);
  if (m === null) return undefined;
  let [o1, o2, o3, o4] = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])];
  if (o3 > 253) return undefined;
  if (o4 > 253) {
    o3++;
    o4 = 1;
  } else {
    o4++;
  }
  return `${o1}.${o2}.${o3}.${o4}`;
}
