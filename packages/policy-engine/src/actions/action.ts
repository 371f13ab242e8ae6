// Creating and finding actions (Pacemaker's custom_action, find_actions, order_actions). Action
// ids are handed out in creation order, and every list keeps upstream's order, because the
// transition graph is written in that order.

import { Role } from '../model/role.js';
import type { Action, ActionLink, Node, Resource, WorkingSet } from '../model/types.js';
import { ActionFlag, OrderFlag, has } from '../model/flags.js';
import { opKey, parseOpKey } from '../util/opkey.js';
import { eqCase } from '../util/strings.js';
import { opConfig, unpackOperation } from './operation.js';
import { giveOwnMeta, setActionMeta } from './action-meta.js';
import { unpackNvpairs } from '../util/nvpairs.js';
import { isGuestNode } from '../unpack/nodes.js';
import { canFence, fenceNode } from '../unpack/fence.js';

/** Actions without instance attributes share this (never written: a map is made when needed). */
const NO_EXTRA: Map<string, string> = new Map();

/** Past this many links, orderActions indexes an action's "after" list. */
const AFTER_INDEX_MIN = 16;

function lookupList(ws: WorkingSet, rsc: Resource | undefined, key: string): Action[] | undefined {
  return rsc === undefined ? ws.nodeActionsByKey.get(key) : rsc.actionsByKey.get(key);
}

/**
 * Pacemaker's find_actions on a resource's (or the cluster's) actions: the actions with this key,
 * oldest first; with a node, those on that node, where an action without a node is taken to be on
 * it (and given it, as upstream does).
 */
export function findActions(ws: WorkingSet, rsc: Resource | undefined, key: string, node?: Node): readonly Action[] {
  const list = lookupList(ws, rsc, key);
  if (list === undefined) return NO_ACTIONS;
  if (node === undefined) return list;
  const out: Action[] = [];
  for (const a of list) {
    if (a.node === undefined) {
      a.node = node;
      out.push(a);
    } else if (a.node === node) {
      out.push(a);
    }
  }
  return out;
}

const NO_ACTIONS: readonly Action[] = [];

/** A new action's meta-attributes until it is given its own or a shared map (never written). */
const NO_META: ReadonlyMap<string, string> = new Map();

/**
 * The interval of an operation key. Most keys end in "_0" (probes, starts, stops, …): their
 * interval is 0 whatever the rest says, so only the others need parsing.
 */
function keyIntervalMs(key: string): number {
  if (key.endsWith('_0')) return 0;
  return parseOpKey(key)?.intervalMs ?? 0;
}

/** Past this many actions with one key (a probe per node, …), firstActionOn indexes them by node. */
const BY_NODE_MIN = 8;

/**
 * The first action on each node of a long list of actions with one key, covering the list's first
 * `covered` entries. Lists only grow (newAction appends), and an action's node, once set, stays:
 * only node-less actions are given one (by findActions and firstActionOn), so the index is exact
 * while `nodeless` is false.
 */
interface ByNodeIndex {
  byNode: Map<Node, Action>;
  covered: number;
  nodeless: boolean;
}

const byNodeIndexes = new WeakMap<readonly Action[], ByNodeIndex>();

function byNodeIndex(list: readonly Action[]): ByNodeIndex {
  let index = byNodeIndexes.get(list);
  if (index === undefined) {
    index = { byNode: new Map(), covered: 0, nodeless: false };
    byNodeIndexes.set(list, index);
  }
  for (; index.covered < list.length; index.covered++) {
    const a = list[index.covered]!;
    if (a.node === undefined) index.nodeless = true;
    else if (!index.byNode.has(a.node)) index.byNode.set(a.node, a);
  }
  return index;
}

/**
 * The first of findActions(ws, rsc, key, node), given the key's list, without building a list
 * (with the same effect: node-less matches are given the node). A resource's long lists (one probe
 * per node) are looked up by node, so creating an action on each of N nodes does not cost N² steps.
 */
function firstActionOn(list: readonly Action[] | undefined, rsc: Resource | undefined, node: Node | undefined): Action | undefined {
  if (list === undefined) return undefined;
  if (node === undefined) return list[0];
  const index = rsc !== undefined && list.length >= BY_NODE_MIN ? byNodeIndex(list) : undefined;
  if (index !== undefined && !index.nodeless) return index.byNode.get(node);
  let found: Action | undefined;
  for (const a of list) {
    if (a.node === undefined) {
      a.node = node;
      found ??= a;
    } else if (a.node === node) {
      found ??= a;
    }
  }
  if (index !== undefined) {
    // every action in the list has a node now
    byNodeIndexes.delete(list);
  }
  return found;
}

