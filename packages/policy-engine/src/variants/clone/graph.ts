// A clone in the transition graph (Pacemaker's pcmk__clone_add_actions_to_graph and
// pcmk__clone_add_graph_meta).

import type { Resource } from '../../model/types.js';
import { addResourceActionsToGraph, type GraphBuilder } from '../../output/graph.js';
import { notifyFeature } from './features.js';

/**
 * The clone's pseudo-actions get their final flags from the instances first; then the instances'
 * actions go in, then the clone's own.
 */
export function cloneAddActionsToGraph(rsc: Resource, builder: GraphBuilder): void {
  for (let i = rsc.actions.length - 1; i >= 0; i--) {
    const action = rsc.actions[i]!;
    rsc.methods.actionFlags(action, undefined);
  }
  if (rsc.notify) notifyFeature(rsc).createNotifications(rsc);
  for (const child of rsc.children) child.methods.addActionsToGraph(child, builder);
  addResourceActionsToGraph(rsc, builder);
}

/** What every action of an instance is told about its clone (CRM_meta_clone_max, …). */
export function cloneAddGraphMeta(rsc: Resource, attrs: Map<string, string>): void {
  const data = rsc.clone!;
  attrs.set('CRM_meta_globally_unique', rsc.unique ? 'true' : 'false');
  attrs.set('CRM_meta_notify', rsc.notify ? 'true' : 'false');
  attrs.set('CRM_meta_clone_max', String(data.cloneMax));
  attrs.set('CRM_meta_clone_node_max', String(data.cloneNodeMax));
  if (rsc.promotable) {
    attrs.set('CRM_meta_promoted_max', String(data.promotedMax));
    attrs.set('CRM_meta_promoted_node_max', String(data.promotedNodeMax));
    // the names agents used before Pacemaker 2.0
    attrs.set('CRM_meta_master_max', String(data.promotedMax));
    attrs.set('CRM_meta_master_node_max', String(data.promotedNodeMax));
  }
}
