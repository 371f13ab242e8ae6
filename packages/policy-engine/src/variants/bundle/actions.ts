// A bundle's actions (Pacemaker's pcmk__bundle_create_actions): each replica's IP, container and
// connection actions, the bundle's start/running/stop/stopped pseudo-actions over the containers,
// then the bundled clone's actions (and the bundle's promotion pseudo-actions when it is
// promotable).

import { INFINITY } from '@hacluster/cib';
import type { Resource } from '../../model/types.js';
import { newRscPseudoAction } from '../../actions/action.js';
import { createInstanceActions } from '../instances/actions.js';
import { bundleContainers } from './data.js';

export function bundleCreateActions(rsc: Resource): void {
  const data = rsc.bundle!;
  for (const replica of data.replicas) {
    if (replica.ip !== undefined) replica.ip.methods.createActions(replica.ip);
    replica.container.methods.createActions(replica.container);
    if (replica.remote !== undefined) replica.remote.methods.createActions(replica.remote);
  }
  // (this asks the containers for their actions again, as upstream does; they are found, not remade)
  createInstanceActions(rsc, bundleContainers(rsc));
  const child = data.child;
  if (child === undefined) return;
  child.methods.createActions(child);
  if (child.promotable) {
    newRscPseudoAction(rsc, 'promote', true, true);
    newRscPseudoAction(rsc, 'promoted', true, true).priority = INFINITY;
    newRscPseudoAction(rsc, 'demote', true, true);
    newRscPseudoAction(rsc, 'demoted', true, true).priority = INFINITY;
  }
}
