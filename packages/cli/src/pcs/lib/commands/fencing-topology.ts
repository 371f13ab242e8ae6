// Fencing levels (<fencing-topology><fencing-level>): which devices fence a target, in which
// order. Targets are a node, a node name pattern, or a node attribute.

import { XmlElement, type Cib } from '@hacluster/cib';
import { findResourceElement } from '../cib/resource/common.js';
import { append, IdProvider, remove, section } from '../cib/tools.js';
import type { LibraryEnvironment } from '../env.js';
import { sanitizeId } from '../pacemaker/values.js';
import { error, forceable, LibraryError, type ReportItem } from '../reports/item.js';
import { idReports } from '../validate.js';

export type Target = { type: 'node'; value: string } | { type: 'regexp'; value: string } | { type: 'attribute'; name: string; value: string };

export interface LevelView {
  target: Target;
  level: string;
  devices: string[];
}

const topologyOf = (cib: Cib) => section(cib, 'fencing-topology');

function matches(el: XmlElement, level?: string, target?: Target, devices?: string[]): boolean {
  if (level && el.get('index') !== level) return false;
  if (devices && devices.length && el.get('devices') !== devices.join(',')) return false;
  if (target) {
    if (target.type === 'node' && el.get('target') !== target.value) return false;
    if (target.type === 'regexp' && el.get('target-pattern') !== target.value) return false;
    if (target.type === 'attribute' && (el.get('target-attribute') !== target.name || el.get('target-value') !== target.value)) return false;
  }
  return true;
}

const isStonithDevice = (cib: Cib, id: string) => findResourceElement(cib, id, ['primitive'])?.get('class') === 'stonith';
const nodeNames = (cib: Cib) => (cib.scope('nodes')?.elements('node') ?? []).map((n) => n.get('uname') ?? '');

function validateDevices(cib: Cib, devices: string[], force: boolean, allowForce: boolean): ReportItem[] {
  const out: ReportItem[] = [];
  if (!devices.length) out.push(error({ code: 'REQUIRED_OPTIONS_ARE_MISSING', optionNames: ['stonith devices'], optionType: '' }));
  const missing: string[] = [];
  for (const d of devices) {
    const bad = idReports(d, 'device id');
    if (bad.length) out.push(...bad);
    else if (!isStonithDevice(cib, d)) missing.push(d);
  }
  if (missing.length) out.push(allowForce ? forceable({ code: 'STONITH_RESOURCES_DO_NOT_EXIST', ids: missing }, force) : error({ code: 'STONITH_RESOURCES_DO_NOT_EXIST', ids: missing }));
  return out;
}

export function addLevel(env: LibraryEnvironment, level: string, target: Target, devices: string[], force: boolean): void {
  const cib = env.getCib('stonith level add');
  const reports: ReportItem[] = [];
  const n = /^[+-]?[0-9]+$/.test(level.trim()) ? Number.parseInt(level, 10) : NaN;
  if (!(n > 0)) reports.push(error({ code: 'INVALID_OPTION_VALUE', optionName: 'level', optionValue: level, allowedValues: 'a positive integer' }));
  if (target.type === 'node' && !nodeNames(cib).includes(target.value)) reports.push(forceable({ code: 'NODE_NOT_FOUND', node: target.value }, force));
  reports.push(...validateDevices(cib, devices, force, true));
  env.reports.reportList(reports).throwOnErrors();
  const topology = topologyOf(cib);
  if (topology.elements('fencing-level').some((el) => matches(el, level, target, devices))) {
    throw new LibraryError(error({ code: 'CIB_FENCING_LEVEL_ALREADY_EXISTS', level, target: targetText(target), devices }));
  }
  const el = XmlElement.create('fencing-level', { index: String(n), devices: devices.join(',') });
  let idPart: string;
  if (target.type === 'node') {
    el.set('target', target.value);
    idPart = target.value;
  } else if (target.type === 'regexp') {
    el.set('target-pattern', target.value);
    idPart = target.value;
  } else {
    el.set('target-attribute', target.name);
    el.set('target-value', target.value);
    idPart = target.name;
  }
  el.set('id', new IdProvider(cib).allocate(sanitizeId(`fl-${idPart}-${n}`)));
  append(topology, el);
  env.pushCib(cib);
}

export const targetText = (t: Target) => (t.type === 'attribute' ? `${t.name}=${t.value}` : t.value);

/** Removes the levels matching what is given; `targetMayBeDevice` retries the target as a device (the old syntax). */
export function removeLevels(env: LibraryEnvironment, opts: { level?: string | undefined; target?: Target | undefined; devices?: string[] | undefined; ignoreIfMissing?: boolean; targetMayBeDevice?: boolean }): void {
  const cib = env.getCib('stonith level remove');
  const topology = cib.scope('fencing-topology');
  const find = (target?: Target, devices?: string[]) => (topology?.elements('fencing-level') ?? []).filter((el) => matches(el, opts.level, target, devices));
  if (!opts.targetMayBeDevice) {
    for (const d of opts.devices ?? []) {
      const bad = idReports(d, 'stonith id');
      if (bad.length) throw new LibraryError(bad[0]!);
    }
  }
  let found = find(opts.target, opts.devices);
  if (!found.length && opts.targetMayBeDevice && opts.target?.type === 'node') found = find(undefined, [opts.target.value, ...(opts.devices ?? [])]);
  if (!found.length) {
    if (opts.ignoreIfMissing) return;
    throw new LibraryError(
      error({ code: 'CIB_FENCING_LEVEL_DOES_NOT_EXIST', ...(opts.level ? { level: opts.level } : {}), ...(opts.target ? { target: targetText(opts.target) } : {}), devices: opts.devices ?? [] }),
    );
  }
  for (const el of found) remove(el);
  env.pushCib(cib);
}

export function removeAllLevels(env: LibraryEnvironment): void {
  const cib = env.getCib('stonith level clear');
  for (const el of cib.scope('fencing-topology')?.elements('fencing-level') ?? []) remove(el);
  env.pushCib(cib);
}

export function levelsConfig(env: LibraryEnvironment): LevelView[] {
  const cib = env.getCib('stonith level config');
  const out: LevelView[] = [];
  for (const el of cib.scope('fencing-topology')?.elements('fencing-level') ?? []) {
    let target: Target | undefined;
    if (el.has('target')) target = { type: 'node', value: el.get('target')! };
    else if (el.has('target-pattern')) target = { type: 'regexp', value: el.get('target-pattern')! };
    else if (el.has('target-attribute')) target = { type: 'attribute', name: el.get('target-attribute')!, value: el.get('target-value') ?? '' };
    if (target && (target.type === 'attribute' || target.value)) out.push({ target, level: el.get('index') ?? '', devices: (el.get('devices') ?? '').split(',') });
  }
  return out;
}

/** Every device and node a level names must exist. */
export function verifyLevels(env: LibraryEnvironment): void {
  const cib = env.getCib('stonith level verify');
  const devices = new Set<string>();
  const nodes = new Set<string>();
  for (const el of cib.scope('fencing-topology')?.elements('fencing-level') ?? []) {
    for (const d of (el.get('devices') ?? '').split(',')) devices.add(d);
    if (el.has('target')) nodes.add(el.get('target')!);
  }
  const reports: ReportItem[] = [];
  if (devices.size) reports.push(...validateDevices(cib, [...devices].sort(), false, false));
  for (const n of [...nodes].sort()) if (!nodeNames(cib).includes(n)) reports.push(error({ code: 'NODE_NOT_FOUND', node: n }));
  env.reports.reportList(reports).throwOnErrors();
}
