// The transition graph (Pacemaker's pcmk_graph_producer.c): one synapse per action that will run,
// in upstream's order (each resource's actions newest first, then the cluster's), with the
// actions it waits for as inputs. Written as the XML the controller (and crm_simulate -G) uses.

import { ActionFlag, OrderFlag, has } from '../model/flags.js';
import type { Action, ActionLink, Node, Resource, WorkingSet } from '../model/types.js';
import { clusterOption } from '../unpack/config.js';
import { findNode, isGuestNode, isGuestOrRemote } from '../unpack/nodes.js';
import { notifyKey, opKey } from '../util/opkey.js';
import { eqCase } from '../util/strings.js';
import { currentNode } from '../unpack/resource-helpers.js';
import { recheckTime } from '../util/rules.js';
import { AttributeTemplates, effectiveTask, fillTemplate, type AttributeTemplate } from './graph-attributes.js';

export { SCHEDULER_FEATURE_SET } from './graph-attributes.js';

/** One action in the graph (an action set member or an input trigger): its element and XML attributes. */
export interface GraphAction {
  element: 'rsc_op' | 'pseudo_event' | 'crm_event';
  id: number;
  attrs: [string, string][];
  action: Action;
}

/**
 * What the graph says about an action beyond its element (for the synapse's own action, not for
 * inputs). Computed when asked (graphToXml, the simulated execution), not kept: at 10,000
 * resources, keeping it for every action would weigh more than the rest of the graph.
 */
export interface GraphActionDetails {
  /** More attributes of the action's element itself (shutdown-lock), after GraphAction.attrs. */
  elementAttrs?: [string, string][];
  /** The resource element (<primitive …/>), for resource actions. */
  resource?: [string, [string, string][]];
  /** The action's parameters and meta-attributes, sorted. */
  attributes: [string, string][];
  /** Parameters whose names start with a digit, written as <param name value/> children. */
  params?: [string, string][];
  /** Nodes this action takes down (fencing, shutdown). */
  downed?: string[];
}

/** GraphActionDetails but the attributes (which the XML writer takes from their AttributeTemplate). */
export type GraphElementDetails = Omit<GraphActionDetails, 'attributes' | 'params'>;

export interface Synapse {
  id: number;
  priority: number;
  action: Action;
  inputs: Action[];
}

/**
 * The graph: synapses refer to actions; what the XML says about an action (its element and
 * attributes, and for a synapse's own action the details) is derived when asked, so a graph of
 * tens of thousands of actions costs little more than the actions themselves.
 */
export interface TransitionGraph {
  attrs: [string, string][];
  synapses: Synapse[];
  /** An action's element and attributes. */
  form: (action: Action) => GraphAction;
  /** The details of a synapse's action. */
  details: (action: Action) => GraphActionDetails;
  /** The details of a synapse's action but its attributes. */
  elementDetails: (action: Action) => GraphElementDetails;
  /** A synapse action's attributes, shared with the actions that differ from it only in their node. */
  attributeTemplate: (action: Action) => AttributeTemplate;
}

/** Collects synapses in order (Pacemaker's data_set->graph while it is built). */
export class GraphBuilder {
  readonly synapses: Synapse[] = [];
  constructor(readonly ws: WorkingSet) {}
}

function shouldAddActionToGraph(action: Action): boolean {
  if (!has(action.flags, ActionFlag.runnable)) return false;
  if (has(action.flags, ActionFlag.optional) && !has(action.flags, ActionFlag.printAlways)) return false;
  if (action.rsc !== undefined && !action.rsc.managed && action.task !== 'monitor') {
    const interval = action.meta.get('interval');
    if (interval === undefined || interval === '0') return false;
  }
  if (has(action.flags, ActionFlag.pseudo) || eqCase(action.task, 'stonith') || eqCase(action.task, 'do_shutdown')) return true;
  const node = action.node;
  if (node === undefined) return false;
  if (has(action.flags, ActionFlag.dc)) {
    // the DC runs it
  } else if (isGuestNode(node) && !node.remoteRequiresReset) {
    // a guest node reachable through its host
  } else if (!node.online) {
    return false;
  } else if (node.unclean) {
    return false;
  }
  return true;
}

