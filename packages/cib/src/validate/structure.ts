// Structural checks of the configuration, element by element: what Pacemaker's schema requires
// (ids, class and type of a primitive, name and interval of an op, members of a group, …) and
// the values it allows, each reported with the element, its id and its path.

import type { Cib } from '../cib.js';
import type { CibProblem } from '../errors.js';
import { idIsReference } from '../ids.js';
import { elementPath } from '../patch/path.js';
import { parseRole } from '../roles.js';
import { parseScore } from '../score.js';
import type { XmlElement } from '../xml/tree.js';

/** Elements that must carry an id (or, where noted in ID_REF_ALLOWED, an id-ref instead). */
const NEEDS_ID = new Set([
  'cluster_property_set',
  'instance_attributes',
  'meta_attributes',
  'utilization',
  'nvpair',
  'node',
  'primitive',
  'template',
  'group',
  'clone',
  'master',
  'bundle',
  'port-mapping',
  'storage-mapping',
  'op',
  'rule',
  'expression',
  'date_expression',
  'date_spec',
  'duration',
  'rsc_expression',
  'op_expression',
  'rsc_location',
  'rsc_colocation',
  'rsc_order',
  'rsc_ticket',
  'resource_set',
  'resource_ref',
  'fencing-level',
  'tag',
  'obj_ref',
  'alert',
  'recipient',
  'acl_target',
  'acl_group',
  'acl_role',
  'acl_permission',
]);

const ID_REF_ALLOWED = new Set(['cluster_property_set', 'instance_attributes', 'meta_attributes', 'utilization', 'nvpair', 'rule', 'resource_set']);

/** Node ids are Corosync's node numbers, not XML ids. */
const FREE_FORM_ID = new Set(['node']);

/** An XML name without a colon (xsd:ID), Unicode letters included. */
const NCNAME = /^[\p{L}_][\p{L}\p{M}\p{N}_.\-\u00B7]*$/u;

const RESOURCE_CLASSES = ['ocf', 'lsb', 'heartbeat', 'stonith', 'upstart', 'service', 'systemd', 'nagios'];
const EXPRESSION_OPERATIONS = ['lt', 'gt', 'lte', 'gte', 'eq', 'ne', 'defined', 'not_defined'];
const EXPRESSION_TYPES = ['string', 'integer', 'number', 'version'];
const DATE_OPERATIONS = ['in_range', 'date_spec', 'gt', 'lt'];
const ORDER_KINDS = ['Optional', 'Mandatory', 'Serialize'];
const ACTIONS = ['start', 'promote', 'demote', 'stop'];
const LOSS_POLICIES = ['stop', 'demote', 'fence', 'freeze'];
const ROLE_ATTRIBUTES = ['role', 'rsc-role', 'with-rsc-role'];

class Checker {
  readonly problems: CibProblem[] = [];

  private where(el: XmlElement): { element: string; id?: string; path: string } {
    const id = el.get('id');
    return id === undefined ? { element: el.name, path: elementPath(el) } : { element: el.name, id, path: elementPath(el) };
  }

  missing(el: XmlElement, attribute: string, detail?: string): void {
    this.problems.push({ code: 'MISSING_ATTRIBUTE', ...this.where(el), attribute, ...(detail === undefined ? {} : { detail }) });
  }

  require(el: XmlElement, attribute: string, detail?: string): void {
    if (!el.has(attribute)) this.missing(el, attribute, detail);
  }

  /** The attribute, when present, is one of `allowed` (compared as written). */
  oneOf(el: XmlElement, attribute: string, allowed: readonly string[]): void {
    const v = el.get(attribute);
    if (v !== undefined && !allowed.includes(v)) this.invalid(el, attribute, v, allowed.join(', '));
  }

  invalid(el: XmlElement, attribute: string, value: string, allowed: string): void {
    this.problems.push({ code: 'INVALID_VALUE', ...this.where(el), attribute, value, allowed });
  }

  noMembers(el: XmlElement, member: string): void {
    this.problems.push({ code: 'NO_MEMBERS', ...this.where(el), member });
  }

  cloneContent(el: XmlElement, count: number): void {
    this.problems.push({ code: 'CLONE_CONTENT', ...this.where(el), count });
  }

  id(el: XmlElement): void {
    const id = el.get('id');
    if (id === undefined) {
      if (NEEDS_ID.has(el.name) && !(ID_REF_ALLOWED.has(el.name) && el.has('id-ref'))) {
        this.problems.push({ code: 'MISSING_ID', element: el.name, path: elementPath(el) });
      }
      return;
    }
    if (!FREE_FORM_ID.has(el.name) && !NCNAME.test(id)) this.problems.push({ code: 'INVALID_ID', element: el.name, id, path: elementPath(el) });
  }

  score(el: XmlElement, attribute = 'score'): void {
    const v = el.get(attribute);
    if (v !== undefined && parseScore(v) === undefined) this.invalid(el, attribute, v, 'an integer, INFINITY or -INFINITY');
  }

  roles(el: XmlElement): void {
    for (const a of ROLE_ATTRIBUTES) {
      const v = el.get(a);
      if (v !== undefined && parseRole(v) === undefined) this.invalid(el, a, v, 'Started, Stopped, Promoted or Unpromoted (or Master, Slave)');
    }
  }
}

const isResource = (e: XmlElement) => e.name === 'primitive' || e.name === 'group';

