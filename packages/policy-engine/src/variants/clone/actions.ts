// A clone's actions (Pacemaker's pcmk__clone_create_actions): the instances' own, the clone's
// start/running/stop/stopped pseudo-actions, then notifications and promotion around them.

import type { Resource } from '../../model/types.js';
import { createInstanceActions } from '../instances/actions.js';
import { notifyFeature, promotableFeature } from './features.js';

export function cloneCreateActions(rsc: Resource): void {
  const pseudo = createInstanceActions(rsc, rsc.children);
  if (rsc.notify) notifyFeature(rsc).createNotifyPseudoActions(rsc, pseudo);
  if (rsc.promotable) promotableFeature(rsc).createPromotableActions(rsc);
}
