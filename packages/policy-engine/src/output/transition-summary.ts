// The Transition Summary (Pacemaker's pcmk__output_actions, rsc_action_default and
// rsc_action_item): one line per node action (fencing, shutdown) and per resource that changes,
// with the verb (Start, Stop, Move, Recover, Restart, Promote, …), aligned columns and the reason.
//
// Upstream keeps the column widths in function-static variables that only grow, and computes the
// lines once for the log before printing them, so every printed line uses the final widths. A
// SummarySink reproduces that: a measuring pass, then the printing pass.

import { Role, roleText } from '../model/role.js';
import { ActionFlag, has } from '../model/flags.js';
import type { Action, Node, Resource, WorkingSet } from '../model/types.js';
import { findActions, resourceActions } from '../actions/action.js';
import { opKey } from '../util/opkey.js';
import { currentNode } from '../unpack/resource-helpers.js';
import { isGuestNode } from '../unpack/nodes.js';

export interface SummaryLine {
  text: string;
}

export class SummarySink {
  rscWidth = 5;
  detailWidth = 5;
  readonly lines: string[] = [];
  constructor(readonly measuring: boolean) {}

  nodeAction(task: string, nodeName: string | undefined, reason: string | undefined): void {
    if (reason !== undefined) this.lines.push(`${task} ${nodeName ?? '(null)'} '${reason}'`);
  }

  item(change: string, rsc: Resource, origin: Node | undefined, destination: Node | undefined, action: Action, sourceIn: Action | undefined): void {
    const source = sourceIn ?? action;
    if (rsc.id.length > this.rscWidth) this.rscWidth = rsc.id.length + 2;
    const needRole = rsc.role > Role.started || rsc.nextRole > Role.unpromoted;
    const sameHost = origin !== undefined && destination !== undefined && origin === destination;
    const sameRole = rsc.role === rsc.nextRole;
    const role = roleText(rsc.role);
    const next = roleText(rsc.nextRole);
    let details: string;
    if (needRole && origin === undefined) details = `${role} -> ${next} ${destination!.uname}`;
    else if (origin === undefined) details = destination!.uname;
    else if (needRole && destination === undefined) details = `${role} ${origin.uname}`;
    else if (destination === undefined) details = origin.uname;
    else if (needRole && sameRole && sameHost) details = `${role} ${origin.uname}`;
    else if (sameRole && sameHost) details = origin.uname;
    else if (needRole && sameRole) details = `${origin.uname} -> ${destination.uname} ${role}`;
    else if (sameRole) details = `${origin.uname} -> ${destination.uname}`;
    else if (sameHost) details = `${role} -> ${next} ${origin.uname}`;
    else details = `${role} ${origin.uname} -> ${next} ${destination.uname}`;
    if (details.length > this.detailWidth) this.detailWidth = details.length;
    let reason: string | undefined;
    if (source.reason !== undefined && !has(action.flags, ActionFlag.runnable)) reason = `due to ${source.reason} (blocked)`;
    else if (source.reason !== undefined) reason = `due to ${source.reason}`;
    else if (!has(action.flags, ActionFlag.runnable)) reason = 'blocked';
    const line =
      `${change.padEnd(8)}   ${rsc.id.padEnd(this.rscWidth)}   ( ${details.padStart(this.detailWidth)} )` +
      (reason !== undefined ? `  ${reason}` : '');
    this.lines.push(line);
  }
}

function first(list: readonly Action[]): Action | undefined {
  return list[0];
}

