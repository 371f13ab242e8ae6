// Bundles: a container (docker, podman, rkt) with its network, port and storage mappings, and
// at most one primitive inside.

import { XmlElement, type Cib } from '@hacluster/cib';
import { deprecation, error, forceable, type ReportItem } from '../../reports/item.js';
import { sanitizeId } from '../../pacemaker/values.js';
import * as v from '../../validate.js';
import { appendNewNvset, arrangeFirstNvset, META, type Pairs } from '../nvpair.js';
import { append, appendNew, moveTo, remove, type IdProvider } from '../tools.js';
import { findResourceElement, notFoundReport } from './common.js';

export const CONTAINER_TYPES = ['docker', 'podman', 'rkt'];
const CONTAINER_OPTIONS = ['image', 'masters', 'network', 'options', 'promoted-max', 'run-command', 'replicas', 'replicas-per-host'];
const NETWORK_OPTIONS = ['control-port', 'host-interface', 'host-netmask', 'ip-range-start'];
const PORT_MAP_OPTIONS = ['id', 'port', 'internal-port', 'range'];
const STORAGE_MAP_OPTIONS = ['id', 'options', 'source-dir', 'source-dir-root', 'target-dir'];

type Opts = Record<string, string>;

export interface BundleSpec {
  id: string;
  containerType: string;
  container: Opts;
  network: Opts;
  portMaps: Opts[];
  storageMaps: Opts[];
  meta: Pairs;
}

const isPort = (s: string) => v.isInteger(s, 1, 65535);

export function validateNewBundle(ids: IdProvider, spec: BundleSpec, forced: boolean): ReportItem[] {
  const out: ReportItem[] = [];
  const idr = v.idReports(spec.id, 'bundle name');
  out.push(...(idr.length ? idr : ids.book(spec.id)));
  if (!CONTAINER_TYPES.includes(spec.containerType)) {
    out.push(error({ code: 'INVALID_OPTION_VALUE', optionName: 'container type', optionValue: spec.containerType, allowedValues: CONTAINER_TYPES }));
  } else {
    out.push(...validateContainerOptions(spec.container, forced));
  }
  out.push(...validateNetwork(spec.network, forced, false));
  out.push(...validateMaps(ids, spec.portMaps, spec.storageMaps, forced));
  return out;
}

const PORT = 'a port number (1..65535)';

function validateNetwork(network: Opts, forced: boolean, update: boolean): ReportItem[] {
  const sev = (m: Parameters<typeof forceable>[0]) => forceable(m, forced);
  const removing = Object.keys(network).filter((k) => network[k] === '');
  const allowed = update ? [...NETWORK_OPTIONS, ...removing] : NETWORK_OPTIONS;
  return v.all(
    v.namesIn(allowed, 'network', sev),
    v.valuePredicate('control-port', isPort, PORT, { emptyValid: update }),
    v.valuePredicate('host-netmask', (m) => v.isInteger(m, 1, 32), 'a number of bits of the mask (1..32)', { severity: sev, emptyValid: update }),
  )(network);
}

function validateMaps(ids: IdProvider, portMaps: readonly Opts[], storageMaps: readonly Opts[], forced: boolean): ReportItem[] {
  const sev = (m: Parameters<typeof forceable>[0]) => forceable(m, forced);
  const out: ReportItem[] = [];
  for (const pm of portMaps) {
    out.push(
      ...v.all(
        v.namesIn(PORT_MAP_OPTIONS, 'port-map', sev),
        v.valueId('id', 'port-map id', (id) => ids.exists(id)),
        v.isRequiredSome(['port', 'range'], 'port-map'),
        v.mutuallyExclusive(['port', 'range'], 'port-map'),
        v.valuePredicate('port', isPort, PORT),
        v.valuePredicate('internal-port', isPort, PORT),
        v.valuePredicate('range', (r) => /^[0-9]+-[0-9]+$/.test(r) && r.split('-').every(isPort) && Number(r.split('-')[0]) <= Number(r.split('-')[1]), 'port-port', { severity: sev }),
      )(pm),
    );
    if ('internal-port' in pm && !('port' in pm)) out.push(error({ code: 'PREREQUISITE_OPTION_IS_MISSING', option: 'internal-port', prerequisite: 'port', optionType: 'port-map' }));
  }
  for (const sm of storageMaps) {
    out.push(
      ...v.all(
        v.namesIn(STORAGE_MAP_OPTIONS, 'storage-map', sev),
        v.valueId('id', 'storage-map id', (id) => ids.exists(id)),
        v.isRequiredSome(['source-dir', 'source-dir-root'], 'storage-map'),
        v.mutuallyExclusive(['source-dir', 'source-dir-root'], 'storage-map'),
        v.isRequiredAll(['target-dir'], 'storage-map'),
      )(sm),
    );
  }
  return out;
}

