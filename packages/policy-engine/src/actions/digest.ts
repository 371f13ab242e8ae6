// Operation digests: MD5 sums of an operation's parameters, compared with the ones recorded in
// the history to notice configuration changes (Pacemaker's pe_digest.c). The digest input is
// Pacemaker's own serialisation of a sorted <parameters> element, reproduced byte for byte.

import { createHash } from 'node:crypto';
import type { XmlElement } from '@hacluster/cib';
import type { DigestResult, Node, Resource, WorkingSet } from '../model/types.js';
import { customAction } from './action.js';
import { resourceParams } from '../unpack/params.js';
import { bundleRemoteName } from '../variants/bundle/remote-address.js';
import { opKey } from '../util/opkey.js';
import { memoByText } from '../util/memo.js';
import { eqCase } from '../util/strings.js';
import { compareVersions } from '../util/version.js';

/** Pacemaker's crm_xml_escape for attribute values in digests. */
function escapeValue(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    switch (c) {
      case '<':
        out += '&lt;';
        break;
      case '>':
        out += '&gt;';
        break;
      case '"':
        out += '&quot;';
        break;
      case "'":
        out += '&apos;';
        break;
      case '&':
        out += '&amp;';
        break;
      case '\t':
        out += '    ';
        break;
      case '\n':
        out += '\\n';
        break;
      case '\r':
        out += '\\r';
        break;
      default:
        out += c;
    }
  }
  return out;
}

/**
 * MD5 by input text: a resource's operation has the same parameters on every node it ran on (and
 * clone instances share theirs), so most inputs recur, and hashing costs more than the lookup.
 */
const md5Hex = memoByText((text) => createHash('md5').update(text, 'utf8').digest('hex'));

