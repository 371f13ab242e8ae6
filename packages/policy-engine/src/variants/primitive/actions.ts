// A primitive's actions (Pacemaker's pcmk__primitive_create_actions): from its current role to
// its next role through the role state machine, with a restart (stop, then start) where the
// resource moves, failed, is multiply active or must be restarted for other reasons.

import { Role, type RoleN } from '../../model/role.js';
import { ActionFlag, OrderFlag, has } from '../../model/flags.js';
import type { Node, Resource } from '../../model/types.js';
import {
  demoteAction,
  promoteAction,
  resourceActions,
  setActionReason,
  startAction,
  stopAction,
} from '../../actions/action.js';
import { createRecurringActions } from '../../actions/recurring.js';
import { orderVsUnfence } from '../../actions/unfencing.js';
import { fenceOp } from '../../unpack/fence.js';
import { orderActions } from '../../actions/action.js';
import { findActiveOn } from '../../unpack/resource-helpers.js';
import { scheduleCleanup } from '../../stages/config-changes.js';
import { abortDanglingMigration, canMigrate, createMigrationActions } from './migration.js';

const R = Role;

/** The next role on the way from a role to a target role (Pacemaker's rsc_state_matrix). */
const STATE_MATRIX: RoleN[][] = [
  [R.unknown, R.stopped, R.stopped, R.stopped, R.stopped],
  [R.stopped, R.stopped, R.started, R.unpromoted, R.unpromoted],
  [R.stopped, R.stopped, R.started, R.unpromoted, R.promoted],
  [R.stopped, R.stopped, R.stopped, R.unpromoted, R.promoted],
  [R.stopped, R.unpromoted, R.unpromoted, R.unpromoted, R.promoted],
];

type Transition = ((rsc: Resource, node: Node | undefined, optional: boolean) => void) | 'error' | undefined;

/** The action taking a resource from one role to the next (Pacemaker's rsc_action_matrix). */
const ACTION_MATRIX: Transition[][] = [
  ['error', stopResource, 'error', 'error', 'error'],
  ['error', undefined, startResource, startResource, 'error'],
  ['error', stopResource, undefined, undefined, promoteResource],
  ['error', stopResource, stopResource, undefined, promoteResource],
  ['error', demoteResource, demoteResource, demoteResource, undefined],
];

function transition(from: RoleN, to: RoleN): Transition {
  return ACTION_MATRIX[from]![to];
}

function isExpectedNode(rsc: Resource, node: Node | undefined): boolean {
  return rsc.stopUnexpected && rsc.restarting && rsc.nextRole > Role.stopped && rsc.assignedTo !== undefined && rsc.assignedTo.node === node;
}

function stopResource(rsc: Resource, _node: Node | undefined, optionalIn: boolean): void {
  for (const current of rsc.runningOn.slice()) {
    let optional = optionalIn;
    if (isExpectedNode(rsc, current)) continue;
    if (rsc.partialMigrationTarget !== undefined) {
      if (current === rsc.partialMigrationTarget && rsc.assignedTo?.node === current) continue;
      optional = false;
    }
    const stop = stopAction(rsc, current, optional);
    if (rsc.assignedTo === undefined) setActionReason(stop, 'node availability', true);
    else if (rsc.restarting && rsc.stopUnexpected) setActionReason(stop, 'being multiply active', true);
    if (!rsc.managed) stop.flags &= ~ActionFlag.runnable;
    if (rsc.cluster.flags.removeAfterStop) scheduleCleanup(rsc, current, optional);
    if (rsc.needsUnfencing) {
      const unfence = fenceOp(rsc.cluster, current, 'on', true, undefined, false);
      orderActions(stop, unfence, OrderFlag.impliesFirst);
    }
  }
}

function startResource(rsc: Resource, node: Node | undefined, optional: boolean): void {
  if (node === undefined) throw new Error(`cannot start ${rsc.id} without a node`);
  const start = startAction(rsc, node, true);
  orderVsUnfence(rsc, node, start, OrderFlag.impliesThen);
  if (has(start.flags, ActionFlag.runnable) && !optional) start.flags &= ~ActionFlag.optional;
  if (isExpectedNode(rsc, node)) start.flags |= ActionFlag.pseudo;
}

function promoteResource(rsc: Resource, node: Node | undefined, optional: boolean): void {
  if (node === undefined) throw new Error(`cannot promote ${rsc.id} without a node`);
  let runnable = true;
  for (const start of resourceActions(rsc, node, 'start', true)) {
    if (!has(start.flags, ActionFlag.runnable)) runnable = false;
  }
  if (runnable) {
    const promote = promoteAction(rsc, node, optional);
    if (isExpectedNode(rsc, node)) promote.flags |= ActionFlag.pseudo;
  } else {
    for (const promote of resourceActions(rsc, node, 'promote', true)) promote.flags &= ~ActionFlag.runnable;
  }
}

