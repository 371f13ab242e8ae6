// The transition as a Graphviz digraph (crm_simulate -D; Pacemaker's write_sim_dotfile): actions
// in the graph bold green, optional ones dashed blue, unrunnable ones red.

import { ActionFlag, OrderFlag, has } from '../model/flags.js';
import type { Action, WorkingSet } from '../model/types.js';
import { notifyKey, opKey } from '../util/opkey.js';

function actionName(action: Action, verbose: boolean): string {
  let host: string | undefined;
  if (action.node !== undefined) host = action.node.uname;
  else if (!has(action.flags, ActionFlag.pseudo)) host = '<none>';
  let prefix = '';
  let task = action.task;
  if (action.task === 'cancel') {
    prefix = 'Cancel ';
    task = action.cancelTask ?? task;
  }
  const cloneName = action.rsc?.cloneName;
  let name: string;
  if (cloneName !== undefined) {
    const interval = Number.parseInt(action.meta.get('interval') ?? '0', 10) || 0;
    const key =
      action.task === 'notify' || action.task === 'notified'
        ? notifyKey(cloneName, action.meta.get('notify_key_type') ?? '', action.meta.get('notify_key_operation') ?? '')
        : opKey(cloneName, task, interval);
    name = host !== undefined ? `${prefix}${key} ${host}` : `${prefix}${key}`;
  } else if (action.task === 'stonith') {
    name = `${prefix}${action.task} '${action.meta.get('stonith_action')}' ${host}`;
  } else if (action.rsc !== undefined && host !== undefined) {
    name = `${prefix}${action.uuid} ${host}`;
  } else if (host !== undefined) {
    name = `${prefix}${action.task} ${host}`;
  } else {
    name = action.uuid;
  }
  return verbose ? `${name} (${action.id})` : name;
}

/** The dot text; actions already in the graph are flagged dumped by the graph stage. */
export function dotGraph(ws: WorkingSet, allActions: boolean, verbose: boolean): string {
  const lines = [' digraph "g" {'];
  const shown = new Set<Action>();
  for (let i = ws.actions.length - 1; i >= 0; i--) {
    const action = ws.actions[i]!;
    let style = 'dashed';
    let font = 'black';
    let color = 'black';
    if (has(action.flags, ActionFlag.pseudo)) font = 'orange';
    if (has(action.flags, ActionFlag.dumped)) {
      style = 'bold';
      color = 'green';
    } else if (action.rsc !== undefined && !action.rsc.managed) {
      color = 'red';
      font = 'purple';
      if (!allActions) continue;
    } else if (has(action.flags, ActionFlag.optional)) {
      color = 'blue';
      if (!allActions) continue;
    } else {
      color = 'red';
    }
    shown.add(action);
    lines.push(`"${actionName(action, verbose)}" [ style=${style} color="${color}" fontcolor="${font}"]`);
  }
  for (let i = ws.actions.length - 1; i >= 0; i--) {
    const action = ws.actions[i]!;
    for (let j = action.before.length - 1; j >= 0; j--) {
      const before = action.before[j]!;
      let style = 'dashed';
      let optional = true;
      if (before.dumped) {
        optional = false;
        style = 'bold';
      } else if (before.type === OrderFlag.none) {
        continue;
      } else if ((has(before.action.flags, ActionFlag.dumped) || shown.has(before.action)) && (has(action.flags, ActionFlag.dumped) || shown.has(action)) && before.type !== OrderFlag.load) {
        optional = false;
      }
      if (allActions || !optional) {
        lines.push(`"${actionName(before.action, verbose)}" -> "${actionName(action, verbose)}" [ style = ${style}]`);
      }
    }
  }
  lines.push('}');
  return `${lines.join('\n')}\n`;
}