function orderingCanChangeActions(link: ActionLink): boolean {
  return (link.type & ~(OrderFlag.impliesFirstPrinted | OrderFlag.impliesThenPrinted | OrderFlag.optional)) !== 0;
}

export function shouldAddInputToGraph(action: Action, input: ActionLink): boolean {
  const first = input.action;
  if (input.dumped) return true;
  if (input.type === OrderFlag.none) return false;
  if (!has(first.flags, ActionFlag.runnable) && !orderingCanChangeActions(input)) return false;
  if (!has(first.flags, ActionFlag.runnable) && has(input.type, OrderFlag.oneOrMore)) return false;
  if (has(input.type, OrderFlag.impliesFirstMigratable) && !has(first.flags, ActionFlag.runnable)) return false;
  if (has(input.type, OrderFlag.applyFirstNonMigratable) && has(first.flags, ActionFlag.migrateRunnable)) return false;
  if (input.type === OrderFlag.optional && has(first.flags, ActionFlag.migrateRunnable) && first.uuid.endsWith('_stop_0')) return false;
  if (input.type === OrderFlag.load) {
    const inputNode = first.node;
    if (action.rsc !== undefined && eqCase(action.task, 'migrate_to')) {
      const assigned = action.rsc.assignedTo?.node;
      if (inputNode === undefined || assigned === undefined || inputNode !== assigned) {
        input.type = OrderFlag.none;
        return false;
      }
    } else if (inputNode === undefined || action.node === undefined || inputNode !== action.node) {
      input.type = OrderFlag.none;
      return false;
    } else if (has(first.flags, ActionFlag.optional)) {
      input.type = OrderFlag.none;
      return false;
    }
  } else if (input.type === OrderFlag.antiColocation) {
    if (first.node !== undefined && action.node !== undefined && first.node !== action.node) {
      input.type = OrderFlag.none;
      return false;
    } else if (has(first.flags, ActionFlag.optional)) {
      input.type = OrderFlag.none;
      return false;
    }
  } else if (
    first.rsc !== undefined &&
    first.rsc !== action.rsc &&
    first.rsc.failed &&
    !first.rsc.managed &&
    first.uuid.endsWith('_stop_0') &&
    action.rsc !== undefined &&
    action.rsc.variant === 'clone'
  ) {
    return false;
  } else if (
    has(first.flags, ActionFlag.optional) &&
    !has(first.flags, ActionFlag.printAlways | ActionFlag.dumped) &&
    !shouldAddActionToGraph(first)
  ) {
    return false;
  }
  return true;
}

/**
 * Pacemaker's pcmk__graph_has_loop: whether the graph would wait in a circle if `input` were
 * written as an input of `action`, looking back from the input for `init`.
 */
export function graphHasLoop(init: Action, action: Action, input: ActionLink): boolean {
  const first = input.action;
  if (has(first.flags, ActionFlag.detectLoop)) return false;
  // inputs that will not be used cannot close a loop
  if (!shouldAddInputToGraph(action, input)) return false;
  if (first === init) return true;
  first.flags |= ActionFlag.detectLoop;
  let loop = false;
  for (let i = first.before.length - 1; i >= 0; i--) {
    if (graphHasLoop(init, first, first.before[i]!)) {
      loop = true;
      break;
    }
  }
  first.flags &= ~ActionFlag.detectLoop;
  return loop;
}

