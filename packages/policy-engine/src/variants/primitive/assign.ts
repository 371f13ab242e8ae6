// Placing a primitive (Pacemaker's pcmk__primitive_assign): mandatory colocations first (the
// primaries placed before their dependents, and the dependents' pull on this resource), then the
// optional ones, then the best node is chosen (staying put when several nodes tie).

import { MINUS_INFINITY } from '@hacluster/cib';
import { Role } from '../../model/role.js';
import type { Colocation, Node, NodeScore, Resource } from '../../model/types.js';
import { anyNodeAvailable, NodeAvail, nodeAvailableFor, sortNodes } from '../../assign/nodes.js';
import { finalizeAssignment } from '../../assign/assignment.js';
import { resourceLocation, copyTable } from '../../constraints/resource-location.js';
import { addDependentScores, thisWithColocations, withThisColocations } from '../../constraints/colocation.js';
import { showNodeScores } from '../../output/scores.js';
import { currentNode, isUniqueClone } from '../../unpack/resource-helpers.js';
import { findNode } from '../../unpack/nodes.js';
import { banInsufficientCapacity } from '../../assign/utilization.js';

/** A node with its cluster-wide score (upstream's node list entries, as opposed to allowed nodes). */
function baseScore(node: Node): NodeScore {
  return { node, weight: node.weight, fixed: node.fixed, count: 0, discoverMode: 0 };
}

function sortedAllowedNodes(rsc: Resource): NodeScore[] {
  const nodes = [...rsc.allowedNodes.values()];
  return sortNodes(rsc.cluster, nodes, currentNode(rsc));
}

const LIVE = NodeAvail.alive | NodeAvail.usable;

function assignBestNode(rsc: Resource, preferIn: Node | undefined, stopIfFail: boolean): boolean {
  // without room anywhere for it and its colocated resources, prefer the emptiest node
  const mostFree = banInsufficientCapacity(rsc);
  const prefer = preferIn ?? mostFree;
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
    } else if (!nodeAvailableFor(chosen, LIVE | NodeAvail.noBanned)) {
      chosen = undefined;
    }
  }
  if (chosen === undefined && best !== undefined) {
    chosen = best;
    if (!isUniqueClone(rsc.parent) && nodeAvailableFor(chosen, LIVE | NodeAvail.noZero | NodeAvail.noNegative)) {
      // prefer the node it runs on if that one is just as good
      const running = currentNode(rsc);
      if (running !== undefined && nodeAvailableFor(baseScore(running), LIVE | NodeAvail.noBanned)) {
        for (let i = 1; i < nodes.length; i++) {
          const allowed = nodes[i]!;
          if (allowed.weight !== chosen.weight) break;
          if (allowed.node === running) chosen = allowed;
        }
      }
    }
  }
  return finalizeAssignment(rsc, chosen, false, stopIfFail);
}

/** Applies a colocation where this resource is the dependent (the primary is placed first). */
function applyThisWith(rsc: Resource, c: Colocation): void {
  let archive = undefined;
  const other = c.primary;
  if (c.dependentRole >= Role.promoted || (c.score < 0 && c.score > MINUS_INFINITY)) archive = copyTable(rsc.allowedNodes);
  if (other.provisional) other.methods.assign(other, undefined, true);
  rsc.methods.applyColocScore(rsc, other, c, true);
  if (archive !== undefined && !anyNodeAvailable(rsc.allowedNodes)) rsc.allowedNodes = archive;
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

function isMandatory(c: Colocation): boolean {
  return c.score <= MINUS_INFINITY || c.score >= 1_000_000;
}

export function primitiveAssign(rsc: Resource, prefer: Node | undefined, stopIfFail = true): NodeScore | undefined {
  const ws = rsc.cluster;
  // never assign a child before its parent
  if (rsc.parent !== undefined && !rsc.parent.allocating) rsc.parent.methods.assign(rsc.parent, prefer, stopIfFail);
  if (!rsc.provisional) return rsc.assignedTo;
  if (rsc.allocating) return undefined;
  rsc.allocating = true;
  const thisWith = thisWithColocations(rsc);
  const withThis = withThisColocations(rsc);
  // mandatory colocations first, to satisfy as many as possible
  for (const c of thisWith) if (isMandatory(c)) applyThisWith(rsc, c);
  for (const c of withThis) if (isMandatory(c)) addDependentScores(c, rsc);
  for (const c of thisWith) if (!isMandatory(c)) applyThisWith(rsc, c);
  for (const c of withThis) if (!isMandatory(c)) addDependentScores(c, rsc);
  if (rsc.nextRole === Role.stopped) {
    resourceLocation(rsc, undefined, MINUS_INFINITY, 'target-role');
  } else if (rsc.nextRole > rsc.role && !ws.flags.haveQuorum && ws.noQuorumPolicy === 'freeze') {
    rsc.nextRole = rsc.role;
  }
  showNodeScores(ws, rsc, 'pcmk__primitive_assign', rsc.allowedNodes);
  if (ws.flags.stonithEnabled && !ws.flags.haveStonithResource) rsc.managed = false;
  if (!rsc.managed) {
    // unmanaged resources stay where they are
    rsc.nextRole = rsc.role;
    const node = currentNode(rsc);
    finalizeAssignment(rsc, node === undefined ? undefined : baseScore(node), true, stopIfFail);
  } else if (ws.flags.stopEverything) {
    finalizeAssignment(rsc, undefined, true, stopIfFail);
  } else {
    assignBestNode(rsc, prefer, stopIfFail);
  }
  rsc.allocating = false;
  if (rsc.isRemoteNode) remoteConnectionAssigned(rsc);
  return rsc.assignedTo;
}
