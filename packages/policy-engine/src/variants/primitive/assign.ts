// Placing a primitive (Pacemaker's pcmk__primitive_assign): its primaries are placed first and
// their colocations applied, then the scores of resources colocated with it, then the best node
// is chosen (staying put when several nodes tie).

import { MINUS_INFINITY } from '@hacluster/cib';
import { Role } from '../../model/role.js';
import type { Colocation, Node, NodeScore, Resource } from '../../model/types.js';
import { anyNodeAvailable, nodeAvailable, sortNodes } from '../../assign/nodes.js';
import { finalizeAssignment } from '../../assign/assignment.js';
import { resourceLocation, copyTable } from '../../constraints/resource-location.js';
import { addColocatedNodeScores, colocationFactor, colocationHasInfluence, ColocSelect } from '../../constraints/colocation.js';
import { showNodeScores } from '../../output/scores.js';
import { currentNode, isUniqueClone } from '../../unpack/resource-helpers.js';
import { findNode } from '../../unpack/nodes.js';

/** A node with its cluster-wide score (upstream's node list entries, as opposed to allowed nodes). */
function baseScore(node: Node): NodeScore {
  return { node, weight: node.weight, fixed: node.fixed, count: 0, discoverMode: 0 };
}

function sortedAllowedNodes(rsc: Resource): NodeScore[] {
  const nodes = [...rsc.allowedNodes.values()];
  return sortNodes(rsc.cluster, nodes, currentNode(rsc));
}

function assignBestNode(rsc: Resource, preferIn: Node | undefined): boolean {
  const prefer = preferIn;
  if (!rsc.provisional) return rsc.assignedTo !== undefined;
  const nodes = sortedAllowedNodes(rsc);
  const best = nodes[0];
  let chosen: NodeScore | undefined;
  if (prefer !== undefined && best !== undefined) {
    chosen = rsc.allowedNodes.get(prefer.id);
    if (chosen === undefined) {
      // not allowed there
    } else if (chosen.weight < best.weight) {
      chosen = undefined;
    } else if (!nodeAvailable(chosen, true, false)) {
      chosen = undefined;
    }
  }
  if (chosen === undefined && best !== undefined) {
    chosen = best;
    if (!isUniqueClone(rsc.parent) && chosen.weight > 0 && nodeAvailable(chosen, false, false)) {
      const running = currentNode(rsc);
      if (running !== undefined && nodeAvailable(baseScore(running), true, false)) {
        for (let i = 1; i < nodes.length; i++) {
          const allowed = nodes[i]!;
          if (allowed.weight !== chosen.weight) break;
          if (allowed.node === running) chosen = allowed;
        }
      }
    }
  }
  return finalizeAssignment(rsc, chosen, false);
}

/** Applies a colocation where this resource is the dependent (the primary is placed first). */
function applyThisWith(rsc: Resource, c: Colocation): void {
  let archive = undefined;
  const other = c.primary;
  if (c.dependentRole >= Role.promoted || (c.score < 0 && c.score > MINUS_INFINITY)) archive = copyTable(rsc.allowedNodes);
  other.methods.assign(other, undefined);
  rsc.methods.applyColocScore(rsc, other, c, true);
  if (archive !== undefined && !anyNodeAvailable(rsc.allowedNodes)) rsc.allowedNodes = archive;
}

/** Adds the preferences of resources colocated with this one. */
function applyWithThis(rsc: Resource, c: Colocation): void {
  const other = c.dependent;
  if (!colocationHasInfluence(c, undefined)) return;
  const holder = { table: rsc.allowedNodes as typeof rsc.allowedNodes | undefined };
  addColocatedNodeScores(other, rsc.id, holder, c.nodeAttribute, colocationFactor(c.score), ColocSelect.active);
  rsc.allowedNodes = holder.table!;
}

function remoteConnectionAssigned(connection: Resource): void {
  const remote = findNode(connection.cluster, connection.id);
  if (!remote) return;
  if (connection.assignedTo !== undefined && connection.nextRole !== Role.stopped) {
    remote.online = true;
    if (remote.unseen) remote.unclean = false;
  } else {
    remote.shutdown = true;
  }
}

export function primitiveAssign(rsc: Resource, prefer: Node | undefined): NodeScore | undefined {
  const ws = rsc.cluster;
  if (rsc.parent !== undefined && !rsc.parent.allocating) rsc.parent.methods.assign(rsc.parent, prefer);
  if (!rsc.provisional) return rsc.assignedTo;
  if (rsc.allocating) return undefined;
  rsc.allocating = true;
  for (const c of rsc.thisWith.slice()) applyThisWith(rsc, c);
  for (const c of rsc.withThis.slice()) applyWithThis(rsc, c);
  if (rsc.nextRole === Role.stopped) {
    resourceLocation(rsc, undefined, MINUS_INFINITY, 'target-role');
  } else if (rsc.nextRole > rsc.role && !ws.flags.haveQuorum && ws.noQuorumPolicy === 'freeze') {
    rsc.nextRole = rsc.role;
  }
  showNodeScores(ws, rsc, 'pcmk__primitive_assign', rsc.allowedNodes);
  if (ws.flags.stonithEnabled && !ws.flags.haveStonithResource) rsc.managed = false;
  if (!rsc.managed) {
    rsc.nextRole = rsc.role;
    const node = currentNode(rsc);
    finalizeAssignment(rsc, node === undefined ? undefined : baseScore(node), true);
  } else if (ws.flags.stopEverything) {
    finalizeAssignment(rsc, undefined, true);
  } else if (rsc.provisional) {
    assignBestNode(rsc, prefer);
  }
  rsc.allocating = false;
  if (rsc.isRemoteNode) remoteConnectionAssigned(rsc);
  return rsc.assignedTo;
}