/** The container element (docker, podman, rkt) of a bundle. */
export function containerOf(bundle: XmlElement): XmlElement | undefined {
  return bundle.elements().find((e) => CONTAINER_TYPES.includes(e.name));
}

function validateContainerOptions(options: Opts, forced: boolean): ReportItem[] {
  const sev = (m: Parameters<typeof forceable>[0]) => forceable(m, forced);
  const out = v.all(
    v.namesIn(CONTAINER_OPTIONS, 'container', sev),
    v.isRequiredAll(['image'], 'container'),
    v.valueNotEmpty('image', 'image name'),
    v.valueNonnegativeInteger('masters'),
    v.valueNonnegativeInteger('promoted-max'),
    v.mutuallyExclusive(['masters', 'promoted-max'], 'container'),
    v.valuePositiveInteger('replicas'),
    v.valuePositiveInteger('replicas-per-host'),
  )(options);
  if ('masters' in options) out.push(deprecation({ code: 'DEPRECATED_OPTION', optionName: 'masters', replacedBy: ['promoted-max'], optionType: 'container' }));
  return out;
}

const unsupportedContainer = (bundle: XmlElement) => error({ code: 'RESOURCE_BUNDLE_UNSUPPORTED_CONTAINER_TYPE', bundle: bundle.get('id') ?? '', supported: [...CONTAINER_TYPES].sort() });

/** `bundle reset`: the container must be one pcs handles; the new settings are checked as new ones. */
export function validateReset(ids: IdProvider, bundle: XmlElement, spec: Omit<BundleSpec, 'id' | 'containerType'>, forced: boolean): ReportItem[] {
  if (!containerOf(bundle)) return [unsupportedContainer(bundle)];
  return [...validateContainerOptions(spec.container, forced), ...validateNetwork(spec.network, forced, false), ...validateMaps(ids, spec.portMaps, spec.storageMaps, forced)];
}

/** Empties the bundle's settings, keeping the elements themselves (ACLs may allow editing only their content) and the image. */
export function resetToMinimal(bundle: XmlElement): void {
  const clear = (el: XmlElement, keep: string[]) => {
    for (const c of el.elements()) remove(c);
    for (const n of el.attributeNames()) if (!keep.includes(n)) el.remove(n);
  };
  for (const c of bundle.elements()) {
    if (c.name === 'network' || c.name === 'storage') clear(c, []);
    else if (c.name === META) clear(c, ['id']);
    else if (CONTAINER_TYPES.includes(c.name)) clear(c, ['image']);
  }
}

export interface BundleUpdate {
  container: Opts;
  network: Opts;
  portMapAdd: Opts[];
  portMapRemove: string[];
  storageMapAdd: Opts[];
  storageMapRemove: string[];
  meta: Pairs;
}

const reachableAfter = (network: XmlElement, options: Opts): boolean => {
  const removing = (o: string) => options[o] === '';
  const notAdding = (o: string) => options[o] === undefined;
  const port = network.get('control-port');
  const ip = network.get('ip-range-start');
  if (port && !ip && removing('control-port') && notAdding('ip-range-start')) return false;
  if (!port && ip && notAdding('control-port') && removing('ip-range-start')) return false;
  if (port && ip && removing('control-port') && removing('ip-range-start')) return false;
  return true;
};

