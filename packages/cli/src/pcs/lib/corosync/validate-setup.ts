// Checks on `pcs cluster setup`'s input before a corosync.conf is written: the cluster name,
// the nodes and their addresses (one per link, the same count on every node, no address used
// twice, no link mixing IPv4 and IPv6), and the option groups of each section.

import { isIP } from 'node:net';
import { all, isInteger, namesIn, valueIn, valueIntegerInRange, valueNonnegativeInteger, valueNotEmpty, type Options, type Validator } from '../validate.js';
import { error, forceable, type ReportItem } from '../reports/item.js';
import {
  IP_VERSIONS,
  KNET_COMPRESSION_OPTIONS,
  KNET_CRYPTO_OPTIONS,
  KNET_GENERIC_OPTIONS,
  KNET_LINK_OPTIONS,
  LINKS_KNET_MAX,
  LINKS_UDP_MAX,
  QUORUM_OPTIONS,
  TOTEM_OPTIONS,
  TRANSPORTS_ALL,
  TRANSPORTS_KNET,
  TRANSPORTS_UDP,
  UDP_GENERIC_OPTIONS,
  UDP_LINK_OPTIONS,
} from './constants.js';
import type { NewNode, SetupConfig } from './facade.js';

/** Characters that would break corosync.conf's structure. */
const BAD_VALUE = /[{}\n\r]/;
const OPTION_NAME = /^[-_/a-zA-Z0-9]+$/;

function corosyncValue(name: string, reportName = name): Validator {
  return (o) => {
    const v = o[name];
    if (v === undefined || !BAD_VALUE.test(v)) return [];
    return [error({ code: 'INVALID_OPTION_VALUE', optionName: reportName, optionValue: v, allowedValues: 'a value without {, } and line breaks', forbiddenCharacters: '{}\\n\\r' })];
  };
}

/** Names and values that would break the file, whatever the section. */
const unsuitable =
  (optionType: string): Validator =>
  (o) => {
    const names = Object.keys(o).filter((n) => !OPTION_NAME.test(n));
    const reports: ReportItem[] = [];
    if (names.length) reports.push(error({ code: 'INVALID_USERDEFINED_OPTIONS', optionNames: names.sort(), optionType, allowedCharacters: 'a-z A-Z 0-9 /_-' }));
    for (const [n, v] of Object.entries(o)) if (BAD_VALUE.test(v)) reports.push(...corosyncValue(n)(o));
    return reports;
  };

const portNumber = (name: string): Validator => valueIntegerInRange(name, 1, 65535);

function dependsOn(option: string, prerequisite: string, optionType: string): Validator {
  return (o) => (o[option] !== undefined && o[prerequisite] === undefined ? [error({ code: 'PREREQUISITE_OPTION_IS_MISSING', option, prerequisite, optionType })] : []);
}

type AddrType = 'ipv4' | 'ipv6' | 'name';
const addrType = (a: string): AddrType => (isIP(a) === 4 ? 'ipv4' : isIP(a) === 6 ? 'ipv6' : 'name');

/** The cluster name: not empty, usable in corosync.conf, and (forcibly) usable as a GFS2 lock table name. */
function validateClusterName(name: string, force: boolean): ReportItem[] {
  const reports = all(valueNotEmpty('name', '', { reportName: 'cluster name' }), corosyncValue('name', 'cluster name'))({ name });
  if (name && (name.length > 32 || !/^[a-zA-Z0-9_-]+$/.test(name))) reports.push(forceable({ code: 'COROSYNC_CLUSTER_NAME_INVALID_FOR_GFS2', clusterName: name, maxLength: 32, allowedCharacters: 'a-z A-Z 0-9 _-' }, force));
  return reports;
}