/** Pacemaker's find_actions_exact: with a node, and only actions already on it. */
export function findActionsExact(ws: WorkingSet, rsc: Resource | undefined, key: string, node: Node | undefined): Action[] {
  if (node === undefined) return [];
  const list = lookupList(ws, rsc, key);
  if (list === undefined) return [];
  return list.filter((a) => a.node === node);
}

/** Pacemaker's pe__resource_actions: a resource's actions of a task (interval 0). */
export function resourceActions(rsc: Resource, node: Node | undefined, task: string, requireNode: boolean): readonly Action[] {
  const key = opKey(rsc.id, task, 0);
  return requireNode ? findActionsExact(rsc.cluster, rsc, key, node) : findActions(rsc.cluster, rsc, key, node);
}

/** Past this many actions, findFirstAction finds a task through an index of the list by task. */
const BY_TASK_MIN = 16;

/**
 * A long action list's actions by lower-case task, oldest first, covering the list's first
 * `covered` entries. Lists only grow and an action's task is fixed when it is made, so the index
 * stays exact as it is extended. It spares the scans that find nothing (a group's "stopped" looked
 * for among each member's probes, once per ordering into the group).
 */
interface ByTaskIndex {
  byTask: Map<string, Action[]>;
  covered: number;
}

const byTaskIndexes = new WeakMap<readonly Action[], ByTaskIndex>();

function byTaskIndex(list: readonly Action[]): ByTaskIndex {
  let index = byTaskIndexes.get(list);
  if (index === undefined) {
    index = { byTask: new Map(), covered: 0 };
    byTaskIndexes.set(list, index);
  }
  for (; index.covered < list.length; index.covered++) {
    const a = list[index.covered]!;
    const task = a.task.toLowerCase();
    const same = index.byTask.get(task);
    if (same === undefined) index.byTask.set(task, [a]);
    else same.push(a);
  }
  return index;
}

/** Pacemaker's find_first_action on a list of actions (searched newest first), by task and/or key. */
export function findFirstAction(actions: readonly Action[], uuid: string | undefined, task: string | undefined, node?: Node): Action | undefined {
  if (uuid === undefined && task !== undefined && actions.length >= BY_TASK_MIN) {
    const sameTask = byTaskIndex(actions).byTask.get(task.toLowerCase());
    return sameTask === undefined ? undefined : scanForFirstAction(sameTask, undefined, task, node);
  }
  return scanForFirstAction(actions, uuid, task, node);
}

function scanForFirstAction(actions: readonly Action[], uuid: string | undefined, task: string | undefined, node: Node | undefined): Action | undefined {
  for (let i = actions.length - 1; i >= 0; i--) {
    const a = actions[i]!;
    if (uuid !== undefined && !eqCase(uuid, a.uuid)) continue;
    if (task !== undefined && !eqCase(task, a.task)) continue;
    if (node === undefined) return a;
    if (a.node === undefined) continue;
    if (a.node === node) return a;
  }
  return undefined;
}

/** A new action; one for the graph joins `sameKey`, the list of actions with its key (if any yet). */
function newAction(
  ws: WorkingSet,
  key: string,
  task: string,
  rsc: Resource | undefined,
  node: Node | undefined,
  optional: boolean,
  forGraph: boolean,
  sameKey: Action[] | undefined,
): Action {
  const action: Action = {
    id: -1,
    rsc,
    task,
    uuid: key,
    node,
    flags: ActionFlag.runnable | (optional ? ActionFlag.optional : 0),
    priority: 0,
    reason: undefined,
    cancelTask: undefined,
    needs: 'nothing',
    onFail: 'ignore',
    failRole: Role.unknown,
    opConfig: undefined,
    meta: NO_META,
    ownMeta: undefined,
    extra: NO_EXTRA,
    before: [],
    after: [],
    afterIndex: undefined,
    runnableBefore: 0,
    requiredRunnableBefore: 0,
  };
  if (eqCase(task, 'lrm_delete')) action.flags |= ActionFlag.dc;
  if (rsc !== undefined) {
    const intervalMs = keyIntervalMs(key);
    // (an action with this key and task has it already: a probe on an earlier node, …)
    const alike = sameKey?.[0];
    const config = alike?.opConfig !== undefined && alike.task === task ? alike.opConfig : opConfig(rsc, key, task, intervalMs);
    action.opConfig = config;
    // (unpackOperation gives the action a map of its own, or one shared with actions configured alike)
    unpackOperation(action, intervalMs, config);
  } else {
    giveOwnMeta(action);
  }
  if (forGraph) {
    action.id = ws.nextActionId++;
    ws.actions.push(action);
    if (sameKey !== undefined) sameKey.push(action);
    else (rsc === undefined ? ws.nodeActionsByKey : rsc.actionsByKey).set(key, [action]);
    if (rsc === undefined) ws.singletons.set(key, action);
    else rsc.actions.push(action);
  }
  return action;
}

