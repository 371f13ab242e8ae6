// An action's <attributes> in the transition graph (Pacemaker's add_action_attributes): its
// parameters and meta-attributes, sorted by name. Most actions of a large graph are a probe of one
// resource on each node, differing only in the node's name and uuid; so the sorted list is made
// once for all the actions that share their inputs, with holes where the node's values go.

import type { Action, Node, Resource } from '../model/types.js';
import { resourceParams } from '../unpack/params.js';
import { metaName } from '../actions/digest.js';
import { isGuestNode } from '../unpack/nodes.js';
import { currentNode } from '../unpack/resource-helpers.js';

/** The feature set this scheduler implements (upstream Pacemaker 3.x). */
export const SCHEDULER_FEATURE_SET = '3.20.5';

/** A node value an action's attributes name: CRM_meta_on_node (uname) and CRM_meta_on_node_uuid (id). */
export type NodeField = 'uname' | 'id';

/** An action's attributes with the node left open, shared by the actions that differ only in it. */
export interface AttributeTemplate {
  /** Parameters and meta-attributes sorted by name; at each hole the value is a placeholder. */
  readonly attributes: readonly (readonly [string, string])[];
  /** Where the node's values go: indexes into `attributes`, ascending. */
  readonly holes: readonly { readonly index: number; readonly field: NodeField }[];
  /** Parameters whose names start with a digit, written as <param name value/> children. */
  readonly params: readonly (readonly [string, string])[];
}

// Placeholders for the node's values while the list is built: an XML attribute value cannot hold
// NUL, so no real value equals them.
const PLACEHOLDER: Record<NodeField, string> = { uname: '\u0000uname', id: '\u0000id' };

/** The task an action stands for when deciding where it happens (notifications: the notified one). */
export function effectiveTask(action: Action): string | undefined {
  if (action.task === 'notify' || action.task === 'notified') return action.meta.get('notify_operation');
  return action.task;
}

function addValue(attrs: Map<string, string>, name: string, value: string): void {
  if (!attrs.has(name)) attrs.set(name, value);
}

function isNumbered(name: string): boolean {
  const c = name.charCodeAt(0);
  return c >= 48 && c <= 57;
}

function makeTemplate(action: Action, withNode: boolean): AttributeTemplate {
  const attrs = new Map<string, string>();
  attrs.set('crm_feature_set', SCHEDULER_FEATURE_SET);
  // (forEach rather than for-of: no [key, value] pair is made per entry)
  action.extra.forEach((v, k) => addValue(attrs, k, v));
  const params: [string, string][] = [];
  const resourceParameters = parametersOf(action);
  // a bundle connection's "#uname" address is its container's host (pcmk__substitute_remote_addr)
  let addr: string | undefined;
  if (action.node !== undefined && resourceParameters?.get('addr') === '#uname') addr = resourceParams(action.rsc!, undefined).get('addr');
  resourceParameters?.forEach((value, k) => {
    const v = k === 'addr' && addr !== undefined ? addr : value;
    if (isNumbered(k)) params.push([k, v]);
    else addValue(attrs, k, v);
  });
  action.meta.forEach((v, k) => {
    if (k.includes('#') || k.includes(':')) return;
    addValue(attrs, metaName(k), v);
  });
  if (withNode && action.node !== undefined) {
    addValue(attrs, 'CRM_meta_on_node', PLACEHOLDER.uname);
    addValue(attrs, 'CRM_meta_on_node_uuid', PLACEHOLDER.id);
  }
  // (fencing actions no longer carry the target node's attributes, as of Pacemaker 2.1.6)
  if (action.rsc !== undefined) {
    for (let p: Resource | undefined = action.rsc; p !== undefined; p = p.parent) p.methods.addGraphMeta(p, attrs);
    addGuestMeta(action, attrs);
  }
  // The names sorted by sort()'s own order (UTF-16 code units, as `<` compares strings), without
  // a comparator called back per comparison; names are unique, so stability does not matter.
  const names = [...attrs.keys()].sort();
  const attributes: (readonly [string, string])[] = [];
  const holes: { index: number; field: NodeField }[] = [];
  for (let index = 0; index < names.length; index++) {
    const name = names[index]!;
    const v = attrs.get(name)!;
    if (v === PLACEHOLDER.uname) holes.push({ index, field: 'uname' });
    else if (v === PLACEHOLDER.id) holes.push({ index, field: 'id' });
    attributes.push([name, v]);
  }
  return { attributes, holes, params };
}