function mapIdsExist(bundle: XmlElement, tag: string, label: string, wanted: readonly string[]): ReportItem[] {
  const present = new Set<string>();
  for (const el of bundle.descendants()) if (el.name === tag) present.add(el.get('id') ?? '');
  return wanted.filter((id) => !present.has(id)).map((id) => error({ code: 'ID_NOT_FOUND', id, expectedTypes: [label], contextType: 'bundle', contextId: bundle.get('id') ?? '' }));
}

export function validateUpdate(ids: IdProvider, bundle: XmlElement, u: BundleUpdate, forced: boolean): ReportItem[] {
  const sev = (m: Parameters<typeof forceable>[0]) => forceable(m, forced);
  const out: ReportItem[] = [];
  if (Object.keys(u.container).length) {
    const container = containerOf(bundle);
    if (!container) out.push(unsupportedContainer(bundle));
    else {
      const o = u.container;
      const removing = Object.keys(o).filter((k) => o[k] === '');
      out.push(
        ...v.all(
          v.namesIn([...CONTAINER_OPTIONS, ...removing], 'container', sev),
          v.valueNotEmpty('image', 'image name'),
          v.valueNonnegativeInteger('masters', { emptyValid: true }),
          v.valueNonnegativeInteger('promoted-max', { emptyValid: true }),
          v.valuePositiveInteger('replicas', { emptyValid: true }),
          v.valuePositiveInteger('replicas-per-host', { emptyValid: true }),
        )(o),
      );
      if (o.masters && o['promoted-max']) out.push(...v.mutuallyExclusive(['masters', 'promoted-max'], 'container')(o));
      if (o.masters) out.push(deprecation({ code: 'DEPRECATED_OPTION', optionName: 'masters', replacedBy: ['promoted-max'], optionType: 'container' }));
      if (o.masters && container.get('promoted-max') && o['promoted-max'] !== '') out.push(error({ code: 'PREREQUISITE_OPTION_MUST_NOT_BE_SET', option: 'masters', prerequisite: 'promoted-max', optionType: 'container' }));
      if (o['promoted-max'] && container.get('masters') && o.masters !== '') out.push(error({ code: 'PREREQUISITE_OPTION_MUST_NOT_BE_SET', option: 'promoted-max', prerequisite: 'masters', optionType: 'container' }));
    }
  }
  const network = bundle.first('network');
  if (!network) out.push(...validateNetwork(u.network, forced, false));
  else {
    const inner = bundle.first('primitive');
    if (inner && !reachableAfter(network, u.network)) out.push(forceable({ code: 'RESOURCE_IN_BUNDLE_NOT_ACCESSIBLE', bundle: bundle.get('id') ?? '', resource: inner.get('id') ?? '' }, forced));
    out.push(...validateNetwork(u.network, forced, true));
  }
  out.push(...validateMaps(ids, u.portMapAdd, u.storageMapAdd, forced));
  out.push(...mapIdsExist(bundle, 'port-mapping', 'port-map', u.portMapRemove), ...mapIdsExist(bundle, 'storage-mapping', 'storage-map', u.storageMapRemove));
  return out;
}

function updateAttrs(el: XmlElement, opts: Opts): void {
  for (const [k, val] of Object.entries(opts)) {
    if (val === '') el.remove(k);
    else el.set(k, val);
  }
}

function appendPortMap(network: XmlElement, ids: IdProvider, bundleId: string, pm: Opts): void {
  const opts = { ...pm };
  if (opts['id'] === undefined) {
    const suffix = opts['port'] ?? opts['range'];
    if (suffix) opts['id'] = ids.allocate(sanitizeId(`${bundleId}-port-map-${suffix}`));
  }
  const el = XmlElement.create('port-mapping');
  setAttrs(el, opts);
  append(network, el);
}

