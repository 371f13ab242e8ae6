// The promotable feature of the clone variant (Pacemaker's pcmk_sched_promotable.c), as the
// clone code's hooks call it.

import type { PromotableFeature } from '../features.js';
import { addPromotionScores } from './scores.js';
import { setInstanceRoles } from './roles.js';
import { createPromotableActions, orderPromotableInstances } from './actions.js';
import { applyRoleColocation } from './colocation.js';

export const promotableClones: PromotableFeature = {
  addPromotionScores,
  setInstanceRoles,
  createPromotableActions,
  orderPromotableInstances,
  applyRoleColocation,
};
