// Stage: apply orderings (Pacemaker's pcmk__apply_orderings and
// pcmk__update_action_for_orderings): turn ordering constraints into links between actions, then
// propagate "required" and "unrunnable" along the links until nothing changes.

import { withThisColocations } from '../constraints/colocation.js';
import { INFINITY } from '@hacluster/cib';
import { ActionFlag, OrderFlag, has } from '../model/flags.js';
import { Role } from '../model/role.js';
import type { Action, ActionLink, Node, Ordering, Resource, WorkingSet } from '../model/types.js';
import {
  customAction,
  findActions,
  findFirstAction,
  orderActions,
  setActionReason,
} from '../actions/action.js';
import { opKey, parseOpKey, notifyKey } from '../util/opkey.js';
import { eqCase } from '../util/strings.js';
import { isParent, topResource } from '../unpack/resource-helpers.js';
import { LocationKind } from '../variants/methods.js';
import { Updated } from './ordered-actions.js';
import { orderProbes } from './probes.js';
import { graphHasLoop } from '../output/graph.js';

function actionFlagsForOrdering(action: Action, node: Node | undefined): number {
  const rsc = action.rsc;
  if (rsc === undefined) return action.flags;
  let flags = rsc.methods.actionFlags(action, undefined);
  if (node === undefined || rsc.variant !== 'clone') return flags;
  const runnable = has(flags, ActionFlag.runnable);
  flags = rsc.methods.actionFlags(action, node);
  if (runnable && !has(flags, ActionFlag.runnable)) flags |= ActionFlag.runnable;
  return flags;
}

/** A group's or clone's "done" pseudo-action that stands for an action in orderings. */
function actionUuidForOrdering(firstUuid: string, firstRsc: Resource): string {
  if (firstUuid.includes('notify') || firstRsc.variant === 'primitive') return firstUuid;
  const parsed = parseOpKey(firstUuid);
  if (parsed === undefined || parsed.intervalMs > 0) return firstUuid;
  let remapped: string | undefined;
  switch (parsed.task) {
    case 'stop':
      remapped = 'stopped';
      break;
    case 'start':
      remapped = 'running';
      break;
    case 'notify':
      remapped = 'notified';
      break;
    case 'promote':
      remapped = 'promoted';
      break;
    case 'demote':
      remapped = 'demoted';
      break;
    case 'stopped':
    case 'running':
    case 'notified':
    case 'promoted':
    case 'demoted':
      remapped = parsed.task;
      break;
    default:
      break;
  }
  if (remapped === undefined) return firstUuid;
  if (firstRsc.notify && (firstRsc.parent === undefined || (firstRsc.variant === 'clone' && firstRsc.parent.variant === 'bundle'))) {
    return notifyKey(parsed.rscId, 'confirmed-post', remapped);
  }
  return opKey(parsed.rscId, remapped);
}

function actionForOrdering(action: Action): Action {
  const rsc = action.rsc;
  if (rsc !== undefined && rsc.variant !== 'primitive') {
    const uuid = actionUuidForOrdering(action.uuid, rsc);
    return findFirstAction(rsc.actions, uuid, undefined) ?? action;
  }
  return action;
}