function unpackActionNodeAttributes(action: Action): void {
  const entry = action.opConfig?.entry;
  if (has(action.flags, ActionFlag.haveNodeAttrs) || entry === undefined) return;
  const ws = action.rsc!.cluster;
  action.flags |= ActionFlag.haveNodeAttrs;
  if (action.extra === NO_EXTRA) action.extra = new Map();
  unpackNvpairs(
    entry,
    'instance_attributes',
    { now: { epoch: ws.now, offset: ws.nowOffset }, nodeAttributes: action.node!.attrs },
    action.extra,
    ws.idIndex,
  );
}

function updateActionOptional(action: Action, optional: boolean): void {
  const rsc = action.rsc;
  if (rsc !== undefined && action.node !== undefined && !has(action.flags, ActionFlag.pseudo) && !rsc.managed && !action.meta.has('interval')) {
    action.flags |= ActionFlag.optional;
  } else if (!optional) {
    action.flags &= ~ActionFlag.optional;
  }
}

type QuorumPolicy = 'stop' | 'freeze' | 'ignore' | 'demote' | 'suicide';

function effectiveQuorumPolicy(rsc: Resource, ws: WorkingSet): QuorumPolicy {
  let policy: QuorumPolicy = ws.noQuorumPolicy;
  if (ws.flags.haveQuorum) {
    policy = 'ignore';
  } else if (ws.noQuorumPolicy === 'demote') {
    if (rsc.role === Role.promoted || rsc.role === Role.unpromoted) {
      if (rsc.nextRole > Role.unpromoted) rsc.nextRole = Role.unpromoted;
      policy = 'ignore';
    } else {
      policy = 'stop';
    }
  }
  return policy;
}

/** Sets the reason shown in the transition summary ("due to …"). */
export function setActionReason(action: Action, reason: string | undefined, overwrite: boolean): void {
  if (action.reason !== undefined && !overwrite) return;
  action.reason = reason;
}

function updateResourceActionRunnable(action: Action, forGraph: boolean): void {
  const rsc = action.rsc!;
  const ws = rsc.cluster;
  if (has(action.flags, ActionFlag.pseudo)) return;
  const node = action.node;
  if (node === undefined) {
    action.flags &= ~ActionFlag.runnable;
  } else if (!has(action.flags, ActionFlag.dc) && !node.online && (!isGuestNode(node) || node.remoteRequiresReset)) {
    action.flags &= ~ActionFlag.runnable;
    if (rsc.managed && forGraph && eqCase(action.task, 'stop') && !node.unclean) {
      fenceNode(ws, node, 'stop is unrunnable', false);
    }
  } else if (!has(action.flags, ActionFlag.dc) && node.pending) {
    action.flags &= ~ActionFlag.runnable;
  } else if (action.needs === 'nothing') {
    setActionReason(action, undefined, true);
    if (isGuestNode(node) && !canFence(ws, node)) action.flags &= ~ActionFlag.runnable;
    else action.flags |= ActionFlag.runnable;
  } else {
    switch (effectiveQuorumPolicy(rsc, ws)) {
      case 'stop':
        action.flags &= ~ActionFlag.runnable;
        setActionReason(action, 'no quorum', true);
        break;
      case 'freeze':
        if (!rsc.methods.active(rsc, true) || rsc.nextRole > rsc.role) {
          action.flags &= ~ActionFlag.runnable;
          setActionReason(action, 'quorum freeze', true);
        }
        break;
      default:
        action.flags |= ActionFlag.runnable;
    }
  }
}

function updateResourceFlagsForAction(rsc: Resource, action: Action): void {
  if (eqCase(action.task, 'stop')) {
    rsc.stopping = true;
  } else if (eqCase(action.task, 'start')) {
    rsc.starting = has(action.flags, ActionFlag.runnable);
  }
}