/** Checks for each element kind; elements not listed need only their id. */
const CHECKS = new Map<string, (el: XmlElement, c: Checker) => void>(Object.entries({
  primitive(el, c) {
    if (el.has('template')) return;
    agent(el, c);
  },
  template: agent,
  op(el, c) {
    c.require(el, 'name');
    c.require(el, 'interval');
    c.roles(el);
  },
  nvpair(el, c) {
    if (!el.has('id-ref')) c.require(el, 'name');
  },
  node(el, c) {
    c.require(el, 'uname');
  },
  group(el, c) {
    if (el.elements('primitive').length === 0) c.noMembers(el, 'primitive');
  },
  clone: cloneContent,
  master: cloneContent,
  bundle(el, c) {
    if (!el.elements().some((e) => e.name === 'docker' || e.name === 'podman' || e.name === 'rkt')) {
      c.noMembers(el, 'container (docker, podman or rkt)');
    }
  },
  rsc_location(el, c) {
    const sets = el.elements('resource_set').length > 0;
    if (!sets && !el.has('rsc') && !el.has('rsc-pattern')) c.missing(el, 'rsc', 'nor rsc-pattern nor a resource_set');
    if (el.elements('rule').length === 0) {
      c.require(el, 'node', 'nor a rule');
      if (!el.has('score') && !el.has('score-attribute')) c.missing(el, 'score');
    }
    c.score(el);
    c.roles(el);
    c.oneOf(el, 'resource-discovery', ['always', 'never', 'exclusive']);
  },
  rsc_colocation(el, c) {
    if (el.elements('resource_set').length === 0) {
      c.require(el, 'rsc');
      c.require(el, 'with-rsc');
    }
    c.score(el);
    c.roles(el);
  },
  rsc_order(el, c) {
    if (el.elements('resource_set').length === 0) {
      c.require(el, 'first');
      c.require(el, 'then');
    }
    c.score(el);
    c.oneOf(el, 'kind', ORDER_KINDS);
    c.oneOf(el, 'first-action', ACTIONS);
    c.oneOf(el, 'then-action', ACTIONS);
  },
  rsc_ticket(el, c) {
    c.require(el, 'ticket');
    if (el.elements('resource_set').length === 0) c.require(el, 'rsc');
    c.roles(el);
    c.oneOf(el, 'loss-policy', LOSS_POLICIES);
  },
  resource_set(el, c) {
    if (el.has('id-ref')) return;
    if (el.elements('resource_ref').length === 0) c.noMembers(el, 'resource_ref');
    c.score(el);
    c.roles(el);
    c.oneOf(el, 'action', ACTIONS);
    c.oneOf(el, 'kind', ORDER_KINDS);
  },
  rule(el, c) {
    if (el.has('id-ref')) return;
    c.score(el);
    c.roles(el);
    const op = el.get('boolean-op');
    if (op !== undefined && op.toLowerCase() !== 'and' && op.toLowerCase() !== 'or') c.invalid(el, 'boolean-op', op, 'and, or');
  },
  expression(el, c) {
    c.require(el, 'attribute');
    c.require(el, 'operation');
    c.oneOf(el, 'operation', EXPRESSION_OPERATIONS);
    const op = el.get('operation');
    if (op !== 'defined' && op !== 'not_defined') c.require(el, 'value', `operation ${op ?? '(none)'} compares with a value`);
    const type = el.get('type');
    if (type !== undefined && !EXPRESSION_TYPES.includes(type.toLowerCase())) c.invalid(el, 'type', type, EXPRESSION_TYPES.join(', '));
  },
  date_expression(el, c) {
    const op = el.get('operation') ?? 'in_range';
    c.oneOf(el, 'operation', DATE_OPERATIONS);
    if (op === 'in_range' && !el.has('start') && !el.has('end')) c.missing(el, 'start', 'nor end, which in_range needs one of');
    if (op === 'gt') c.require(el, 'start', 'gt compares with it');
    if (op === 'lt') c.require(el, 'end', 'lt compares with it');
    if (op === 'date_spec' && !el.first('date_spec')) c.noMembers(el, 'date_spec');
  },
  'fencing-level'(el, c) {
    c.require(el, 'index');
    c.require(el, 'devices');
    if (!el.has('target') && !el.has('target-pattern') && !el.has('target-attribute')) {
      c.missing(el, 'target', 'nor target-pattern nor target-attribute');
    }
    if (el.has('target-attribute')) c.require(el, 'target-value', 'target-attribute needs it');
  },
  tag(el, c) {
    if (el.elements('obj_ref').length === 0) c.noMembers(el, 'obj_ref');
  },
  alert(el, c) {
    c.require(el, 'path');
  },
  recipient(el: XmlElement, c: Checker) {
    c.require(el, 'value');
  },
}));

function agent(el: XmlElement, c: Checker): void {
  c.require(el, 'class');
  c.require(el, 'type');
  c.oneOf(el, 'class', RESOURCE_CLASSES);
  if (el.get('class') === 'ocf') c.require(el, 'provider', 'an ocf agent is named by its provider too');
}

function cloneContent(el: XmlElement, c: Checker): void {
  const count = el.elements().filter(isResource).length;
  if (count !== 1) c.cloneContent(el, count);
}

/** Structural problems in the configuration section. */
export function checkStructure(cib: Cib): CibProblem[] {
  const c = new Checker();
  const configuration = cib.root.first('configuration');
  if (!configuration) return [{ code: 'MISSING_SECTION', section: 'configuration' }];
  for (const el of configuration.descendants()) {
    c.id(el);
    if (idIsReference(el)) continue;
    CHECKS.get(el.name)?.(el, c);
  }
  return c.problems;
}