function updateForOrderingFlags(first: Action, then: Action, firstFlags: number, thenFlags: number, order: ActionLink): number {
  let changed: number = Updated.none;
  let node = then.node;
  if (has(order.type, OrderFlag.impliesThenOnNode)) {
    order.type &= ~OrderFlag.impliesThenOnNode;
    order.type |= OrderFlag.impliesThen;
    node = first.node;
  }
  if (has(order.type, OrderFlag.impliesThen)) {
    if (then.rsc !== undefined) {
      changed |= then.rsc.methods.updateOrderedActions(first, then, node, firstFlags & ActionFlag.optional, ActionFlag.optional, OrderFlag.impliesThen);
    } else if (!has(firstFlags, ActionFlag.optional) && has(then.flags, ActionFlag.optional)) {
      then.flags &= ~ActionFlag.optional;
      changed |= Updated.then;
    }
  }
  if (has(order.type, OrderFlag.restart) && then.rsc !== undefined) {
    changed |= then.rsc.methods.updateOrderedActions(first, then, node, firstFlags, ActionFlag.optional | ActionFlag.runnable, OrderFlag.restart);
  }
  if (has(order.type, OrderFlag.impliesFirst)) {
    if (first.rsc !== undefined) {
      changed |= first.rsc.methods.updateOrderedActions(first, then, node, firstFlags, ActionFlag.optional, OrderFlag.impliesFirst);
    } else if (!has(firstFlags, ActionFlag.optional) && has(first.flags, ActionFlag.runnable)) {
      first.flags &= ~ActionFlag.runnable;
      changed |= Updated.first;
    }
  }
  if (has(order.type, OrderFlag.promotedImpliesFirst) && then.rsc !== undefined) {
    changed |= then.rsc.methods.updateOrderedActions(first, then, node, firstFlags & ActionFlag.optional, ActionFlag.optional, OrderFlag.promotedImpliesFirst);
  }
  if (has(order.type, OrderFlag.oneOrMore)) {
    if (then.rsc !== undefined) {
      changed |= then.rsc.methods.updateOrderedActions(first, then, node, firstFlags, ActionFlag.runnable, OrderFlag.oneOrMore);
    } else if (has(firstFlags, ActionFlag.runnable)) {
      then.runnableBefore++;
      if (then.runnableBefore >= then.requiredRunnableBefore && !has(then.flags, ActionFlag.runnable)) {
        then.flags |= ActionFlag.runnable;
        changed |= Updated.then;
      }
    }
  }
  if (has(order.type, OrderFlag.probe) && then.rsc !== undefined) {
    if (!has(firstFlags, ActionFlag.runnable) && first.rsc!.runningOn.length > 0) {
      order.type = OrderFlag.none;
    } else {
      changed |= then.rsc.methods.updateOrderedActions(first, then, node, firstFlags, ActionFlag.runnable, OrderFlag.runnableLeft);
    }
  }
  if (has(order.type, OrderFlag.runnableLeft)) {
    if (then.rsc !== undefined) {
      changed |= then.rsc.methods.updateOrderedActions(first, then, node, firstFlags, ActionFlag.runnable, OrderFlag.runnableLeft);
    } else if (!has(firstFlags, ActionFlag.runnable) && has(then.flags, ActionFlag.runnable)) {
      then.flags &= ~ActionFlag.runnable;
      changed |= Updated.then;
    }
  }
  if (has(order.type, OrderFlag.impliesFirstMigratable) && then.rsc !== undefined) {
    changed |= then.rsc.methods.updateOrderedActions(first, then, node, firstFlags, ActionFlag.optional, OrderFlag.impliesFirstMigratable);
  }
  if (has(order.type, OrderFlag.pseudoLeft) && then.rsc !== undefined) {
    changed |= then.rsc.methods.updateOrderedActions(first, then, node, firstFlags, ActionFlag.optional, OrderFlag.pseudoLeft);
  }
  if (has(order.type, OrderFlag.optional) && then.rsc !== undefined) {
    changed |= then.rsc.methods.updateOrderedActions(first, then, node, firstFlags, ActionFlag.runnable, OrderFlag.optional);
  }
  if (has(order.type, OrderFlag.asymmetrical) && then.rsc !== undefined) {
    changed |= then.rsc.methods.updateOrderedActions(first, then, node, firstFlags, ActionFlag.runnable, OrderFlag.asymmetrical);
  }
  if (has(first.flags, ActionFlag.runnable) && has(order.type, OrderFlag.impliesThenPrinted) && !has(firstFlags, ActionFlag.optional)) {
    then.flags |= ActionFlag.printAlways;
  }
  if (has(order.type, OrderFlag.impliesFirstPrinted) && !has(thenFlags, ActionFlag.optional)) {
    first.flags |= ActionFlag.printAlways;
  }
  if (
    (order.type & (OrderFlag.impliesThen | OrderFlag.impliesFirst | OrderFlag.restart)) !== 0 &&
    first.rsc !== undefined &&
    !first.rsc.managed &&
    first.rsc.blocked &&
    !has(first.flags, ActionFlag.runnable) &&
    eqCase(first.task, 'stop')
  ) {
    if (has(then.flags, ActionFlag.runnable)) {
      then.flags &= ~ActionFlag.runnable;
      changed |= Updated.then;
    }
  }
  return changed;
}

