// How an ordering between two actions changes their flags (Pacemaker's
// pcmk__update_ordered_actions): a required "then" makes "first" required for implies-first, an
// unrunnable "first" makes "then" unrunnable for runnable-left, restarts tie a stop and a start.

import { Role } from '../model/role.js';
import { ActionFlag, OrderFlag, has, hasAll } from '../model/flags.js';
import type { Action, Node } from '../model/types.js';
import { actionReasonText, setActionReason } from '../actions/action.js';
import { updateActionForOrderings } from './orderings.js';

/** What pcmk__update_ordered_actions reports as changed. */
export const Updated = { none: 0, first: 1, then: 2 } as const;

/** Clears a flag, recording why when the action belongs to another resource. */
export function clearFlagBecause(action: Action, flag: number, reason: Action): void {
  if (!has(action.flags, flag)) return;
  action.flags &= ~flag;
  // (the text is made only when it will be kept: a reason once set is not replaced here)
  if (action.rsc !== reason.rsc && action.reason === undefined) setActionReason(action, actionReasonText(reason, flag), false);
}

function handleAsymmetricOrdering(first: Action, then: Action): void {
  const rsc = then.rsc;
  if (rsc === undefined) return;
  const role = rsc.methods.state(rsc, true);
  const thenOn = rsc.runningOn;
  if (role === Role.stopped && then.task === 'stop') return;
  if (
    role >= Role.started &&
    has(then.flags, ActionFlag.optional) &&
    then.node !== undefined &&
    thenOn.length === 1 &&
    then.node === thenOn[0] &&
    then.task === 'start'
  ) {
    return;
  }
  if (!has(first.flags, ActionFlag.runnable)) {
    clearFlagBecause(then, ActionFlag.optional, first);
    clearFlagBecause(then, ActionFlag.runnable, first);
  }
}

function handleRestartOrdering(first: Action, then: Action, filter: number): void {
  let reason: string | undefined;
  if (has(filter, ActionFlag.optional) && !has(then.flags, ActionFlag.optional)) reason = 'restart';
  if (has(filter, ActionFlag.runnable) && !has(then.flags, ActionFlag.runnable) && then.rsc!.managed && first.rsc === then.rsc) reason = 'stop';
  if (reason === undefined) return;
  if (has(first.flags, ActionFlag.runnable)) clearFlagBecause(first, ActionFlag.optional, then);
  if (!has(then.flags, ActionFlag.optional)) clearFlagBecause(first, ActionFlag.optional, then);
  if (!has(then.flags, ActionFlag.migrateRunnable)) clearFlagBecause(first, ActionFlag.migrateRunnable, then);
  if (!has(first.flags, ActionFlag.optional) && !has(first.flags, ActionFlag.runnable)) clearFlagBecause(then, ActionFlag.runnable, first);
}

/** The update_ordered_actions method of primitives (and the first step of the other variants'). */
export function updateOrderedActions(first: Action, then: Action, _node: Node | undefined, flags: number, filter: number, type: number): number {
  let changed: number = Updated.none;
  const thenFlags = then.flags;
  const firstFlags = first.flags;
  if (has(type, OrderFlag.asymmetrical)) handleAsymmetricOrdering(first, then);
  if (has(type, OrderFlag.impliesFirst) && !has(thenFlags, ActionFlag.optional)) {
    if (has(filter, ActionFlag.optional) && !has(flags, ActionFlag.optional) && has(firstFlags, ActionFlag.optional)) {
      clearFlagBecause(first, ActionFlag.optional, then);
    }
    if (has(flags, ActionFlag.migrateRunnable) && !has(then.flags, ActionFlag.migrateRunnable)) {
      clearFlagBecause(first, ActionFlag.migrateRunnable, then);
    }
  }
  if (
    has(type, OrderFlag.promotedImpliesFirst) &&
    then.rsc !== undefined &&
    then.rsc.role === Role.promoted &&
    has(filter, ActionFlag.optional) &&
    !has(then.flags, ActionFlag.optional)
  ) {
    clearFlagBecause(first, ActionFlag.optional, then);
    if (has(first.flags, ActionFlag.migrateRunnable) && !has(then.flags, ActionFlag.migrateRunnable)) {
      clearFlagBecause(first, ActionFlag.migrateRunnable, then);
    }
  }
  if (has(type, OrderFlag.impliesFirstMigratable) && has(filter, ActionFlag.optional)) {
    if (!hasAll(then.flags, ActionFlag.migrateRunnable | ActionFlag.runnable)) clearFlagBecause(first, ActionFlag.runnable, then);
    if (!has(then.flags, ActionFlag.optional)) clearFlagBecause(first, ActionFlag.optional, then);
  }
  if (has(type, OrderFlag.pseudoLeft) && has(filter, ActionFlag.optional) && !has(first.flags, ActionFlag.runnable)) {
    clearFlagBecause(then, ActionFlag.migrateRunnable, first);
    then.flags &= ~ActionFlag.pseudo;
  }
  if (has(type, OrderFlag.runnableLeft) && has(filter, ActionFlag.runnable) && has(then.flags, ActionFlag.runnable) && !has(flags, ActionFlag.runnable)) {
    clearFlagBecause(then, ActionFlag.runnable, first);
    clearFlagBecause(then, ActionFlag.migrateRunnable, first);
  }
  if (
    has(type, OrderFlag.impliesThen) &&
    has(filter, ActionFlag.optional) &&
    has(then.flags, ActionFlag.optional) &&
    !has(flags, ActionFlag.optional) &&
    !has(first.flags, ActionFlag.migrateRunnable)
  ) {
    clearFlagBecause(then, ActionFlag.optional, first);
  }
  if (has(type, OrderFlag.restart)) handleRestartOrdering(first, then, filter);
  if (thenFlags !== then.flags) {
    changed |= Updated.then;
    if (then.rsc !== undefined && then.rsc.parent !== undefined) updateActionForOrderings(then.rsc.cluster, then);
  }
  if (firstFlags !== first.flags) changed |= Updated.first;
  return changed;
}
