// The whole configuration as typed data: one read of the tree that the scheduler and the
// tools work from.

import type { Cib } from '../cib.js';
import type { IdIndex } from '../ids.js';
import { readNvSets, type NvSet } from '../nvsets.js';
import type { XmlElement } from '../xml/tree.js';
import { readConstraints, type ConstraintConfig } from './constraints.js';
import { readResources, type ResourceConfig, type TemplateConfig } from './resources.js';

export interface NodeConfig {
  element: XmlElement;
  id: string;
  uname: string;
  /** member (default), remote, or the legacy ping/normal. */
  type: string | undefined;
  description: string | undefined;
  attributes: NvSet[];
  utilization: NvSet[];
}

export interface TagConfig {
  element: XmlElement;
  id: string;
  refs: string[];
}

export interface FencingLevelConfig {
  element: XmlElement;
  id: string;
  index: number;
  target: string | undefined;
  targetPattern: string | undefined;
  targetAttribute: string | undefined;
  targetValue: string | undefined;
  devices: string[];
}

export interface AlertConfig {
  element: XmlElement;
  id: string;
  path: string | undefined;
  description: string | undefined;
  recipients: { element: XmlElement; id: string; value: string | undefined }[];
}

export interface CibConfiguration {
  crmConfig: NvSet[];
  nodes: NodeConfig[];
  resources: ResourceConfig[];
  templates: TemplateConfig[];
  constraints: ConstraintConfig[];
  rscDefaults: NvSet[];
  opDefaults: NvSet[];
  tags: TagConfig[];
  fencingLevels: FencingLevelConfig[];
  alerts: AlertConfig[];
  /** The <acls> element, kept as XML: only tools edit it. */
  acls: XmlElement | undefined;
}

export function readNodes(section: XmlElement | undefined, ids?: IdIndex): NodeConfig[] {
  if (!section) return [];
  return section.elements('node').map((n) => ({
    element: n,
    id: n.get('id') ?? '',
    uname: n.get('uname') ?? n.get('id') ?? '',
    type: n.get('type'),
    description: n.get('description'),
    attributes: readNvSets(n, 'instance_attributes', ids),
    utilization: readNvSets(n, 'utilization', ids),
  }));
}

function readTags(section: XmlElement | undefined): TagConfig[] {
  if (!section) return [];
  return section.elements('tag').map((t) => ({
    element: t,
    id: t.get('id') ?? '',
    refs: t.elements('obj_ref').map((r) => r.get('id') ?? ''),
  }));
}

function readFencingLevels(section: XmlElement | undefined): FencingLevelConfig[] {
  if (!section) return [];
  return section.elements('fencing-level').map((l) => ({
    element: l,
    id: l.get('id') ?? '',
    index: Number.parseInt(l.get('index') ?? '0', 10),
    target: l.get('target'),
    targetPattern: l.get('target-pattern'),
    targetAttribute: l.get('target-attribute'),
    targetValue: l.get('target-value'),
    devices: (l.get('devices') ?? '').split(',').filter((d) => d !== ''),
  }));
}

function readAlerts(section: XmlElement | undefined): AlertConfig[] {
  if (!section) return [];
  return section.elements('alert').map((a) => ({
    element: a,
    id: a.get('id') ?? '',
    path: a.get('path'),
    description: a.get('description'),
    recipients: a.elements('recipient').map((r) => ({ element: r, id: r.get('id') ?? '', value: r.get('value') })),
  }));
}

export function readConfiguration(cib: Cib): CibConfiguration {
  const ids = cib.ids();
  const crm = cib.scope('crm_config');
  const { resources, templates } = readResources(cib.scope('resources'), ids);
  const rscDefaults = cib.scope('rsc_defaults');
  const opDefaults = cib.scope('op_defaults');
  return {
    crmConfig: crm ? readNvSets(crm, 'cluster_property_set', ids) : [],
    nodes: readNodes(cib.scope('nodes'), ids),
    resources,
    templates,
    constraints: readConstraints(cib.scope('constraints'), ids),
    rscDefaults: rscDefaults ? readNvSets(rscDefaults, 'meta_attributes', ids) : [],
    opDefaults: opDefaults ? readNvSets(opDefaults, 'meta_attributes', ids) : [],
    tags: readTags(cib.scope('tags')),
    fencingLevels: readFencingLevels(cib.scope('fencing-topology')),
    alerts: readAlerts(cib.scope('alerts')),
    acls: cib.scope('acls'),
  };
}