function appendStorageMap(storage: XmlElement, ids: IdProvider, bundleId: string, sm: Opts): void {
  const opts = { ...sm };
  if (opts['id'] === undefined) opts['id'] = ids.allocate(`${bundleId}-storage-map`);
  const el = XmlElement.create('storage-mapping');
  setAttrs(el, opts);
  append(storage, el);
}

/**
 * Changes a bundle's settings; its resource is left alone. network and storage elements are made
 * (at the end) only when they get content, and never removed once there.
 */
export function updateBundle(ids: IdProvider, bundle: XmlElement, u: BundleUpdate): void {
  const bundleId = bundle.get('id') ?? '';
  const container = containerOf(bundle);
  if (container) updateAttrs(container, u.container);
  const existingNetwork = bundle.first('network');
  const network = existingNetwork ?? XmlElement.create('network');
  updateAttrs(network, u.network);
  for (const pm of network.elements('port-mapping')) if (u.portMapRemove.includes(pm.get('id') ?? '')) remove(pm);
  if (!existingNetwork && (network.attributeNames().length || u.portMapAdd.length)) append(bundle, network);
  for (const pm of u.portMapAdd) appendPortMap(network, ids, bundleId, pm);
  const existingStorage = bundle.first('storage');
  for (const sm of existingStorage?.elements('storage-mapping') ?? []) if (u.storageMapRemove.includes(sm.get('id') ?? '')) remove(sm);
  let storage = existingStorage;
  if (!storage && u.storageMapAdd.length) storage = appendNew(bundle, 'storage');
  for (const sm of u.storageMapAdd) appendStorageMap(storage!, ids, bundleId, sm);
  if (u.meta.length) arrangeFirstNvset(META, bundle, u.meta, ids);
}

function setAttrs(el: XmlElement, opts: Opts): void {
  for (const [k, val] of Object.entries(opts)) if (val !== '') el.set(k, val);
}

export function appendBundle(resources: XmlElement, ids: IdProvider, spec: BundleSpec): XmlElement {
  const bundle = append(resources, XmlElement.create('bundle', { id: spec.id }));
  const container = XmlElement.create(spec.containerType);
  setAttrs(container, spec.container);
  append(bundle, container);
  if (Object.keys(spec.network).length || spec.portMaps.length) {
    const network = XmlElement.create('network');
    setAttrs(network, spec.network);
    append(bundle, network);
    for (const pm of spec.portMaps) appendPortMap(network, ids, spec.id, pm);
  }
  if (spec.storageMaps.length) {
    const storage = appendNew(bundle, 'storage');
    for (const sm of spec.storageMaps) appendStorageMap(storage, ids, spec.id, sm);
  }
  if (spec.meta.length) appendNewNvset(META, bundle, spec.meta, ids);
  return bundle;
}

const reachable = (bundle: XmlElement) => {
  const n = bundle.first('network');
  return !!n && (!!n.get('control-port') || !!n.get('ip-range-start'));
};

/** Checks a bundle can take a new resource: it exists, is empty, and can be reached. */
export function validateBundleForResource(cib: Cib, bundleId: string, resourceId: string, forced: boolean): ReportItem[] {
  const bundle = findResourceElement(cib, bundleId, ['bundle']);
  if (!bundle) return [notFoundReport(cib, bundleId, ['bundle'])];
  const inner = bundle.first('primitive');
  if (inner) return [error({ code: 'RESOURCE_BUNDLE_ALREADY_CONTAINS_A_RESOURCE', bundle: bundleId, resource: inner.get('id') ?? '' })];
  return reachable(bundle) ? [] : [forceable({ code: 'RESOURCE_IN_BUNDLE_NOT_ACCESSIBLE', bundle: bundleId, resource: resourceId }, forced)];
}

export function appendToBundle(bundle: XmlElement, primitive: XmlElement): void {
  moveTo(primitive, bundle);
}
