// Ids used twice and references to what is not there: a constraint on a missing resource, an
// id-ref to a missing set, a primitive on a missing template, a tag of a missing object, a
// fencing level with a device that is not a fencing resource.

import type { Cib } from '../cib.js';
import type { CibProblem } from '../errors.js';
import { idIsReference } from '../ids.js';
import { elementPath } from '../patch/path.js';
import type { XmlElement } from '../xml/tree.js';

/** Every id defined twice or more in the configuration (references are not definitions). */
export function checkDuplicateIds(cib: Cib): CibProblem[] {
  const configuration = cib.root.first('configuration');
  if (!configuration) return [];
  const first = new Map<string, XmlElement>();
  const problems: CibProblem[] = [];
  // Node ids are Corosync's node names or numbers, not XML ids: a remote node has the id of
  // its connection resource. They need only be unique among nodes.
  const firstNode = new Map<string, XmlElement>();
  for (const el of configuration.descendants()) {
    const id = el.get('id');
    if (id === undefined || idIsReference(el)) continue;
    const seen = el.name === 'node' && el.parent?.name === 'nodes' ? firstNode : first;
    const earlier = seen.get(id);
    if (!earlier) {
      seen.set(id, el);
      continue;
    }
    problems.push({ code: 'DUPLICATE_ID', element: el.name, id, path: elementPath(el), firstElement: earlier.name, firstPath: elementPath(earlier) });
  }
  return problems;
}

const RESOURCE_ELEMENTS = new Set(['primitive', 'group', 'clone', 'master', 'bundle']);

/** What constraint attributes may name, as Pacemaker expands them: resources, templates, tags. */
const CONSTRAINED = 'a resource, template or tag';

/** Attributes of each constraint that name something constrained. */
const CONSTRAINT_TARGETS = new Map<string, readonly string[]>([
  ['rsc_location', ['rsc']],
  ['rsc_colocation', ['rsc', 'with-rsc']],
  ['rsc_order', ['first', 'then']],
  ['rsc_ticket', ['rsc']],
]);

/** Elements that may stand for a definition elsewhere through id-ref. */
const BY_ID_REF = new Set(['cluster_property_set', 'instance_attributes', 'meta_attributes', 'utilization', 'nvpair', 'rule', 'resource_set', 'operations']);

export function checkReferences(cib: Cib): CibProblem[] {
  const configuration = cib.root.first('configuration');
  if (!configuration) return [];
  const defined = new Map<string, XmlElement>();
  const nodes = new Set<string>();
  for (const el of configuration.descendants()) {
    const id = el.get('id');
    if (id === undefined || idIsReference(el)) continue;
    if (el.name === 'node' && el.parent?.name === 'nodes') nodes.add(id);
    else if (!defined.has(id)) defined.set(id, el);
  }
  const constrainable = (id: string) => {
    const el = defined.get(id);
    return el !== undefined && (RESOURCE_ELEMENTS.has(el.name) || el.name === 'template' || el.name === 'tag');
  };

  const problems: CibProblem[] = [];
  const dangling = (el: XmlElement, attribute: string, ref: string, expected: string) => {
    const id = el.get('id');
    problems.push({
      code: 'DANGLING_REFERENCE',
      element: el.name,
      ...(id === undefined || idIsReference(el) ? {} : { id }),
      path: elementPath(el),
      attribute,
      ref,
      expected,
    });
  };

  for (const el of configuration.descendants()) {
    const targets = CONSTRAINT_TARGETS.get(el.name);
    if (targets && el.parent?.name === 'constraints') {
      for (const a of targets) {
        const ref = el.get(a);
        if (ref !== undefined && !constrainable(ref)) dangling(el, a, ref, CONSTRAINED);
      }
    }
    switch (el.name) {
      case 'resource_ref': {
        const ref = el.get('id');
        if (ref !== undefined && !constrainable(ref)) dangling(el, 'id', ref, CONSTRAINED);
        break;
      }
      case 'obj_ref': {
        const ref = el.get('id');
        if (ref !== undefined && !defined.has(ref) && !nodes.has(ref)) dangling(el, 'id', ref, 'anything in the configuration');
        break;
      }
      case 'primitive': {
        const ref = el.get('template');
        if (ref !== undefined && defined.get(ref)?.name !== 'template') dangling(el, 'template', ref, 'a template');
        break;
      }
      case 'fencing-level':
        for (const device of (el.get('devices') ?? '').split(',')) {
          if (device === '') continue;
          const d = defined.get(device);
          if (d?.name !== 'primitive' || d.get('class') !== 'stonith') dangling(el, 'devices', device, 'a fencing device (a stonith primitive)');
        }
        break;
      case 'role':
      case 'role_ref':
        if (idIsReference(el)) {
          const ref = el.get('id')!;
          if (defined.get(ref)?.name !== 'acl_role') dangling(el, 'id', ref, 'an ACL role');
        }
        break;
    }
    const idRef = el.get('id-ref');
    if (idRef !== undefined && BY_ID_REF.has(el.name) && defined.get(idRef)?.name !== el.name) dangling(el, 'id-ref', idRef, `a <${el.name}>`);
  }
  return problems;
}
