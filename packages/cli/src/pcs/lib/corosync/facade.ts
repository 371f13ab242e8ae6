// What pcs reads from and writes into corosync.conf: the cluster name, the node list, and the
// option groups of `pcs cluster setup`. Sections may repeat in a file; as corosync does, the
// last value of an option wins, and pcs writes into the last section of a name.

import { isIP } from 'node:net';
import {
  COROSYNC_LOG_FILE,
  KNET_COMPRESSION_OPTIONS,
  KNET_CRYPTO_OPTIONS,
  KNET_GENERIC_OPTIONS,
  KNET_LINK_OPTION_NAMES,
  LINKS_MAX,
  NODE_OPTIONS,
  QUORUM_OPTIONS,
  TOTEM_OPTIONS,
  TRANSPORT_DEFAULT,
  TRANSPORTS_ALL,
  TRANSPORTS_KNET,
  TRANSPORTS_UDP,
  UDP_GENERIC_OPTIONS,
  UDP_LINK_OPTIONS,
} from './constants.js';
import { Section } from './config.js';

const TRANSPORTS_ALL_SET = new Set(TRANSPORTS_ALL);

export interface CorosyncNode {
  name: string | undefined;
  nodeid: string | undefined;
  /** [link number, address] in link order */
  addrs: [string, string][];
}

export interface NewNode {
  name: string;
  addrs: string[];
}

function optionValue(root: Section, section: string, option: string): string | undefined {
  let value: string | undefined;
  for (const s of root.sectionsNamed(section)) value = s.value(option) ?? value;
  return value;
}

function nodeData(node: Section): Map<string, string> {
  const data = new Map<string, string>();
  for (const [n, v] of node.attributes) if (NODE_OPTIONS.includes(n)) data.set(n, v);
  return data;
}

export function clusterName(root: Section): string {
  return optionValue(root, 'totem', 'cluster_name') ?? '';
}

export function transportOf(root: Section): string {
  return optionValue(root, 'totem', 'transport') || TRANSPORT_DEFAULT;
}

export function corosyncNodes(root: Section): CorosyncNode[] {
  const nodes: CorosyncNode[] = [];
  for (const list of root.sectionsNamed('nodelist')) {
    for (const node of list.sectionsNamed('node')) {
      const data = nodeData(node);
      if (!data.size) continue;
      const addrs: [string, string][] = [];
      for (let i = 0; i < LINKS_MAX; i++) {
        const a = data.get(`ring${i}_addr`);
        if (a) addrs.push([String(i), a]);
      }
      nodes.push({ name: data.get('name'), nodeid: data.get('nodeid'), addrs });
    }
  }
  return nodes;
}

function lastSection(parent: Section, name: string): Section {
  const list = parent.sectionsNamed(name);
  if (list.length) return list[list.length - 1]!;
  const s = new Section(name);
  parent.addSection(s);
  return s;
}

/** Sets options (sorted by name, as pcs writes them) in the last section; '' removes one. */
function setOptions(parent: Section, sectionName: string, options: Readonly<Record<string, string>>): void {
  const sections = parent.sectionsNamed(sectionName);
  const target = sections.length ? sections[sections.length - 1]! : lastSection(parent, sectionName);
  for (const s of sections.slice(0, -1)) for (const n of Object.keys(options)) s.delete(n);
  for (const n of Object.keys(options).sort()) {
    const v = options[n]!;
    if (v === '') target.delete(n);
    else target.set(n, v);
  }
}

function removeEmptySections(parent: Section): void {
  for (const s of [...parent.sections]) {
    removeEmptySections(s);
    const onlyLinknumber = s.name === 'interface' && s.attributes.every(([n]) => n === 'linknumber');
    if (s.empty || onlyLinknumber) parent.deleteSection(s);
  }
}

function updateTwoNode(root: Section): void {
  const hasDevice = root.sectionsNamed('quorum').some((q) => q.sectionsNamed('device').some((d) => d.value('model') !== undefined));
  const atb = optionValue(root, 'quorum', 'auto_tie_breaker') === '1';
  if (corosyncNodes(root).length === 2 && !atb && !hasDevice) setOptions(root, 'quorum', { two_node: '1' });
  else for (const q of root.sectionsNamed('quorum')) q.delete('two_node');
}