function demoteResource(rsc: Resource, _node: Node | undefined, optional: boolean): void {
  for (const current of rsc.runningOn.slice()) {
    if (!isExpectedNode(rsc, current)) demoteAction(rsc, current, optional);
  }
}

function run(t: Transition, rsc: Resource, node: Node | undefined, optional: boolean): boolean {
  if (t === undefined) return false;
  if (t === 'error') throw new Error(`invalid role transition for ${rsc.id}`);
  t(rsc, node, optional);
  return true;
}

function scheduleRestartActions(rsc: Resource, current: Node | undefined, needStop: boolean, needPromote: boolean): void {
  let role = rsc.role;
  rsc.restarting = true;
  while (role !== Role.stopped) {
    const next = STATE_MATRIX[role]![Role.stopped]!;
    if (!run(transition(role, next), rsc, current, !needStop)) break;
    role = next;
  }
  while (rsc.role <= rsc.nextRole && role !== rsc.role && !rsc.blocked) {
    let required = needStop;
    const next = STATE_MATRIX[role]![rsc.role]!;
    if (next === Role.promoted && needPromote) required = true;
    if (!run(transition(role, next), rsc, rsc.assignedTo?.node, !required)) break;
    role = next;
  }
  rsc.restarting = false;
}

function setDefaultNextRole(rsc: Resource): void {
  if (rsc.nextRole !== Role.unknown) return;
  rsc.nextRole = rsc.assignedTo === undefined ? Role.stopped : Role.started;
}

function scheduleRoleTransitionActions(rsc: Resource): void {
  let role = rsc.role;
  while (role !== rsc.nextRole) {
    const next = STATE_MATRIX[role]![rsc.nextRole]!;
    if (!run(transition(role, next), rsc, rsc.assignedTo?.node, false)) break;
    role = next;
  }
}

export function primitiveCreateActions(rsc: Resource): void {
  let needStop = false;
  let needPromote = false;
  let isMoving = false;
  let allowMigrate = false;
  let multiplyActive = false;
  setDefaultNextRole(rsc);
  const counts = { all: 0, clean: 0 };
  const current = findActiveOn(rsc, counts);
  for (const dangling of rsc.danglingMigrations) abortDanglingMigration(rsc, dangling);
  const assigned = rsc.assignedTo?.node;
  if (current !== undefined && assigned !== undefined && current !== assigned && rsc.nextRole >= Role.started) {
    isMoving = true;
    allowMigrate = canMigrate(rsc, current);
    needStop = true;
  }
  if (
    rsc.partialMigrationSource !== undefined &&
    rsc.partialMigrationTarget !== undefined &&
    allowMigrate &&
    counts.all === 2 &&
    current === rsc.partialMigrationSource &&
    assigned === rsc.partialMigrationTarget
  ) {
    // a partial migration can be completed
  } else if (rsc.partialMigrationSource !== undefined || rsc.partialMigrationTarget !== undefined) {
    needStop = true;
    rsc.partialMigrationSource = undefined;
    rsc.partialMigrationTarget = undefined;
    allowMigrate = false;
  } else if (rsc.needsFencing) {
    multiplyActive = counts.all > 1;
  } else {
    multiplyActive = counts.clean > 1;
  }
  if (multiplyActive) {
    switch (rsc.recoveryType) {
      case 'stop_start':
        needStop = true;
        break;
      case 'stop_unexpected':
        needStop = true;
        rsc.stopUnexpected = true;
        break;
      default:
        break;
    }
  } else {
    rsc.stopUnexpected = false;
  }
  if (rsc.startPending) {
    const start = startAction(rsc, rsc.assignedTo?.node, true);
    start.flags |= ActionFlag.printAlways;
  }
  if (isMoving) {
    // the stop is already required
  } else if (rsc.failed) {
    if (rsc.stopNeeded) needStop = true;
    else if (rsc.nextRole === Role.promoted) needPromote = true;
  } else if (rsc.blocked) {
    needStop = true;
  } else if (rsc.role > Role.started && current !== undefined && assigned !== undefined) {
    const start = startAction(rsc, assigned, true);
    if (!has(start.flags, ActionFlag.optional)) needStop = true;
  }
  scheduleRestartActions(rsc, current, needStop, needPromote);
  scheduleRoleTransitionActions(rsc);
  createRecurringActions(rsc);
  if (allowMigrate && current !== undefined) createMigrationActions(rsc, current);
}