/** Pacemaker's rsc_action_default: the summary line(s) of one primitive. */
function rscAction(sink: SummarySink, rsc: Resource, current: Node | undefined, next: Node | undefined): void {
  if (!rsc.managed || (current === undefined && next === undefined)) return;
  const moving = current !== undefined && next !== undefined && current !== next;
  const start = first(resourceActions(rsc, next, 'start', false));
  const startNode = start === undefined || !has(start.flags, ActionFlag.runnable) ? undefined : current;
  let stop = first(resourceActions(rsc, startNode, 'stop', false));
  if (stop === undefined && rsc.stopUnexpected) stop = first(resourceActions(rsc, undefined, 'stop', false));
  const promote = first(resourceActions(rsc, next, 'promote', false));
  const demote = first(resourceActions(rsc, next, 'demote', false));
  if (rsc.role === rsc.nextRole) {
    if (next === undefined) return;
    const migrate = first(resourceActions(rsc, next, 'migrate_from', false));
    if (migrate !== undefined && current !== undefined && has(migrate.flags, ActionFlag.runnable)) {
      sink.item('Migrate', rsc, current, next, start!, undefined);
    } else if (rsc.reload) {
      sink.item('Reload', rsc, current, next, start!, undefined);
    } else if (start === undefined || has(start.flags, ActionFlag.optional)) {
      if (demote !== undefined && promote !== undefined && !has(demote.flags, ActionFlag.optional) && !has(promote.flags, ActionFlag.optional)) {
        sink.item('Re-promote', rsc, current, next, promote, demote);
      }
    } else if (!has(start.flags, ActionFlag.runnable)) {
      sink.item('Stop', rsc, current, undefined, stop ?? start, stop?.reason !== undefined ? stop : start);
    } else if (moving && current !== undefined) {
      sink.item(rsc.failed ? 'Recover' : 'Move', rsc, current, next, stop ?? start, undefined);
    } else if (rsc.failed) {
      sink.item('Recover', rsc, current, undefined, stop ?? start, undefined);
    } else {
      sink.item('Restart', rsc, current, next, start, undefined);
    }
    return;
  }
  if (stop !== undefined && (rsc.nextRole === Role.stopped || (start !== undefined && !has(start.flags, ActionFlag.runnable)))) {
    const key = opKey(rsc.id, 'stop');
    for (const node of rsc.runningOn) {
      const stopOp = first(findActions(rsc.cluster, rsc, key, node));
      sink.item('Stop', rsc, node, undefined, stopOp ?? stop, stopOp?.reason !== undefined ? stopOp : start);
    }
  } else if (stop !== undefined && rsc.failed && rsc.stopNeeded) {
    sink.item('Recover', rsc, current, next, stop, start);
  } else if (moving) {
    sink.item('Move', rsc, current, next, stop!, undefined);
  } else if (rsc.reload) {
    sink.item('Reload', rsc, current, next, start!, undefined);
  } else if (stop !== undefined && !has(stop.flags, ActionFlag.optional)) {
    sink.item('Restart', rsc, current, next, start!, undefined);
  } else if (rsc.role === Role.promoted) {
    sink.item('Demote', rsc, current, next, demote!, undefined);
  } else if (rsc.nextRole === Role.promoted) {
    sink.item('Promote', rsc, current, next, promote!, undefined);
  } else if (rsc.role === Role.stopped && rsc.nextRole > Role.stopped) {
    sink.item('Start', rsc, current, next, start!, undefined);
  }
}

/** Pacemaker's pcmk__output_resource_actions (the outputActions method of primitives and groups). */
export function outputResourceActions(rsc: Resource, sink: SummarySink): void {
  if (rsc.children.length) {
    for (const child of rsc.children) child.methods.outputActions(child, sink);
    return;
  }
  const next = rsc.assignedTo?.node;
  let current: Node | undefined;
  if (rsc.runningOn.length) {
    current = currentNode(rsc);
    if (rsc.role === Role.stopped) rsc.role = Role.started;
  }
  if (current === undefined && rsc.orphan) return;
  rscAction(sink, rsc, current, next);
}

/** Pacemaker's pcmk__output_actions: node actions (newest first), then resources in order. */
export function outputActions(ws: WorkingSet, sink: SummarySink): void {
  for (let i = ws.actions.length - 1; i >= 0; i--) {
    const action = ws.actions[i]!;
    if (action.rsc !== undefined) continue;
    if (has(action.flags, ActionFlag.optional)) continue;
    let task: string;
    if (action.task === 'do_shutdown') task = 'Shutdown';
    else if (action.task === 'stonith') task = `Fence (${action.meta.get('stonith_action')})`;
    else continue;
    let nodeName: string | undefined;
    if (action.node !== undefined && isGuestNode(action.node)) {
      nodeName = `${action.node.uname} (resource: ${action.node.remoteRsc!.container!.id})`;
    } else if (action.node !== undefined) {
      nodeName = action.node.uname;
    }
    sink.nodeAction(task, nodeName, action.reason);
  }
  for (const rsc of ws.resources) rsc.methods.outputActions(rsc, sink);
}

/** The summary lines with upstream's final column widths. */
export function transitionSummary(ws: WorkingSet): string[] {
  const measure = new SummarySink(true);
  outputActions(ws, measure);
  const print = new SummarySink(false);
  print.rscWidth = measure.rscWidth;
  print.detailWidth = measure.detailWidth;
  outputActions(ws, print);
  return print.lines;
}