function validateNodes(nodes: readonly NewNode[], transport: string): ReportItem[] {
  const reports: ReportItem[] = [];
  if (!nodes.length) return [error({ code: 'COROSYNC_NODES_MISSING' })];
  const [min, max] = TRANSPORTS_KNET.includes(transport) ? [1, LINKS_KNET_MAX] : [1, LINKS_UDP_MAX];
  const names = new Map<string, number>();
  const addrs = new Map<string, number>();
  const empty = new Set<string>();
  nodes.forEach((node, i) => {
    reports.push(...all(valueNotEmpty('name', '', { reportName: `node ${i + 1} name` }), corosyncValue('name', `node ${i + 1} name`))({ name: node.name }));
    if (node.name) names.set(node.name, (names.get(node.name) ?? 0) + 1);
    if (TRANSPORTS_ALL.includes(transport) && (node.addrs.length < min || node.addrs.length > max)) {
      reports.push(error({ code: 'COROSYNC_BAD_NODE_ADDRESSES_COUNT', node: node.name, actual: node.addrs.length, min, max }));
    }
    for (const a of node.addrs) {
      if (a === '') empty.add(node.name);
      else addrs.set(a, (addrs.get(a) ?? 0) + 1);
    }
  });
  if (empty.size) reports.push(error({ code: 'NODE_ADDRESSES_CANNOT_BE_EMPTY', nodes: [...empty].sort() }));
  const dupNames = [...names].filter(([, c]) => c > 1).map(([n]) => n).sort();
  if (dupNames.length) reports.push(error({ code: 'NODE_NAMES_DUPLICATION', names: dupNames }));
  const dupAddrs = [...addrs].filter(([, c]) => c > 1).map(([a]) => a).sort();
  if (dupAddrs.length) reports.push(error({ code: 'NODE_ADDRESSES_DUPLICATION', addresses: dupAddrs }));
  if (!dupNames.length && nodes.every((n) => n.name) && !TRANSPORTS_UDP.includes(transport)) {
    const counts = new Set(nodes.map((n) => n.addrs.length));
    if (counts.size > 1) reports.push(error({ code: 'COROSYNC_NODE_ADDRESS_COUNT_MISMATCH', counts: Object.fromEntries(nodes.map((n) => [n.name, n.addrs.length])) }));
  }
  const links = Math.max(0, ...nodes.map((n) => n.addrs.length));
  const mixed: string[] = [];
  for (let link = 0; link < links; link++) {
    const types = new Set(nodes.map((n) => n.addrs[link]).filter((a): a is string => !!a).map(addrType));
    if (types.has('ipv4') && types.has('ipv6')) mixed.push(String(link));
  }
  if (mixed.length) reports.push(error({ code: 'COROSYNC_IP_VERSION_MISMATCH_IN_LINKS', links: mixed }));
  return reports;
}

function validateKnet(c: SetupConfig, linkCount: number): ReportItem[] {
  const reports = [
    ...all(
      namesIn(KNET_GENERIC_OPTIONS, 'knet transport'),
      unsuitable('knet transport'),
      valueIn('ip_version', IP_VERSIONS),
      valueNonnegativeInteger('knet_pmtud_interval'),
      valueIn('link_mode', ['active', 'passive', 'rr']),
    )(c.transportOptions),
    ...all(
      namesIn(KNET_COMPRESSION_OPTIONS, 'compression'),
      unsuitable('compression'),
      valueNonnegativeInteger('level'),
      valueNotEmpty('model', 'a compression model e.g. zlib, lz4 or bzip2'),
      valueNonnegativeInteger('threshold'),
    )(c.compression),
    ...all(
      namesIn(KNET_CRYPTO_OPTIONS, 'crypto'),
      unsuitable('crypto'),
      valueIn('cipher', ['none', 'aes256', 'aes192', 'aes128']),
      valueIn('hash', ['none', 'md5', 'sha1', 'sha256', 'sha384', 'sha512']),
      valueIn('model', ['nss', 'openssl']),
    )(c.crypto),
  ];
  if ((c.crypto.cipher ?? 'none') !== 'none' && (c.crypto.hash ?? 'none') === 'none') {
    reports.push(error({ code: 'PREREQUISITE_OPTION_MUST_BE_ENABLED_AS_WELL', option: 'cipher', prerequisite: 'hash', optionType: 'crypto' }));
  }
  const used = new Map<string, number>();
  for (const link of c.links) {
    const n = link.linknumber;
    if (n !== undefined) {
      used.set(n, (used.get(n) ?? 0) + 1);
      if (isInteger(n, 0, LINKS_KNET_MAX - 1) && Number(n) >= linkCount) {
        reports.push(error({ code: 'COROSYNC_LINK_DOES_NOT_EXIST_CANNOT_UPDATE', link: n, existing: Array.from({ length: linkCount }, (_, i) => String(i)) }));
      }
    }
    reports.push(
      ...all(
        namesIn(KNET_LINK_OPTIONS, 'link'),
        unsuitable('link'),
        valueIntegerInRange('link_priority', 0, 255),
        portNumber('mcastport'),
        valueNonnegativeInteger('ping_interval'),
        valueNonnegativeInteger('ping_precision'),
        valueNonnegativeInteger('ping_timeout'),
        valueNonnegativeInteger('pong_count'),
        valueIn('transport', ['sctp', 'udp']),
        valueIntegerInRange('linknumber', 0, LINKS_KNET_MAX - 1),
        dependsOn('ping_interval', 'ping_timeout', 'link'),
        dependsOn('ping_timeout', 'ping_interval', 'link'),
      )(link),
    );
  }
  const dup = [...used].filter(([, k]) => k > 1).map(([n]) => n);
  if (dup.length) reports.push(error({ code: 'COROSYNC_LINK_NUMBER_DUPLICATION', links: dup }));
  if (c.links.length > linkCount) reports.push(error({ code: 'COROSYNC_TOO_MANY_LINKS_OPTIONS', links: c.links.length, addresses: linkCount }));
  return reports;
}

