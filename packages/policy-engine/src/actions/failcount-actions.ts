// Clearing a fail count (Pacemaker's pe__clear_failcount): a cluster action in the graph.

import type { Action, Node, Resource } from '../model/types.js';
import { customAction } from './action.js';
import { opKey } from '../util/opkey.js';
import { setActionMetaIfUnset } from '../actions/action-meta.js';

export function clearFailcount(rsc: Resource, node: Node, _reason: string): Action {
  const action = customAction(rsc, rsc.cluster, opKey(rsc.id, 'clear_failcount'), 'clear_failcount', node, false);
  setActionMetaIfUnset(action, 'op_no_wait', 'true');
  return action;
}