/** Pacemaker's pcmk__update_action_for_orderings: re-evaluates an action against its inputs. */
export function updateActionForOrderings(ws: WorkingSet, then: Action): void {
  let changed: number = Updated.none;
  const lastFlags = then.flags;
  if (has(then.flags, ActionFlag.requiresAny)) {
    then.runnableBefore = 0;
    if (then.requiredRunnableBefore === 0) then.requiredRunnableBefore = 1;
    then.flags &= ~ActionFlag.runnable;
  }
  for (let i = then.before.length - 1; i >= 0; i--) {
    const other = then.before[i]!;
    let first = other.action;
    let thenNode = then.node;
    let firstNode = first.node;
    if (first.rsc !== undefined && first.rsc.variant === 'group' && eqCase(first.task, 'start')) {
      firstNode = first.rsc.methods.location(first.rsc, undefined, LocationKind.assigned);
    }
    if (then.rsc !== undefined && then.rsc.variant === 'group' && eqCase(then.task, 'start')) {
      thenNode = then.rsc.methods.location(then.rsc, undefined, LocationKind.assigned);
    }
    if (has(other.type, OrderFlag.sameNode) && firstNode !== undefined && thenNode !== undefined && firstNode !== thenNode) {
      other.type = OrderFlag.none;
      continue;
    }
    changed &= ~Updated.first;
    if (first.rsc !== undefined && has(other.type, OrderFlag.thenCancelsFirst) && !has(then.flags, ActionFlag.optional)) {
      other.action.flags |= ActionFlag.optional;
      if (first.task === 'reload-agent') first.rsc.reload = false;
    }
    if (first.rsc !== undefined && then.rsc !== undefined && first.rsc !== then.rsc && !isParent(then.rsc, first.rsc)) {
      first = actionForOrdering(first);
    }
    if (first === other.action) {
      const firstFlags = actionFlagsForOrdering(first, thenNode);
      const thenFlags = actionFlagsForOrdering(then, firstNode);
      changed |= updateForOrderingFlags(first, then, firstFlags, thenFlags, other);
    } else if (orderActions(first, then, other.type)) {
      changed |= Updated.then;
      other.type = OrderFlag.none;
    }
    if (changed & Updated.first) {
      for (let j = first.after.length - 1; j >= 0; j--) updateActionForOrderings(ws, first.after[j]!.action);
      updateActionForOrderings(ws, first);
    }
  }
  if (has(then.flags, ActionFlag.requiresAny)) {
    if (lastFlags === then.flags) changed &= ~Updated.then;
    else changed |= Updated.then;
  }
  if (changed & Updated.then) {
    if (has(lastFlags, ActionFlag.runnable) && !has(then.flags, ActionFlag.runnable)) blockColocationDependents(ws, then);
    updateActionForOrderings(ws, then);
    for (let j = then.after.length - 1; j >= 0; j--) updateActionForOrderings(ws, then.after[j]!.action);
  }
}

// ---- colocation blocking --------------------------------------------------------------------

function markActionBlocked(ws: WorkingSet, rsc: Resource, task: string, reason: Resource): void {
  const text = `colocation with ${reason.id}`;
  const blocked: Action[] = [];
  for (let i = rsc.actions.length - 1; i >= 0; i--) {
    const action = rsc.actions[i]!;
    if (has(action.flags, ActionFlag.runnable) && eqCase(action.task, task)) {
      action.flags &= ~ActionFlag.runnable;
      setActionReason(action, text, false);
      blockColocationDependents(ws, action);
      updateActionForOrderings(ws, action);
      blocked.push(action);
    }
  }
  for (const child of rsc.children) markActionBlocked(ws, child, task, reason);
  // The actions after a blocked one may already have been evaluated (a recurring monitor, say):
  // have them see that it became unrunnable (upstream does not, and can produce a transition in
  // which a monitor waits for a start that is not in it). Only once the children are blocked too,
  // so that their starts are blocked by the colocation, as upstream's are, and not by the order.
  for (const action of blocked) {
    for (let j = action.after.length - 1; j >= 0; j--) updateActionForOrderings(ws, action.after[j]!.action);
  }
}

/** Pacemaker's pcmk__block_colocation_dependents: an unrunnable start blocks mandatory dependents. */
export function blockColocationDependents(ws: WorkingSet, action: Action): void {
  if (has(action.flags, ActionFlag.runnable)) return;
  const isStart = eqCase(action.task, 'start');
  if (!isStart && !eqCase(action.task, 'promote')) return;
  let rsc = topResource(action.rsc!);
  if (rsc.parent !== undefined) rsc = rsc.parent;
  // the colocation fails only if the entire primary cannot reach the desired role
  for (const child of rsc.children) {
    const childAction = findFirstAction(child.actions, undefined, action.task);
    if (childAction === undefined || has(childAction.flags, ActionFlag.runnable)) return;
  }
  for (const c of withThisColocations(rsc)) {
    if (c.score < INFINITY) continue;
    if (!isStart && c.primaryRole !== Role.promoted) continue;
    if (c.dependentRole === Role.promoted) markActionBlocked(ws, c.dependent, 'promote', action.rsc!);
    else markActionBlocked(ws, c.dependent, 'start', action.rsc!);
  }
}

// ---- from constraints to links ----------------------------------------------------------------

