// Bundles: a container (docker, podman, rkt) with its network, port and storage mappings, and
// at most one primitive inside.

import { XmlElement, type Cib } from '@hacluster/cib';
import { deprecation, error, forceable, type ReportItem } from '../../reports/item.js';
import { sanitizeId } from '../../pacemaker/values.js';
import * as v from '../../validate.js';
import { appendNewNvset, META, type Pairs } from '../nvpair.js';
import { append, appendNew, type IdProvider } from '../tools.js';
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
  const sev = (m: Parameters<typeof forceable>[0]) => forceable(m, forced);
  const out: ReportItem[] = [];
  const idr = v.idReports(spec.id, 'bundle name');
  out.push(...(idr.length ? idr : ids.book(spec.id)));
  if (!CONTAINER_TYPES.includes(spec.containerType)) {
    out.push(error({ code: 'INVALID_OPTION_VALUE', optionName: 'container type', optionValue: spec.containerType, allowedValues: CONTAINER_TYPES }));
  } else {
    out.push(
      ...v.all(
        v.namesIn(CONTAINER_OPTIONS, 'container', sev),
        v.isRequiredAll(['image'], 'container'),
        v.valueNotEmpty('image', 'image name'),
        v.valueNonnegativeInteger('masters'),
        v.valueNonnegativeInteger('promoted-max'),
        v.mutuallyExclusive(['masters', 'promoted-max'], 'container'),
        v.valuePositiveInteger('replicas'),
        v.valuePositiveInteger('replicas-per-host'),
      )(spec.container),
    );
    if ('masters' in spec.container) out.push(deprecation({ code: 'DEPRECATED_OPTION', optionName: 'masters', replacedBy: ['promoted-max'], optionType: 'container' }));
  }
  out.push(...v.all(v.namesIn(NETWORK_OPTIONS, 'network', sev), v.valuePredicate('control-port', isPort, 'a port number (1..65535)'))(spec.network));
  for (const pm of spec.portMaps) {
    out.push(
      ...v.all(
        v.namesIn(PORT_MAP_OPTIONS, 'port-map', sev),
        v.valueId('id', 'port-map id', (id) => ids.exists(id)),
        v.isRequiredSome(['port', 'range'], 'port-map'),
        v.mutuallyExclusive(['port', 'range'], 'port-map'),
        v.valuePredicate('port', isPort, 'a port number (1..65535)'),
        v.valuePredicate('internal-port', isPort, 'a port number (1..65535)'),
        v.valuePredicate('range', (r) => /^[0-9]+-[0-9]+$/.test(r) && r.split('-').every(isPort), 'port-port', { severity: sev }),
      )(pm),
    );
    if ('internal-port' in pm && !('port' in pm)) out.push(error({ code: 'INVALID_OPTIONS', optionNames: ['internal-port'], allowed: [], optionType: "port-map (needs 'port')" }));
  }
  for (const sm of spec.storageMaps) {
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
    for (const pm of spec.portMaps) {
      const opts = { ...pm };
      if (opts['id'] === undefined) {
        const suffix = opts['port'] ?? opts['range'];
        if (suffix) opts['id'] = ids.allocate(sanitizeId(`${spec.id}-port-map-${suffix}`));
      }
      const el = XmlElement.create('port-mapping');
      setAttrs(el, opts);
      append(network, el);
    }
  }
  if (spec.storageMaps.length) {
    const storage = appendNew(bundle, 'storage');
    for (const sm of spec.storageMaps) {
      const opts = { ...sm };
      if (opts['id'] === undefined) opts['id'] = ids.allocate(`${spec.id}-storage-map`);
      const el = XmlElement.create('storage-mapping');
      setAttrs(el, opts);
      append(storage, el);
    }
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
  append(bundle, primitive);
}