/** Sorts an action's inputs by id and merges duplicate links (Pacemaker's pcmk__deduplicate_action_inputs). */
function deduplicateInputs(action: Action): void {
  const links = action.before;
  // Highest id first, like upstream's list walked from the end; the sort is stable, so links to
  // one action stay oldest first and the newest, which upstream keeps, ends each run. Sorted in
  // place: nothing else walks the list meanwhile, and the old order is not needed afterwards.
  sortByIdDescending(links);
  let kept = 0;
  for (let start = 0; start < links.length; ) {
    const id = links[start]!.action.id;
    let end = start + 1;
    while (end < links.length && links[end]!.action.id === id) end++;
    const newest = links[end - 1]!;
    newest.dumped = false;
    for (let i = start; i < end - 1; i++) {
      const older = links[i]!;
      newest.type |= older.type;
      if (older.dumped) newest.dumped = true;
    }
    links[kept++] = newest;
    start = end;
  }
  links.length = kept;
}

/**
 * A stable sort of links by their action's id, highest first. Most lists come already in order
 * (links are made as actions are, oldest first, so usually with rising ids): those are turned
 * round or kept as they are, without the comparisons of a sort.
 */
function sortByIdDescending(links: ActionLink[]): void {
  let rising = true;
  let falling = true;
  for (let i = 1; i < links.length && (rising || falling); i++) {
    const step = links[i]!.action.id - links[i - 1]!.action.id;
    if (step <= 0) rising = false;
    if (step > 0) falling = false;
  }
  // (strictly rising: no two links to one action, whose order a reversal would swap)
  if (rising) links.reverse();
  else if (!falling) links.sort((a, b) => b.action.id - a.action.id);
}

function cloneOpKey(action: Action, intervalMs: number): string {
  const name = action.rsc!.cloneName!;
  if (action.task === 'notify') {
    return notifyKey(name, action.meta.get('notify_type') ?? '', action.meta.get('notify_operation') ?? '');
  }
  if (action.cancelTask !== undefined) return opKey(name, action.cancelTask, intervalMs);
  return opKey(name, action.task, intervalMs);
}

const resourceElements = new WeakMap<Resource, [string, [string, string][]]>();

function resourceElement(action: Action): [string, [string, string][]] {
  const rsc = action.rsc!;
  let element = resourceElements.get(rsc);
  if (element === undefined) {
    element = makeResourceElement(rsc);
    resourceElements.set(rsc, element);
  }
  return element;
}

function makeResourceElement(rsc: Resource): [string, [string, string][]] {
  const attrs: [string, string][] = [];
  if (rsc.orphan && rsc.cloneName !== undefined) {
    attrs.push(['id', rsc.cloneName], ['long-id', rsc.id]);
  } else if (!rsc.unique) {
    const xmlId = rsc.xml.get('id') ?? rsc.id;
    attrs.push(['id', xmlId]);
    attrs.push(['long-id', rsc.cloneName !== undefined && rsc.cloneName !== xmlId ? rsc.cloneName : rsc.id]);
  } else {
    attrs.push(['id', rsc.id]);
  }
  for (const name of ['class', 'provider', 'type']) {
    const v = rsc.meta.get(name);
    if (v !== undefined) attrs.push([name, v]);
  }
  return [rsc.xml.name, attrs];
}

function isFencingAction(op: string | undefined): boolean {
  return op === 'off' || op === 'reboot' || op === 'poweroff';
}

function downedNodes(ws: WorkingSet, action: Action): string[] | undefined {
  if (action.node === undefined) return undefined;
  if (eqCase(action.task, 'do_shutdown')) return [action.node.id];
  if (eqCase(action.task, 'stonith')) {
    if (!isFencingAction(action.meta.get('stonith_action'))) return undefined;
    const out = [action.node.id];
    // the guest nodes whose connections run on the fenced host, in the order the host's history
    // listed them (pe_foreach_guest_node walks the host's running resources)
    for (const rsc of action.node.runningRsc) {
      if (!rsc.isRemoteNode || rsc.container === undefined) continue;
      const guest = findNode(ws, rsc.id);
      if (guest !== undefined) out.push(guest.id);
    }
    return out;
  }
  if (action.rsc !== undefined && action.rsc.isRemoteNode && eqCase(action.task, 'stop')) {
    for (const link of action.before) {
      if (link.action.rsc !== undefined && link.action.rsc.id === action.rsc.id && eqCase(link.action.task, 'migrate_from')) {
        return undefined;
      }
    }
    return [action.rsc.id];
  }
  return undefined;
}

