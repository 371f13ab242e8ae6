// A clone's state from its instances (Pacemaker's clone_active and clone_resource_state).

import { Role, type RoleN } from '../../model/role.js';
import type { Resource } from '../../model/types.js';

/** Any instance active (`all`: every instance active). */
export function cloneActive(rsc: Resource, all: boolean): boolean {
  for (const child of rsc.children) {
    const active = child.methods.active(child, all);
    if (!all && active) return true;
    if (all && !active) return false;
  }
  return all;
}

/** The highest role of any instance. */
export function cloneState(rsc: Resource, current: boolean): RoleN {
  let role: RoleN = Role.unknown;
  for (const child of rsc.children) {
    const r = child.methods.state(child, current);
    if (r > role) role = r;
  }
  return role;
}
