// Typed view of <resources>: primitives, groups, clones (including promotable clones, written
// either as <clone> with promotable=true or as the legacy <master>), templates and bundles.
// Every object keeps its element, so edits can go back to the tree.

import type { IdIndex } from '../ids.js';
import { readNvSets, type NvSet } from '../nvsets.js';
import { parseBoolean } from '../options.js';
import { parseIntervalMs } from '../time/interval.js';
import type { XmlElement } from '../xml/tree.js';

export interface OperationConfig {
  element: XmlElement;
  id: string | undefined;
  name: string;
  /** As written ("10s", "0"); absent means 0. */
  interval: string;
  intervalMs: number;
  role: string | undefined;
  timeout: string | undefined;
  onFail: string | undefined;
  enabled: boolean;
  /** All attributes of the <op>, as written. */
  attributes: Record<string, string>;
  meta: NvSet[];
  instance: NvSet[];
}

interface ResourceBase {
  element: XmlElement;
  id: string;
  description: string | undefined;
  meta: NvSet[];
  instance: NvSet[];
  utilization: NvSet[];
}

export interface PrimitiveConfig extends ResourceBase {
  kind: 'primitive';
  class: string | undefined;
  provider: string | undefined;
  type: string | undefined;
  /** The template this primitive is based on, if any. */
  template: string | undefined;
  operations: OperationConfig[];
}

export interface TemplateConfig extends Omit<PrimitiveConfig, 'kind' | 'template'> {
  kind: 'template';
}

export interface GroupConfig extends ResourceBase {
  kind: 'group';
  children: PrimitiveConfig[];
}

export interface CloneConfig extends ResourceBase {
  kind: 'clone';
  /** Written as <master> (always promotable). */
  legacyMaster: boolean;
  child: PrimitiveConfig | GroupConfig | undefined;
}

export interface BundleConfig extends ResourceBase {
  kind: 'bundle';
  /** docker, podman or rkt, with its attributes. */
  container: { technology: string; attributes: Record<string, string> } | undefined;
  network: XmlElement | undefined;
  storage: XmlElement | undefined;
  primitive: PrimitiveConfig | undefined;
}

export type ResourceConfig = PrimitiveConfig | GroupConfig | CloneConfig | BundleConfig;

function base(el: XmlElement, ids: IdIndex | undefined): ResourceBase {
  return {
    element: el,
    id: el.get('id') ?? '',
    description: el.get('description'),
    meta: readNvSets(el, 'meta_attributes', ids),
    instance: readNvSets(el, 'instance_attributes', ids),
    utilization: readNvSets(el, 'utilization', ids),
  };
}

export function readOperations(el: XmlElement, ids?: IdIndex): OperationConfig[] {
  const ops = el.first('operations');
  if (!ops) return [];
  const out: OperationConfig[] = [];
  const source = ops.get('id-ref') !== undefined && ids ? (ids.get(ops.get('id-ref')!) ?? ops) : ops;
  for (const op of source.elements('op')) {
    const interval = op.get('interval') ?? '0';
    out.push({
      element: op,
      id: op.get('id'),
      name: op.get('name') ?? '',
      interval,
      intervalMs: parseIntervalMs(interval) ?? 0,
      role: op.get('role'),
      timeout: op.get('timeout'),
      onFail: op.get('on-fail'),
      enabled: parseBoolean(op.get('enabled')) ?? true,
      attributes: op.attributes(),
      meta: readNvSets(op, 'meta_attributes', ids),
      instance: readNvSets(op, 'instance_attributes', ids),
    });
  }
  return out;
}

export function readPrimitive(el: XmlElement, ids?: IdIndex): PrimitiveConfig {
  return {
    ...base(el, ids),
    kind: 'primitive',
    class: el.get('class'),
    provider: el.get('provider'),
    type: el.get('type'),
    template: el.get('template'),
    operations: readOperations(el, ids),
  };
}

function readTemplate(el: XmlElement, ids?: IdIndex): TemplateConfig {
  const { template: _t, kind: _k, ...rest } = readPrimitive(el, ids);
  return { ...rest, kind: 'template' };
}

export function readGroup(el: XmlElement, ids?: IdIndex): GroupConfig {
  return { ...base(el, ids), kind: 'group', children: el.elements('primitive').map((p) => readPrimitive(p, ids)) };
}

export function readClone(el: XmlElement, ids?: IdIndex): CloneConfig {
  const childEl = el.elements().find((c) => c.name === 'primitive' || c.name === 'group');
  return {
    ...base(el, ids),
    kind: 'clone',
    legacyMaster: el.name === 'master',
    child: childEl === undefined ? undefined : childEl.name === 'group' ? readGroup(childEl, ids) : readPrimitive(childEl, ids),
  };
}

export function readBundle(el: XmlElement, ids?: IdIndex): BundleConfig {
  const containerEl = el.elements().find((c) => c.name === 'docker' || c.name === 'podman' || c.name === 'rkt');
  const prim = el.first('primitive');
  return {
    ...base(el, ids),
    kind: 'bundle',
    container: containerEl ? { technology: containerEl.name, attributes: containerEl.attributes() } : undefined,
    network: el.first('network'),
    storage: el.first('storage'),
    primitive: prim ? readPrimitive(prim, ids) : undefined,
  };
}

export function readResource(el: XmlElement, ids?: IdIndex): ResourceConfig | undefined {
  switch (el.name) {
    case 'primitive':
      return readPrimitive(el, ids);
    case 'group':
      return readGroup(el, ids);
    case 'clone':
    case 'master':
      return readClone(el, ids);
    case 'bundle':
      return readBundle(el, ids);
    default:
      return undefined;
  }
}

export interface ResourcesSection {
  /** Top-level resources in document order. */
  resources: ResourceConfig[];
  templates: TemplateConfig[];
}

export function readResources(section: XmlElement | undefined, ids?: IdIndex): ResourcesSection {
  const resources: ResourceConfig[] = [];
  const templates: TemplateConfig[] = [];
  if (section) {
    for (const el of section.elements()) {
      if (el.name === 'template') templates.push(readTemplate(el, ids));
      else {
        const r = readResource(el, ids);
        if (r) resources.push(r);
      }
    }
  }
  return { resources, templates };
}

/** Is this clone promotable (legacy <master>, or meta promotable=true in any set)? */
export function isPromotable(clone: CloneConfig): boolean {
  if (clone.legacyMaster) return true;
  for (const set of clone.meta) for (const p of set.pairs) if (p.name === 'promotable') return parseBoolean(p.value) === true;
  return false;
}

/** Every primitive in a resource tree, depth first. */
export function primitivesOf(r: ResourceConfig): PrimitiveConfig[] {
  switch (r.kind) {
    case 'primitive':
      return [r];
    case 'group':
      return r.children;
    case 'clone':
      return r.child ? primitivesOf(r.child) : [];
    case 'bundle':
      return r.primitive ? [r.primitive] : [];
  }
}

/** The resource and all resources nested in it, parents before children. */
export function resourceTree(r: ResourceConfig): ResourceConfig[] {
  switch (r.kind) {
    case 'primitive':
      return [r];
    case 'group':
      return [r, ...r.children];
    case 'clone':
      return r.child ? [r, ...resourceTree(r.child)] : [r];
    case 'bundle':
      return r.primitive ? [r, r.primitive] : [r];
  }
}