function linkOptionsToCorosync(options: Readonly<Record<string, string>>): Record<string, string> {
  const map = new Map(KNET_LINK_OPTION_NAMES.map(([user, coro]) => [user, coro]));
  const out: Record<string, string> = {};
  for (const [n, v] of Object.entries(options)) out[map.get(n) ?? n] = v;
  if ('broadcast' in out) {
    // corosync knows one value, "yes"; users give 1 or 0.
    if (out.broadcast === '1') out.broadcast = 'yes';
    else if (out.broadcast === '0' || out.broadcast === '') out.broadcast = '';
    else delete out.broadcast;
  }
  return out;
}

export interface SetupConfig {
  clusterName: string;
  nodes: NewNode[];
  transport: string;
  transportOptions: Record<string, string>;
  links: Record<string, string>[];
  compression: Record<string, string>;
  crypto: Record<string, string>;
  totem: Record<string, string>;
  quorum: Record<string, string>;
  clusterUuid?: string | undefined;
}

/** A new corosync.conf for `pcs cluster setup`, in the order pcs builds it. */
export function createCorosyncConf(c: SetupConfig): Section {
  const root = new Section('');
  const totem = new Section('totem');
  const nodelist = new Section('nodelist');
  const quorum = new Section('quorum');
  const logging = new Section('logging');
  for (const s of [totem, nodelist, quorum, logging]) root.addSection(s);
  totem.add('version', '2').add('cluster_name', c.clusterName).add('transport', c.transport);
  quorum.add('provider', 'corosync_votequorum');
  logging.add('to_logfile', 'yes').add('logfile', COROSYNC_LOG_FILE).add('to_syslog', 'yes').add('timestamp', 'on');
  c.nodes.forEach((n, i) => {
    const node = new Section('node');
    n.addrs.forEach((a, link) => node.add(`ring${link}_addr`, a));
    node.add('name', n.name).add('nodeid', String(i + 1));
    nodelist.addSection(node);
  });
  updateTwoNode(root);

  setOptions(root, 'totem', c.totem);
  removeEmptySections(root);
  setOptions(root, 'quorum', c.quorum);
  updateTwoNode(root);
  removeEmptySections(root);
  createLinks(root, c.links);
  if (TRANSPORTS_KNET.includes(c.transport)) {
    setOptions(root, 'totem', c.transportOptions);
    setOptions(root, 'totem', prefixed('knet_compression_', c.compression));
    setOptions(root, 'totem', prefixed('crypto_', c.crypto));
  } else if (TRANSPORTS_UDP.includes(c.transport)) {
    setOptions(root, 'totem', c.transportOptions);
  }
  removeEmptySections(root);
  if (c.clusterUuid !== undefined) setOptions(root, 'totem', { cluster_uuid: c.clusterUuid });
  return root;
}

function prefixed(prefix: string, options: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(options).map(([n, v]) => [prefix + n, v]));
}

/** Link options become interface sections in totem; links without a number take the free ones in order. */
function createLinks(root: Section, links: readonly Record<string, string>[]): void {
  const free = Array.from({ length: 8 }, (_, i) => i);
  const numbered: Record<string, string>[] = [];
  const unnumbered: Record<string, string>[] = [];
  for (const l of links) {
    if ('linknumber' in l) {
      const i = free.indexOf(Number(l.linknumber));
      if (i >= 0) free.splice(i, 1);
      numbered.push({ ...l });
    } else unnumbered.push(l);
  }
  for (const l of unnumbered) numbered.push({ ...l, linknumber: String(free.shift()) });
  numbered.sort((a, b) => (a.linknumber! < b.linknumber! ? -1 : a.linknumber! > b.linknumber! ? 1 : 0));
  for (const link of numbered) {
    if (!Object.keys(link).some((n) => n !== 'linknumber')) continue;
    const iface = new Section('interface');
    lastSection(root, 'totem').addSection(iface);
    for (const [n, v] of Object.entries(linkOptionsToCorosync(link)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      if (v === '') iface.delete(n);
      else iface.set(n, v);
    }
  }
  removeEmptySections(root);
}

/** corosync.conf in the structured form `pcs cluster config` shows (pcs's CorosyncConfDto). */
export interface CorosyncConfDto {
  cluster_name: string;
  cluster_uuid: string | null;
  transport: string;
  totem_options: Record<string, string>;
  transport_options: Record<string, string>;
  compression_options: Record<string, string>;
  crypto_options: Record<string, string>;
  nodes: { name: string; nodeid: string; addrs: { addr: string; link: string; type: 'IPv4' | 'IPv6' | 'FQDN' }[] }[];
  links_options: Record<string, Record<string, string>>;
  quorum_options: Record<string, string>;
  quorum_device: { model: string; model_options: Record<string, string>; generic_options: Record<string, string>; heuristics_options: Record<string, string> } | null;
}

function filterOptions(root: Section, section: string, allowed: readonly string[], prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const s of root.sectionsNamed(section)) {
    for (const [n, v] of s.attributes) if (n.startsWith(prefix) && allowed.includes(n.slice(prefix.length))) out[n.slice(prefix.length)] = v;
  }
  return out;
}