export function graphAction(action: Action): GraphAction {
  let element: GraphAction['element'];
  let needsNodeInfo = true;
  const attrs: [string, string][] = [];
  if (eqCase(action.task, 'stonith')) {
    element = has(action.flags, ActionFlag.pseudo) ? 'pseudo_event' : 'crm_event';
  } else if (eqCase(action.task, 'do_shutdown') || eqCase(action.task, 'clear_failcount')) {
    element = 'crm_event';
  } else if (action.task === 'lrm_delete') {
    element = 'crm_event';
    attrs.push(['mode', 'cib']);
  } else if (has(action.flags, ActionFlag.pseudo)) {
    element = 'pseudo_event';
    needsNodeInfo = false;
  } else {
    element = 'rsc_op';
  }
  attrs.push(['id', String(action.id)], ['operation', action.task]);
  if (action.rsc !== undefined && action.rsc.cloneName !== undefined) {
    const interval = Number.parseInt(action.meta.get('interval') ?? '0', 10) || 0;
    attrs.push(['operation_key', cloneOpKey(action, interval)], ['internal_operation_key', action.uuid]);
  } else {
    attrs.push(['operation_key', action.uuid]);
  }
  if (needsNodeInfo && action.node !== undefined) {
    attrs.push(['on_node', action.node.uname], ['on_node_uuid', action.node.id]);
    const router = routerNode(action);
    if (router !== undefined) attrs.push(['router_node', router.uname]);
  }
  return { element, id: action.id, attrs, action };
}

/** Whether the graph names the node an action runs on (all but plain pseudo-actions). */
function needsNodeInfo(action: Action): boolean {
  return !has(action.flags, ActionFlag.pseudo) || eqCase(action.task, 'stonith') || eqCase(action.task, 'do_shutdown') || eqCase(action.task, 'clear_failcount') || action.task === 'lrm_delete';
}

/** The details of a synapse's action but its attributes (see GraphElementDetails). */
export function graphElementDetails(ws: WorkingSet, action: Action): GraphElementDetails {
  const out: GraphElementDetails = {};
  if (action.rsc !== undefined && !has(action.flags, ActionFlag.pseudo)) {
    if (action.rsc.lockNode !== undefined && action.node === action.rsc.lockNode && !(action.node.shutdown && action.task !== 'stop')) {
      out.elementAttrs = [['shutdown-lock', String(action.rsc.lockTime)]];
    }
    out.resource = resourceElement(action);
  }
  if (needsNodeInfo(action) && action.node !== undefined) out.downed = downedNodes(ws, action);
  return out;
}

/** The attributes of a synapse's action, with its node left open (see AttributeTemplates). */
export function attributeTemplate(templates: AttributeTemplates, action: Action): AttributeTemplate {
  return templates.get(action, needsNodeInfo(action));
}

/** The details of a synapse's action (see GraphActionDetails). */
export function graphActionDetails(ws: WorkingSet, action: Action, templates = new AttributeTemplates()): GraphActionDetails {
  const template = attributeTemplate(templates, action);
  const out: GraphActionDetails = { ...graphElementDetails(ws, action), attributes: fillTemplate(template, action.node) };
  if (template.params.length) out.params = template.params.map(([k, v]) => [k, v]);
  return out;
}

/**
 * The cluster node that relays an action to a remote or guest node (Pacemaker's
 * pcmk__connection_host_for_action). While the connection moves, actions that must happen before
 * it goes down use its current host and the others its next one, except during a partial
 * migration of a remote connection, where everything waits for the target.
 */
