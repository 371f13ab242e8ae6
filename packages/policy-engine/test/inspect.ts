// Reading what the scheduler decided, for the stage tests: the summary with its padding collapsed,
// the actions that will run, and what an action waits for.

import { schedule } from '../src/schedule.js';
import { ActionFlag } from '../src/model/flags.js';
import type { Action, WorkingSet } from '../src/model/types.js';
import type { UnpackOptions } from '../src/unpack/cluster.js';
import { unpack, type CibSpec } from './helpers.js';

/** Schedules a small CIB; the summary's columns are padded to the widest entry, so spaces are collapsed. */
export function run(spec: CibSpec, options: UnpackOptions = {}) {
  const result = schedule(unpack(spec, options));
  return { ...result, summary: result.summary.map((l) => l.replace(/\s+/g, ' ')) };
}

/** An action as "uuid@node" (or its uuid when it has no node). */
export const actionLabel = (a: Action): string => (a.node ? `${a.uuid}@${a.node.uname}` : a.uuid);

/** The actions that will be executed (runnable, not optional), as "uuid@node". */
export function required(ws: WorkingSet): string[] {
  return ws.actions.filter((a) => !(a.flags & ActionFlag.optional) && a.flags & ActionFlag.runnable).map(actionLabel).sort();
}

/** The action with this uuid (on this node, if given). */
export function findAction(ws: WorkingSet, uuid: string, node?: string): Action {
  const found = ws.actions.find((a) => a.uuid === uuid && (node === undefined || a.node?.uname === node));
  if (found === undefined) throw new Error(`no action ${uuid}${node ? ` on ${node}` : ''}`);
  return found;
}

/** The actions an action waits for, as "uuid@node" (after scheduling). */
export function inputs(ws: WorkingSet, uuid: string, node?: string): string[] {
  return findAction(ws, uuid, node).before.map((l) => actionLabel(l.action)).sort();
}