function linksOptions(root: Section, transport: string): Record<string, Record<string, string>> {
  const knet = TRANSPORTS_KNET.includes(transport);
  const allowed = knet ? KNET_LINK_OPTION_NAMES.map(([, coro]) => coro) : UDP_LINK_OPTIONS;
  const fromCorosync = new Map(KNET_LINK_OPTION_NAMES.map(([user, coro]) => [coro, user]));
  const raw: Record<string, Record<string, string>> = {};
  for (const totem of root.sectionsNamed('totem')) {
    for (const iface of totem.sectionsNamed('interface')) {
      const n = iface.value('linknumber') ?? '0';
      const opts = (raw[n] ??= {});
      for (const [name, value] of iface.attributes) if (allowed.includes(name)) opts[name] = value;
      if (knet) opts.linknumber = n;
    }
  }
  const out: Record<string, Record<string, string>> = {};
  for (const [n, opts] of Object.entries(raw)) {
    const user: Record<string, string> = {};
    for (const [name, value] of Object.entries(opts)) {
      const u = knet ? (fromCorosync.get(name) ?? name) : name;
      user[u] = u === 'broadcast' ? (value === 'yes' ? '1' : '0') : value;
    }
    out[n] = user;
  }
  return out;
}

export type CorosyncDtoProblem = 'missing-node-names' | 'missing-node-ids' | { transport: string };

export function corosyncConfDto(root: Section): CorosyncConfDto | CorosyncDtoProblem {
  const transport = transportOf(root);
  if (!TRANSPORTS_ALL_SET.has(transport)) return { transport };
  const nodes: CorosyncConfDto['nodes'] = [];
  for (const n of corosyncNodes(root)) {
    if (!n.name) return 'missing-node-names';
    if (!n.nodeid) return 'missing-node-ids';
    nodes.push({ name: n.name, nodeid: n.nodeid, addrs: n.addrs.map(([link, addr]) => ({ addr, link, type: isIP(addr) === 4 ? 'IPv4' : isIP(addr) === 6 ? 'IPv6' : 'FQDN' })) });
  }
  let quorumDevice: CorosyncConfDto['quorum_device'] = null;
  for (const q of root.sectionsNamed('quorum')) {
    for (const d of q.sectionsNamed('device')) {
      const model = d.value('model');
      if (model === undefined) continue;
      const generic: Record<string, string> = {};
      for (const [n, v] of d.attributes) if (n !== 'model') generic[n] = v;
      const modelOptions: Record<string, string> = {};
      for (const m of d.sectionsNamed(model)) for (const [n, v] of m.attributes) modelOptions[n] = v;
      const heuristics: Record<string, string> = {};
      for (const h of d.sectionsNamed('heuristics')) for (const [n, v] of h.attributes) heuristics[n] = v;
      quorumDevice = { model, model_options: modelOptions, generic_options: generic, heuristics_options: heuristics };
    }
  }
  const knet = TRANSPORTS_KNET.includes(transport);
  return {
    cluster_name: clusterName(root),
    cluster_uuid: optionValue(root, 'totem', 'cluster_uuid') ?? null,
    transport: transport.toUpperCase(),
    totem_options: filterOptions(root, 'totem', TOTEM_OPTIONS),
    transport_options: filterOptions(root, 'totem', knet ? KNET_GENERIC_OPTIONS : UDP_GENERIC_OPTIONS),
    compression_options: filterOptions(root, 'totem', KNET_COMPRESSION_OPTIONS, 'knet_compression_'),
    crypto_options: filterOptions(root, 'totem', KNET_CRYPTO_OPTIONS, 'crypto_'),
    nodes,
    links_options: linksOptions(root, transport),
    quorum_options: filterOptions(root, 'quorum', QUORUM_OPTIONS),
    quorum_device: quorumDevice,
  };
}
