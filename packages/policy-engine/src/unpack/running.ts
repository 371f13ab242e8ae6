// Recording where a resource is active (Pacemaker's native_add_running), with what that implies:
// node priorities, unmanaged resources pinned where they are, multiple-active recovery.

import { INFINITY, MINUS_INFINITY } from '@hacluster/cib';
import type { Node, Resource, WorkingSet } from '../model/types.js';
import { Role } from '../model/role.js';
import { resourceLocation, allNodesTable } from '../constraints/resource-location.js';
import { findActiveOn } from './resource-helpers.js';

function priorityToNode(rsc: Resource, node: Node, failed: boolean): void {
  if (rsc.priority === 0 || failed) return;
  const priority = rsc.role === Role.promoted ? rsc.priority + 1 : rsc.priority;
  node.priority += priority;
  const container = node.remoteRsc?.container;
  if (container) for (const n of container.runningOn) n.priority += priority;
}

function isMultiplyActive(rsc: Resource): boolean {
  if (rsc.variant !== 'primitive') return false;
  const counts = { all: 0, clean: 0 };
  findActiveOn(rsc, counts);
  return (rsc.needsFencing ? counts.all : counts.clean) > 1;
}

export function addRunning(ws: WorkingSet, rsc: Resource, node: Node, failed: boolean): void {
  for (const n of rsc.runningOn) if (n.id.toLowerCase() === node.id.toLowerCase()) return;
  rsc.runningOn.push(node);
  if (rsc.variant === 'primitive') {
    node.runningRsc.push(rsc);
    priorityToNode(rsc, node, failed);
    if (node.maintenance) {
      rsc.managed = false;
      rsc.maintenance = true;
    }
  }
  if (!rsc.managed) {
    resourceLocation(rsc, node, INFINITY, 'not_managed_default');
    for (let p = rsc.parent; p !== undefined && node.online; p = p.parent) p.runningOn.push(node);
    return;
  }
  if (isMultiplyActive(rsc)) {
    switch (rsc.recoveryType) {
      case 'stop_only':
        rsc.allowedNodes = allNodesTable(ws.nodes, MINUS_INFINITY);
        break;
      case 'block':
        rsc.managed = false;
        rsc.blocked = true;
        if (rsc.parent && (rsc.parent.variant === 'group' || rsc.parent.variant === 'bundle') && rsc.parent.recoveryType === 'block') {
          for (const child of rsc.parent.children) {
            child.managed = false;
            child.blocked = true;
          }
        }
        break;
      default:
        break;
    }
  }
  if (rsc.parent !== undefined) addRunning(ws, rsc.parent, node, false);
}
