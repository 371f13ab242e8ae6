// Typed view of <constraints>: rsc_location, rsc_colocation, rsc_order, rsc_ticket, each either
// between resources or over resource sets. Attribute values are kept as written; interpreting
// them (defaults, scores, roles) is the scheduler's business.

import type { IdIndex } from '../ids.js';
import { dereference, readRule } from '../rules/read.js';
import type { Rule } from '../rules/model.js';
import type { XmlElement } from '../xml/tree.js';

export interface ResourceSetConfig {
  element: XmlElement;
  id: string | undefined;
  sequential: string | undefined;
  requireAll: string | undefined;
  ordered: string | undefined;
  action: string | undefined;
  role: string | undefined;
  score: string | undefined;
  kind: string | undefined;
  /** The ids in its resource_ref elements, in order. */
  resources: string[];
}

interface ConstraintBase {
  element: XmlElement;
  id: string;
  sets: ResourceSetConfig[];
}

export interface LocationConfig extends ConstraintBase {
  kind: 'location';
  rsc: string | undefined;
  rscPattern: string | undefined;
  role: string | undefined;
  score: string | undefined;
  node: string | undefined;
  resourceDiscovery: string | undefined;
  rules: Rule[];
}

export interface ColocationConfig extends ConstraintBase {
  kind: 'colocation';
  rsc: string | undefined;
  withRsc: string | undefined;
  score: string | undefined;
  rscRole: string | undefined;
  withRscRole: string | undefined;
  nodeAttribute: string | undefined;
  influence: string | undefined;
}

export interface OrderConfig extends ConstraintBase {
  kind: 'order';
  first: string | undefined;
  then: string | undefined;
  firstAction: string | undefined;
  thenAction: string | undefined;
  orderKind: string | undefined;
  score: string | undefined;
  symmetrical: string | undefined;
  requireAll: string | undefined;
}

export interface TicketConfig extends ConstraintBase {
  kind: 'ticket';
  rsc: string | undefined;
  rscRole: string | undefined;
  ticket: string | undefined;
  lossPolicy: string | undefined;
}

export type ConstraintConfig = LocationConfig | ColocationConfig | OrderConfig | TicketConfig;

function readSets(el: XmlElement, ids?: IdIndex): ResourceSetConfig[] {
  return el.elements('resource_set').map((ref) => {
    const s = dereference(ref, ids);
    return {
      element: s,
      id: s.get('id'),
      sequential: s.get('sequential'),
      requireAll: s.get('require-all'),
      ordered: s.get('ordered'),
      action: s.get('action'),
      role: s.get('role'),
      score: s.get('score'),
      kind: s.get('kind'),
      resources: s.elements('resource_ref').map((r) => r.get('id') ?? ''),
    };
  });
}

export function readConstraint(el: XmlElement, ids?: IdIndex): ConstraintConfig | undefined {
  const common = { element: el, id: el.get('id') ?? '', sets: readSets(el, ids) };
  switch (el.name) {
    case 'rsc_location':
      return {
        ...common,
        kind: 'location',
        rsc: el.get('rsc'),
        rscPattern: el.get('rsc-pattern'),
        role: el.get('role'),
        score: el.get('score'),
        node: el.get('node'),
        resourceDiscovery: el.get('resource-discovery'),
        rules: el.elements('rule').map((r) => readRule(r, ids)),
      };
    case 'rsc_colocation':
      return {
        ...common,
        kind: 'colocation',
        rsc: el.get('rsc'),
        withRsc: el.get('with-rsc'),
        score: el.get('score'),
        rscRole: el.get('rsc-role'),
        withRscRole: el.get('with-rsc-role'),
        nodeAttribute: el.get('node-attribute'),
        influence: el.get('influence'),
      };
    case 'rsc_order':
      return {
        ...common,
        kind: 'order',
        first: el.get('first'),
        then: el.get('then'),
        firstAction: el.get('first-action'),
        thenAction: el.get('then-action'),
        orderKind: el.get('kind'),
        score: el.get('score'),
        symmetrical: el.get('symmetrical'),
        requireAll: el.get('require-all'),
      };
    case 'rsc_ticket':
      return {
        ...common,
        kind: 'ticket',
        rsc: el.get('rsc'),
        rscRole: el.get('rsc-role'),
        ticket: el.get('ticket'),
        lossPolicy: el.get('loss-policy'),
      };
    default:
      return undefined;
  }
}

export function readConstraints(section: XmlElement | undefined, ids?: IdIndex): ConstraintConfig[] {
  const out: ConstraintConfig[] = [];
  if (!section) return out;
  for (const el of section.elements()) {
    const c = readConstraint(el, ids);
    if (c) out.push(c);
  }
  return out;
}

/** Every resource id a constraint names, directly or through its sets. */
export function constraintResources(c: ConstraintConfig): string[] {
  const ids: string[] = [];
  const add = (v: string | undefined) => {
    if (v !== undefined) ids.push(v);
  };
  switch (c.kind) {
    case 'location':
    case 'ticket':
      add(c.rsc);
      break;
    case 'colocation':
      add(c.rsc);
      add(c.withRsc);
      break;
    case 'order':
      add(c.first);
      add(c.then);
      break;
  }
  for (const s of c.sets) ids.push(...s.resources);
  return ids;
}
