// Notifications for a stop implied by fencing (Pacemaker's pe__order_notifs_after_fencing). The
// clone's usual post-stop notifications wait for the clone's stopped pseudo-action; when an
// instance's stop only happens because its node is fenced, the other instances must also hear of
// it after the fencing, even if nothing else of the clone stops.

import type { Action, Resource } from '../../../model/types.js';
import { createNotifyPseudoOps } from './data.js';
import { collectResourceData } from './environment.js';
import { createNotifyActions } from './actions.js';
import { topResource } from '../../../unpack/resource-helpers.js';

/**
 * Post-notification pseudo-actions of the instance after `fencing`, and a notification of every
 * instance that it stopped. The environment names only this instance and node.
 */
export function orderNotificationsAfterFencing(stop: Action, rsc: Resource, fencing: Action): void {
  const data = createNotifyPseudoOps(rsc, 'stop', undefined, fencing);
  collectResourceData(rsc, false, data);
  data.keys.push(['notify_stop_resource', rsc.id], ['notify_stop_uname', stop.node!.uname]);
  // Pacemaker's uber_parent, which stops below a bundle: a bundle's container or connection is
  // its own top, and notifies nobody else
  createNotifyActions(topResource(rsc), data);
}
