// Placing a clone (Pacemaker's pcmk__clone_assign): what it is colocated with goes first, the
// preferences of what is colocated with it are merged in, then its instances are sorted and
// placed (variants/instances/assign.ts). A clone itself is never on one node.

import type { Node, NodeScore, Resource } from '../../model/types.js';
import { addDependentScores, thisWithColocations, withThisColocations } from '../../constraints/colocation.js';
import { showNodeScores } from '../../output/scores.js';
import { glibSort } from '../../util/glib-sort.js';
import { assignInstances, instanceComparator } from '../instances/assign.js';
import { promotableFeature } from './features.js';

export function cloneAssign(rsc: Resource, prefer: Node | undefined, stopIfFail: boolean): NodeScore | undefined {
  if (!rsc.provisional || rsc.allocating) return undefined;
  rsc.allocating = true;
  if (rsc.promotable) promotableFeature(rsc).addPromotionScores(rsc);
  for (const c of thisWithColocations(rsc)) c.primary.methods.assign(c.primary, prefer, stopIfFail);
  for (const c of withThisColocations(rsc)) addDependentScores(c, rsc);
  showNodeScores(rsc.cluster, rsc, 'pcmk__clone_assign', rsc.allowedNodes);
  rsc.children = glibSort(rsc.children, instanceComparator());
  const data = rsc.clone!;
  assignInstances(rsc, rsc.children, data.cloneMax, data.cloneNodeMax);
  if (rsc.promotable) promotableFeature(rsc).setInstanceRoles(rsc);
  rsc.provisional = false;
  rsc.allocating = false;
  return undefined;
}