function routerNode(action: Action): Node | undefined {
  const node = action.node;
  if (action.task === 'stonith' || node === undefined || !isGuestOrRemote(node)) return undefined;
  const connection = node.remoteRsc;
  if (connection === undefined) return undefined;
  const beganOn = currentNode(connection);
  const endedOn = connection.assignedTo?.node;
  if (beganOn === undefined) return endedOn;
  if (endedOn === undefined || beganOn === endedOn) return beganOn;
  const partialMigration = connection.container === undefined && connection.partialMigrationTarget !== undefined;
  const task = effectiveTask(action)?.toLowerCase();
  const down = task === 'cancel' || task === 'stop' || task === 'demote' || task === 'migrate_from' || task === 'migrate_to';
  return down && !partialMigration ? beganOn : endedOn;
}

function addActionToGraph(builder: GraphBuilder, action: Action): void {
  if (!has(action.flags, ActionFlag.dedup)) {
    deduplicateInputs(action);
    action.flags |= ActionFlag.dedup;
  }
  if (has(action.flags, ActionFlag.dumped) || !shouldAddActionToGraph(action)) return;
  action.flags |= ActionFlag.dumped;
  let priority = action.rsc?.priority ?? 0;
  if (action.priority > priority) priority = action.priority;
  const synapse: Synapse = { id: builder.synapses.length, priority, action, inputs: [] };
  builder.synapses.push(synapse);
  for (let i = action.before.length - 1; i >= 0; i--) {
    const input = action.before[i]!;
    if (shouldAddInputToGraph(action, input)) {
      input.dumped = true;
      synapse.inputs.push(input.action);
    }
  }
}

/** Pacemaker's pcmk__add_rsc_actions_to_graph (the addActionsToGraph method). */
export function addResourceActionsToGraph(rsc: Resource, builder: GraphBuilder): void {
  for (let i = rsc.actions.length - 1; i >= 0; i--) addActionToGraph(builder, rsc.actions[i]!);
  for (const child of rsc.children) child.methods.addActionsToGraph(child, builder);
}

/** The graph of a schedule that stopped before its actions (crm_verify's check). */
export function emptyGraph(ws: WorkingSet): TransitionGraph {
  return graphOf(ws, [], []);
}

function graphOf(ws: WorkingSet, attrs: [string, string][], synapses: Synapse[]): TransitionGraph {
  const templates = new AttributeTemplates();
  return {
    attrs,
    synapses,
    form: graphAction,
    details: (a) => graphActionDetails(ws, a, templates),
    elementDetails: (a) => graphElementDetails(ws, a),
    attributeTemplate: (a) => attributeTemplate(templates, a),
  };
}

/** Pacemaker's pcmk__create_graph. */
export function createGraph(ws: WorkingSet): TransitionGraph {
  const attrs: [string, string][] = [
    ['cluster-delay', clusterOption(ws, 'cluster-delay') ?? '60s'],
    ['fencing-timeout', clusterOption(ws, 'fencing-timeout') ?? '60s'],
    ['failed-stop-offset', 'INFINITY'],
    ['failed-start-offset', ws.flags.startFailureFatal ? 'INFINITY' : '1'],
    ['batch-limit', clusterOption(ws, 'batch-limit') ?? '0'],
    ['transition_id', '1'],
  ];
  const limit = clusterOption(ws, 'migration-limit');
  if (limit !== undefined && (Number.parseInt(limit, 10) || 0) > 0) attrs.push(['migration-limit', limit]);
  const recheckBy = recheckTime(ws);
  if (recheckBy > 0) attrs.push(['recheck-by', String(recheckBy)]);
  const builder = new GraphBuilder(ws);
  for (const rsc of ws.resources) rsc.methods.addActionsToGraph(rsc, builder);
  for (let i = ws.actions.length - 1; i >= 0; i--) addActionToGraph(builder, ws.actions[i]!);
  return graphOf(ws, attrs, builder.synapses);
}
