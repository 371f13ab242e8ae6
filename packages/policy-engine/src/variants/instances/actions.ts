// The actions of a collective resource (clone, and later bundle): each instance's own actions,
// then the collective's start/running/stop/stopped pseudo-actions (Pacemaker's
// pcmk__create_instance_actions), and the flags a collective action shows to orderings: the
// summary of its instances' actions (pcmk__collective_action_flags).

import { INFINITY } from '@hacluster/cib';
import { ActionFlag, has, hasAll } from '../../model/flags.js';
import type { Action, Node, Resource } from '../../model/types.js';
import { findFirstAction, newRscPseudoAction } from '../../actions/action.js';

const InstanceState = { starting: 1, stopping: 2, restarting: 4, active: 8, all: 15 } as const;

/** Pacemaker's check_instance_state: is the instance active, starting, stopping (or both)? */
function checkInstanceState(instance: Resource, state: { value: number }): void {
  if (hasAll(state.value, InstanceState.all)) return;
  if (instance.variant !== 'primitive') {
    for (const child of instance.children) {
      if (hasAll(state.value, InstanceState.all)) break;
      checkInstanceState(child, state);
    }
    return;
  }
  let own = instance.runningOn.length > 0 ? InstanceState.active : 0;
  for (let i = instance.actions.length - 1; i >= 0; i--) {
    if (hasAll(own, InstanceState.starting | InstanceState.stopping)) break;
    const action = instance.actions[i]!;
    const optional = has(action.flags, ActionFlag.optional);
    if (action.task === 'start') {
      if (!optional && has(action.flags, ActionFlag.runnable)) own |= InstanceState.starting;
    } else if (action.task === 'stop') {
      // a pseudo stop is one implied by fencing its node
      if (!optional && (action.flags & (ActionFlag.pseudo | ActionFlag.runnable)) !== 0) own |= InstanceState.stopping;
    }
  }
  if (hasAll(own, InstanceState.starting | InstanceState.stopping)) own |= InstanceState.restarting;
  state.value |= own;
}

/** The collective's pseudo-actions, for the variant to hang more on (clone notifications). */
export interface CollectivePseudoActions {
  start: Action;
  started: Action;
  stop: Action;
  stopped: Action;
}

/** Pacemaker's pcmk__create_instance_actions. */
export function createInstanceActions(collective: Resource, instances: readonly Resource[]): CollectivePseudoActions {
  const state = { value: 0 };
  for (const instance of instances) {
    instance.methods.createActions(instance);
    checkInstanceState(instance, state);
  }
  const starting = has(state.value, InstanceState.starting);
  const stopping = has(state.value, InstanceState.stopping);
  const start = newRscPseudoAction(collective, 'start', !starting, true);
  const started = newRscPseudoAction(collective, 'running', !starting, false);
  started.priority = INFINITY;
  if ((state.value & (InstanceState.active | InstanceState.starting)) !== 0) started.flags |= ActionFlag.runnable;
  const stop = newRscPseudoAction(collective, 'stop', !stopping, true);
  const stopped = newRscPseudoAction(collective, 'stopped', !stopping, true);
  stopped.priority = INFINITY;
  if (!has(state.value, InstanceState.restarting)) stop.flags |= ActionFlag.migrateRunnable;
  return { start, started, stop, stopped };
}

/**
 * The task an instance performs for a collective action (Pacemaker's orig_action_name): for a
 * notification, the action notified about; for primitive instances, a completion ("running",
 * "stopped", …) folded back into the action it completes.
 */
export function instanceTask(action: Action): string {
  const instance = action.rsc!.children[0];
  let name = action.task;
  if (name === 'notify' || name === 'notified') {
    const i = action.uuid.indexOf('_notify_');
    if (i >= 0) name = action.uuid.slice(i + '_notify_'.length).replace(/_[0-9]+$/, '');
  }
  if (instance !== undefined && instance.variant === 'primitive') {
    switch (name) {
      case 'stopped':
        return 'stop';
      case 'running':
        return 'start';
      case 'promoted':
        return 'promote';
      case 'demoted':
        return 'demote';
      default:
        return name;
    }
  }
  return name;
}

/**
 * Pacemaker's pcmk__collective_action_flags: a collective action is required if any instance's
 * is, and runnable if any instance's is (on `node` when given, for primitive instances).
 */
export function collectiveActionFlags(action: Action, instances: readonly Resource[], node: Node | undefined): number {
  let anyRunnable = false;
  const task = instanceTask(action);
  let flags = ActionFlag.optional | ActionFlag.runnable | ActionFlag.pseudo;
  for (const instance of instances) {
    const instanceNode = instance.variant === 'primitive' ? node : undefined;
    const instanceAction = findFirstAction(instance.actions, undefined, task, instanceNode);
    if (instanceAction === undefined) continue;
    const instanceFlags = instance.methods.actionFlags(instanceAction, node);
    if (has(flags, ActionFlag.optional) && !has(instanceFlags, ActionFlag.optional)) {
      flags &= ~ActionFlag.optional;
      action.flags &= ~ActionFlag.optional;
    }
    if (has(instanceFlags, ActionFlag.runnable)) anyRunnable = true;
  }
  if (!anyRunnable) {
    flags &= ~ActionFlag.runnable;
    if (node === undefined) action.flags &= ~ActionFlag.runnable;
  }
  return flags;
}