function findActionsByTask(ws: WorkingSet, rsc: Resource, key: string): readonly Action[] {
  let list = findActions(ws, rsc, key, undefined);
  if (list.length === 0) {
    // the key may name the resource differently (a clone instance by its clone's name, …)
    const parsed = parseOpKey(key);
    if (parsed !== undefined && !(parsed.canonical && parsed.rscId === rsc.id)) {
      list = findActions(ws, rsc, opKey(rsc.id, parsed.task, parsed.intervalMs), undefined);
    }
  }
  return list;
}

function orderResourceActionsAfter(ws: WorkingSet, firstAction: Action | undefined, rsc: Resource, order: Ordering): void {
  let flags = order.flags;
  const thenActions = order.thenAction !== undefined ? [order.thenAction] : findActionsByTask(ws, rsc, order.thenTask ?? '');
  if (thenActions.length === 0) return;
  if (firstAction !== undefined && firstAction.rsc === rsc && has(firstAction.flags, ActionFlag.dangle)) flags &= ~OrderFlag.impliesThen;
  if (firstAction === undefined && !has(flags, OrderFlag.impliesThen)) return;
  for (const then of thenActions) {
    if (firstAction !== undefined) orderActions(firstAction, then, flags);
    else then.flags &= ~ActionFlag.runnable;
  }
}

function rscOrderFirst(ws: WorkingSet, firstRsc: Resource, order: Ordering): void {
  let firstActions: readonly Action[];
  const thenRscIn = order.thenRsc;
  if (order.firstAction !== undefined) {
    firstActions = [order.firstAction];
  } else {
    firstActions = findActionsByTask(ws, firstRsc, order.firstTask ?? '');
  }
  if (firstActions.length === 0 && firstRsc === thenRscIn) {
    // nothing to order
  } else if (firstActions.length === 0) {
    const parsed = parseOpKey(order.firstTask ?? '');
    const opType = parsed?.task ?? '';
    const key = opKey(firstRsc.id, opType, parsed?.intervalMs ?? 0);
    const state = firstRsc.methods.state(firstRsc, true);
    if (state === Role.stopped && opType === 'stop') {
      // already stopped
    } else if (state === Role.unpromoted && opType === 'demote') {
      // already demoted
    } else {
      firstActions = [customAction(firstRsc, ws, key, opType, undefined, true)];
    }
  }
  let thenRsc = thenRscIn;
  if (thenRsc === undefined) {
    if (order.thenAction === undefined) return;
    thenRsc = order.thenAction.rsc;
  }
  for (const first of firstActions) {
    if (thenRsc === undefined) orderActions(first, order.thenAction, order.flags);
    else orderResourceActionsAfter(ws, first, thenRsc, order);
  }
}

/**
 * Pacemaker's pcmk__disable_invalid_orderings: orderings into guest nodes' own containers, and
 * load orderings that would make two migrations in opposite directions wait for each other.
 */
function disableInvalidOrderings(ws: WorkingSet): void {
  for (let i = ws.actions.length - 1; i >= 0; i--) {
    const action = ws.actions[i]!;
    for (let j = action.before.length - 1; j >= 0; j--) {
      const input = action.before[j]!;
      if (!has(input.type, OrderFlag.preserve) && input.action.rsc !== undefined && correspondsToGuest(action.rsc, input.action.node)) {
        input.type = OrderFlag.none;
      } else if (input.type === OrderFlag.load && action.rsc !== undefined && action.task === 'migrate_to' && graphHasLoop(action, action, input)) {
        // "B stop on n2" → load_stopped_n2 → "A migrate_to n1" while B migrates the other way
        input.type = OrderFlag.none;
      }
    }
  }
}

function correspondsToGuest(rsc: Resource | undefined, node: Node | undefined): boolean {
  return rsc !== undefined && node !== undefined && node.type === 'remote' && node.remoteRsc?.container === rsc;
}

export function applyOrderings(ws: WorkingSet): void {
  for (const order of ws.orderings.slice()) {
    const rsc = order.firstRsc;
    if (rsc !== undefined) {
      rscOrderFirst(ws, rsc, order);
      continue;
    }
    if (order.thenRsc !== undefined) orderResourceActionsAfter(ws, order.firstAction, order.thenRsc, order);
    else orderActions(order.firstAction, order.thenAction, order.flags);
  }
  for (let i = ws.actions.length - 1; i >= 0; i--) blockColocationDependents(ws, ws.actions[i]!);
  orderProbes(ws);
  for (let i = ws.actions.length - 1; i >= 0; i--) updateActionForOrderings(ws, ws.actions[i]!);
  disableInvalidOrderings(ws);
}