function validateUdp(c: SetupConfig, linkCount: number): ReportItem[] {
  const reports = all(namesIn(UDP_GENERIC_OPTIONS, 'udp/udpu transport'), unsuitable('udp/udpu transport'), valueIn('ip_version', IP_VERSIONS), valueNonnegativeInteger('netmtu'))(
    c.transportOptions,
  );
  for (const [name, group] of [
    ['compression', c.compression],
    ['crypto', c.crypto],
  ] as const) {
    if (Object.keys(group).length) reports.push(error({ code: 'COROSYNC_TRANSPORT_UNSUPPORTED_OPTIONS', optionType: name, transport: 'udp/udpu', supported: ['knet'] }));
  }
  const link = c.links[0];
  if (link) {
    reports.push(
      ...all(
        namesIn(UDP_LINK_OPTIONS, 'link'),
        unsuitable('link'),
        valueIn('broadcast', ['0', '1']),
        portNumber('mcastport'),
        valueIntegerInRange('ttl', 0, 255),
      )(link),
    );
    if ((link.broadcast ?? '0') === '1' && link.mcastaddr !== undefined) {
      reports.push(error({ code: 'PREREQUISITE_OPTION_MUST_BE_DISABLED', option: 'mcastaddr', prerequisite: 'broadcast', optionType: 'link' }));
    }
    if (c.links.length > linkCount) reports.push(error({ code: 'COROSYNC_TOO_MANY_LINKS_OPTIONS', links: c.links.length, addresses: linkCount }));
  }
  return reports;
}

const totemValidator: Validator = all(
  namesIn(TOTEM_OPTIONS, 'totem'),
  unsuitable('totem'),
  valueIn('block_unlisted_ips', ['yes', 'no']),
  ...TOTEM_OPTIONS.filter((n) => n !== 'block_unlisted_ips').map((n) => valueNonnegativeInteger(n)),
);

function validateQuorum(o: Options): ReportItem[] {
  const reports = all(
    namesIn(QUORUM_OPTIONS, 'quorum'),
    unsuitable('quorum'),
    valueIn('auto_tie_breaker', ['0', '1']),
    valueIn('last_man_standing', ['0', '1']),
    valueNonnegativeInteger('last_man_standing_window'),
    valueIn('wait_for_all', ['0', '1']),
  )(o);
  if ((o.last_man_standing_window ?? '0') !== '0' && (o.last_man_standing ?? '0') === '0') {
    reports.push(error({ code: 'PREREQUISITE_OPTION_MUST_BE_ENABLED_AS_WELL', option: 'last_man_standing_window', prerequisite: 'last_man_standing', optionType: 'quorum' }));
  }
  return reports;
}

export function validateSetup(c: SetupConfig, force: boolean): ReportItem[] {
  const reports = [...validateClusterName(c.clusterName, force)];
  if (!TRANSPORTS_ALL.includes(c.transport)) {
    reports.push(error({ code: 'INVALID_OPTION_VALUE', optionName: 'transport', optionValue: c.transport, allowedValues: TRANSPORTS_ALL }));
  }
  reports.push(...validateNodes(c.nodes, c.transport));
  const linkCount = Math.max(0, ...c.nodes.map((n) => n.addrs.length));
  if (TRANSPORTS_KNET.includes(c.transport)) reports.push(...validateKnet(c, linkCount));
  else if (TRANSPORTS_UDP.includes(c.transport)) reports.push(...validateUdp(c, linkCount));
  reports.push(...totemValidator(c.totem), ...validateQuorum(c.quorum));
  return reports;
}