/** MD5 of " <parameters a="…" b="…"/>\n" with the attributes sorted by name. */
export function operationDigest(params: ReadonlyMap<string, string>): string {
  const names = [...params.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  let text = ' <parameters';
  for (const n of names) text += ` ${n}="${escapeValue(params.get(n)!)}"`;
  text += '/>\n';
  return md5Hex(text);
}

/** The meta-attribute form of a name (CRM_meta_<name>, dashes as underscores). */
export function metaName(name: string): string {
  let meta = metaNames.get(name);
  if (meta === undefined) {
    meta = `CRM_meta_${name.replace(/-/g, '_')}`;
    if (metaNames.size < 10_000) metaNames.set(name, meta);
  }
  return meta;
}

const metaNames = new Map<string, string>();

function addField(into: Map<string, string>, name: string, value: string): void {
  if (!into.has(name)) into.set(name, value);
}

function addMetaField(into: Map<string, string>, name: string, value: string): void {
  if (name.includes('#') || name.includes(':')) return;
  addField(into, metaName(name), value);
}

/** Removes meta-attributes and other non-parameters (keeping the timeout of recurring ops). */
export function filterForDigest(params: Map<string, string>): void {
  const interval = Number.parseInt(params.get('CRM_meta_interval') ?? '0', 10) || 0;
  const timeout = interval !== 0 ? params.get('CRM_meta_timeout') : undefined;
  for (const name of [...params.keys()]) {
    if (
      name.startsWith('CRM_meta_') ||
      name === 'id' ||
      name === 'crm_feature_set' ||
      name === 'op-digest' ||
      name === 'on_node' ||
      name === 'on_node_uuid' ||
      name === 'pcmk_external_ip'
    ) {
      params.delete(name);
    }
  }
  if (timeout !== undefined) params.set('CRM_meta_timeout', timeout);
}

const STONITH_HOST_PARAMS = new Set([
  'pcmk_action_limit',
  'pcmk_delay_base',
  'pcmk_delay_max',
  'pcmk_host_argument',
  'pcmk_host_check',
  'pcmk_host_list',
  'pcmk_host_map',
]);

/** Pacemaker's pcmk_stonith_param: fencer-only parameters of fence devices. */
export function isStonithParam(name: string): boolean {
  if (name === 'provides' || name === 'stonith-timeout') return false;
  if (!name.startsWith('pcmk_')) return false;
  if (STONITH_HOST_PARAMS.has(name)) return true;
  const rest = name.slice(5);
  const u = rest.indexOf('_');
  if (u < 0) return false;
  const suffix = rest.slice(u);
  return suffix === '_action' || suffix === '_timeout' || suffix === '_retries';
}

function removeListed(params: Map<string, string>, list: string, keepListed: boolean): void {
  for (const name of [...params.keys()]) {
    const listed = list.includes(` ${name} `);
    if (listed !== keepListed) params.delete(name);
  }
}

/** Pacemaker's pe__calculate_digests. */
export function calculateDigests(
  rsc: Resource,
  task: string,
  intervalMs: number,
  node: Node | undefined,
  xmlOp: XmlElement | undefined,
  calcSecure: boolean,
): DigestResult {
  const ws = rsc.cluster;
  const opVersion = xmlOp?.get('crm_feature_set') ?? ws.input.get('crm_feature_set') ?? '3.20.5';
  const params = resourceParams(rsc, node);
  const action = customAction(rsc, ws, opKey(rsc.id, task, intervalMs), task, node, true, false);
  const all = new Map<string, string>();
  // a bundle connection's "#uname" is its container's host (REMOTE_CONTAINER_HACK)
  const remoteName = bundleRemoteName(rsc);
  if (remoteName !== undefined) all.set('addr', remoteName);
  for (const [k, v] of params) addField(all, k, v);
  for (const [k, v] of action.extra) addField(all, k, v);
  for (const [k, v] of action.meta) addMetaField(all, k, v);
  filterForDigest(all);
  const result: DigestResult = {
    rc: intervalMs === 0 && action.extra.size > 0 ? 'restart' : 'match',
    allCalc: operationDigest(all),
    secureCalc: undefined,
    restartCalc: undefined,
  };
  if (calcSecure) {
    const oldVersion = compareVersions(opVersion, '3.16.0') < 0;
    const secureList = xmlOp === undefined ? ' passwd password user ' : xmlOp.get('op-secure-params');
    let secure: Map<string, string>;
    if (oldVersion) {
      secure = new Map();
      for (const [k, v] of params) addField(secure, k, v);
    } else {
      secure = new Map(all);
    }
    if (secureList !== undefined) removeListed(secure, secureList, false);
    if (oldVersion && eqCase(rsc.xml.get('class'), 'stonith')) {
      for (const name of [...secure.keys()]) if (isStonithParam(name)) secure.delete(name);
    }
    filterForDigest(secure);
    if (oldVersion) secure.delete('CRM_meta_timeout');
    result.secureCalc = operationDigest(secure);
  }
  if (xmlOp !== undefined && xmlOp.get('op-restart-digest') !== undefined) {
    const restart = new Map(all);
    const keep = xmlOp.get('op-force-restart');
    if (keep !== undefined) removeListed(restart, keep, true);
    result.restartCalc = operationDigest(restart);
  }
  return result;
}

function cachedDigests(rsc: Resource, task: string, intervalMs: number, node: Node, xmlOp: XmlElement | undefined, calcSecure: boolean): DigestResult {
  const key = opKey(rsc.id, task, intervalMs);
  let data = node.digestCache.get(key);
  if (data === undefined) {
    data = calculateDigests(rsc, task, intervalMs, node, xmlOp, calcSecure);
    node.digestCache.set(key, data);
  }
  return data;
}

/** Pacemaker's rsc_action_digest_cmp: how a history entry's digests compare with the config. */
export function compareDigests(rsc: Resource, xmlOp: XmlElement, node: Node): DigestResult {
  const ws = rsc.cluster;
  const task = xmlOp.get('operation') ?? '';
  const intervalMs = Number.parseInt(xmlOp.get('interval') ?? '0', 10) || 0;
  const digestAll = xmlOp.get('op-digest');
  const digestRestart = xmlOp.get('op-restart-digest');
  const data = cachedDigests(rsc, task, intervalMs, node, xmlOp, ws.flags.sanitized);
  if (digestRestart !== undefined && data.restartCalc !== undefined && data.restartCalc !== digestRestart) {
    data.rc = 'restart';
  } else if (digestAll === undefined) {
    data.rc = 'unknown';
  } else if (digestAll !== data.allCalc) {
    if (!(intervalMs === 0 && data.rc === 'restart')) data.rc = 'all';
  } else {
    data.rc = 'match';
  }
  return data;
}

/** Fence devices whose unfencing parameters are tracked. */
function unfencingDevices(rscs: readonly Resource[], out: Resource[]): Resource[] {
  for (const r of rscs) {
    if (r.children.length) unfencingDevices(r.children, out);
    else if (!r.fenceDevice) continue;
    else if (r.needsUnfencing) out.unshift(r);
    else if (eqCase(r.meta.get('provides'), 'unfencing')) out.unshift(r);
  }
  return out;
}

/**
 * The digests-all / digests-secure summaries of a node's fencing action, and whether any device's
 * parameters changed since the node was last unfenced.
 */
export function unfencingDigests(ws: WorkingSet, node: Node): { all: string; secure: string; changed: boolean } {
  let all = '';
  let secure = '';
  let changed = false;
  for (const dev of unfencingDevices(ws.resources, [])) {
    const agent = dev.meta.get('type') ?? '';
    const data = cachedDigests(dev, 'stonith-on', 0, node, undefined, true);
    const summaryAll = node.attrs.get('#digests-all');
    if (summaryAll === undefined) {
      data.rc = 'unknown';
    } else if (summaryAll.includes(`${dev.id}:${agent}:${data.allCalc}`)) {
      data.rc = 'match';
    } else {
      const summarySecure = node.attrs.get('#digests-secure');
      if (summarySecure !== undefined && data.secureCalc !== undefined && summarySecure.includes(`${dev.id}:${agent}:${data.secureCalc}`)) {
        data.rc = 'match';
      } else {
        data.rc = 'all';
      }
    }
    if (data.rc === 'all') changed = true;
    all += `${dev.id}:${agent}:${data.allCalc},`;
    secure += `${dev.id}:${agent}:${data.secureCalc ?? ''},`;
  }
  return { all, secure, changed };
}
