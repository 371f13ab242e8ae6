// A bundle's state from its replicas (Pacemaker's pe__bundle_active and
// pe__bundle_resource_state).

import { Role, type RoleN } from '../../model/role.js';
import type { Resource } from '../../model/types.js';

/**
 * Active anywhere (`all`: every replica's resources active), deciding on the first resource
 * that settles it, in upstream's order: IP address, instance, container, connection.
 */
export function bundleActive(rsc: Resource, all: boolean): boolean {
  for (const replica of rsc.bundle!.replicas) {
    for (const member of [replica.ip, replica.child, replica.container, replica.remote]) {
      if (member === undefined) continue;
      const active = member.methods.active(member, all);
      if (active && !all) return true;
      if (!active && all) return false;
    }
  }
  return all;
}

/** A bundle has no role of its own. */
export function bundleState(_rsc: Resource, _current: boolean): RoleN {
  return Role.unknown;
}