/**
 * Pacemaker's custom_action: the action with this key on this node, created if needed. A saved
 * action joins the graph's action list and gets the next id; an unsaved one is a throwaway used to
 * read an operation's configuration.
 */
export function customAction(
  rsc: Resource | undefined,
  ws: WorkingSet,
  key: string,
  task: string,
  node: Node | undefined,
  optional: boolean,
  save = true,
): Action {
  let action: Action | undefined;
  // (one lookup of the key's list serves both finding the action and adding a new one to it)
  const sameKey = save ? lookupList(ws, rsc, key) : undefined;
  if (save) action = firstActionOn(sameKey, rsc, node);
  if (action === undefined) action = newAction(ws, key, task, rsc, node, optional, save, sameKey);
  updateActionOptional(action, optional);
  if (rsc !== undefined) {
    if (action.node !== undefined) unpackActionNodeAttributes(action);
    updateResourceActionRunnable(action, save);
    if (save) updateResourceFlagsForAction(rsc, action);
  }
  return action;
}

export function stopAction(rsc: Resource, node: Node | undefined, optional: boolean): Action {
  return customAction(rsc, rsc.cluster, opKey(rsc.id, 'stop'), 'stop', node, optional);
}

export function startAction(rsc: Resource, node: Node | undefined, optional: boolean): Action {
  return customAction(rsc, rsc.cluster, opKey(rsc.id, 'start'), 'start', node, optional);
}

export function promoteAction(rsc: Resource, node: Node | undefined, optional: boolean): Action {
  return customAction(rsc, rsc.cluster, opKey(rsc.id, 'promote'), 'promote', node, optional);
}

export function demoteAction(rsc: Resource, node: Node | undefined, optional: boolean): Action {
  return customAction(rsc, rsc.cluster, opKey(rsc.id, 'demote'), 'demote', node, optional);
}

export function deleteAction(rsc: Resource, node: Node | undefined, optional: boolean): Action {
  return customAction(rsc, rsc.cluster, opKey(rsc.id, 'delete'), 'delete', node, optional);
}

/** A pseudo-action of a resource (group start, …), runnable or not. */
export function newRscPseudoAction(rsc: Resource, task: string, optional: boolean, runnable: boolean): Action {
  const action = customAction(rsc, rsc.cluster, opKey(rsc.id, task), task, undefined, optional);
  action.flags |= ActionFlag.pseudo;
  if (runnable) action.flags |= ActionFlag.runnable;
  return action;
}

/** A cluster-wide pseudo-action by name, created once. */
export function getPseudoOp(ws: WorkingSet, name: string): Action {
  let op = ws.singletons.get(name);
  if (op === undefined) {
    op = customAction(undefined, ws, name, name, undefined, true);
    op.flags |= ActionFlag.pseudo | ActionFlag.runnable;
  }
  return op;
}

/** Pacemaker's order_actions: links two actions, unless an overlapping link is already there. */
export function orderActions(first: Action | undefined, then: Action | undefined, type: number): boolean {
  if (type === OrderFlag.none || first === undefined || then === undefined) return false;
  const after = first.after;
  if (first.afterIndex !== undefined) {
    const existing = first.afterIndex.get(then);
    if (existing !== undefined && (existing & type) !== 0) return false;
    first.afterIndex.set(then, (existing ?? 0) | type);
  } else {
    for (let i = 0; i < after.length; i++) {
      const l = after[i]!;
      if (l.action === then && (l.type & type) !== 0) return false;
    }
    if (after.length >= AFTER_INDEX_MIN) {
      first.afterIndex = new Map();
      for (const l of after) first.afterIndex.set(l.action, (first.afterIndex.get(l.action) ?? 0) | l.type);
      first.afterIndex.set(then, (first.afterIndex.get(then) ?? 0) | type);
    }
  }
  after.push({ action: then, type, dumped: false });
  then.before.push({ action: first, type, dumped: false });
  return true;
}

/** The reason text "<change> <rsc> <task>" (Pacemaker's pe__action2reason). */
export function actionReasonText(action: Action, flag: number): string {
  const change = flag === ActionFlag.runnable ? 'unrunnable' : flag === ActionFlag.migrateRunnable ? 'unmigrateable' : 'required';
  return `${change}${action.rsc === undefined ? '' : ' '}${action.rsc === undefined ? '' : action.rsc.id} ${action.task}`;
}

/** Marks an action expecting a result other than success (probes expecting "not running"). */
export function addExpectedResult(action: Action, rc: number): void {
  setActionMeta(action, 'op_target_rc', String(rc));
}

export type { ActionLink };