/** The resource's instance parameters an action carries (those for its node, if it has one). */
function parametersOf(action: Action): ReadonlyMap<string, string> | undefined {
  if (action.rsc === undefined) return undefined;
  if (action.node !== undefined) return resourceParams(action.rsc, action.node);
  return action.rsc.variant === 'primitive' ? resourceParams(action.rsc, undefined) : undefined;
}

/** The attributes with an action's node values filled in. */
export function fillTemplate(template: AttributeTemplate, node: Node | undefined): [string, string][] {
  const out = template.attributes.map(([k, v]): [string, string] => [k, v]);
  for (const hole of template.holes) out[hole.index]![1] = node![hole.field];
  return out;
}

const NO_RESOURCE = {};
const NO_PARAMETERS = new Map<string, string>();

/**
 * The templates of one graph's actions. An action's attributes are a function of its resource
 * (and its parents' graph meta), its meta map, its resource's parameters for its node, its
 * operation's extra parameters, whether it names a node, and that node's name and uuid: actions
 * that share all but the node (the same maps, by identity: actions configured alike share them,
 * see actions/action-meta.ts) share a template. Valid while the working set stays as scheduled
 * (the graph is made once scheduling is done, and nothing changes these afterwards). Actions on
 * guest nodes are not shared: their attributes also name the guest's host.
 */
export class AttributeTemplates {
  // resource → meta → parameters → extra → [node not named, node named]
  private readonly byResource = new Map<object, Map<object, Map<object, Map<object, [AttributeTemplate?, AttributeTemplate?]>>>>();
  /**
   * The last template answered and what it was asked with: the graph lists a resource's actions
   * one after another (its probes on every node, mostly), so the next action usually shares it,
   * found with a few identity checks instead of four map lookups.
   */
  private last: { rsc: object; meta: object; parameters: object; extra: object; namesNode: boolean; template: AttributeTemplate } | undefined;

  get(action: Action, withNode: boolean): AttributeTemplate {
    if (action.node !== undefined && isGuestNode(action.node)) return makeTemplate(action, withNode);
    const rsc = action.rsc ?? NO_RESOURCE;
    const parameters = parametersOf(action) ?? NO_PARAMETERS;
    // (whether the node is named: an action without a node never is, and may share the rest)
    const namesNode = withNode && action.node !== undefined;
    const last = this.last;
    if (last !== undefined && last.rsc === rsc && last.meta === action.meta && last.parameters === parameters && last.extra === action.extra && last.namesNode === namesNode) {
      return last.template;
    }
    const byMeta = getOrAdd(this.byResource, rsc);
    const byParameters = getOrAdd(byMeta, action.meta);
    const byExtra = getOrAdd(byParameters, parameters);
    let pair = byExtra.get(action.extra);
    if (pair === undefined) {
      pair = [undefined, undefined];
      byExtra.set(action.extra, pair);
    }
    const template = (pair[namesNode ? 1 : 0] ??= makeTemplate(action, namesNode));
    this.last = { rsc, meta: action.meta, parameters, extra: action.extra, namesNode, template };
    return template;
  }
}

function getOrAdd<K, V>(map: Map<K, Map<object, V>>, key: K): Map<object, V> {
  let inner = map.get(key);
  if (inner === undefined) {
    inner = new Map();
    map.set(key, inner);
  }
  return inner;
}

/**
 * Pacemaker's pcmk__add_guest_meta_to_xml: an action on a guest node says which cluster node
 * hosts the guest then (its current host for actions taking things down, its next host for the
 * others), for agents that need the physical host.
 */
function addGuestMeta(action: Action, attrs: Map<string, string>): void {
  const guest = action.node;
  if (guest === undefined || !isGuestNode(guest)) return;
  const launcher = guest.remoteRsc!.container!;
  let host: Node | undefined;
  switch (effectiveTask(action)) {
    case 'stop':
    case 'stopped':
    case 'demote':
    case 'demoted':
      host = currentNode(launcher);
      break;
    case 'start':
    case 'running':
    case 'monitor':
    case 'promote':
    case 'promoted':
      host = launcher.assignedTo?.node;
      break;
    default:
      break;
  }
  if (host === undefined) return;
  const target = action.rsc!.meta.get('container-attribute-target');
  if (target !== undefined) attrs.set(metaName('container-attribute-target'), target);
  attrs.set(metaName('physical_host'), host.uname);
}
