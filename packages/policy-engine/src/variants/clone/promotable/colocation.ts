// Colocations with a promotable clone that name its role (Pacemaker's
// pcmk__update_dependent_with_promotable and pcmk__update_promotable_dependent_priority): while
// the dependent is placed, it goes where the primary's instances will have that role; once it is
// placed, a promoted-role dependent's promotion priority follows them.

import { INFINITY, MINUS_INFINITY, addScores, type Score } from '@hacluster/cib';
import { Role } from '../../../model/role.js';
import type { Colocation, Node, NodeScore, Resource } from '../../../model/types.js';
import { colocationIntersectNodes, colocationNodeAttr } from '../../../constraints/colocation.js';
import { anyBlocked, findCompatibleInstance } from '../../instances/interleave.js';
import { LocationKind } from '../../methods.js';
import { eqCase } from '../../../util/strings.js';

/** An optional colocation adds its score where the node attribute matches the primary instance's. */
function updateDependentAllowedNodes(dependent: Resource, primary: Resource, primaryNode: Node, c: Colocation): void {
  // a mandatory colocation bans the other nodes instead, so scores do not matter
  if (c.score >= INFINITY) return;
  const attr = c.nodeAttribute ?? '#uname';
  const primaryValue = colocationNodeAttr(primaryNode, attr, primary);
  for (const ns of dependent.allowedNodes.values()) {
    if (eqCase(primaryValue, colocationNodeAttr(ns.node, attr, dependent))) ns.weight = addScores(ns.weight, c.score);
  }
}

function updateDependentWithPromotable(primary: Resource, dependent: Resource, c: Colocation): void {
  const affected: NodeScore[] = [];
  for (const instance of primary.children) {
    const node = instance.methods.location(instance, undefined, LocationKind.assigned);
    if (node === undefined) continue;
    if (instance.methods.state(instance, false) !== c.primaryRole) continue;
    updateDependentAllowedNodes(dependent, primary, node, c);
    // with the score the instance was assigned with (merged into the dependent's below)
    affected.unshift({ node, weight: instance.assignedTo?.weight ?? (0 as Score), fixed: false, count: 0, discoverMode: 0 });
  }
  // promoted with promoted is left out: inactive dependent instances must still start unpromoted
  if (c.score >= INFINITY && (c.dependentRole !== Role.promoted || c.primaryRole !== Role.promoted)) {
    colocationIntersectNodes(dependent, affected, true);
  }
}

/**
 * A primary instance in the colocation's role on a node whose node attribute has the value the
 * dependent's node has (with a node attribute other than the node name, any node of the same
 * site counts, not only the dependent's own).
 */
function primaryInstanceFor(dependent: Resource, primary: Resource, c: Colocation): Resource | undefined {
  const attr = c.nodeAttribute;
  const dependentNode = dependent.methods.location(dependent, undefined, LocationKind.assigned);
  if (attr === undefined || attr === '#uname' || dependentNode === undefined) {
    return findCompatibleInstance(dependent, primary, c.primaryRole, false);
  }
  const value = colocationNodeAttr(dependentNode, attr, dependent);
  return primary.children.find((instance) => {
    if (anyBlocked(instance) || instance.methods.state(instance, false) !== c.primaryRole) return false;
    const node = instance.methods.location(instance, undefined, LocationKind.assigned);
    return node !== undefined && eqCase(colocationNodeAttr(node, attr, primary), value);
  });
}

function updatePromotableDependentPriority(primary: Resource, dependent: Resource, c: Colocation): number {
  const instance = primaryInstanceFor(dependent, primary, c);
  if (instance !== undefined) {
    dependent.priority = addScores(dependent.priority, c.score);
    return c.score;
  }
  if (c.score >= INFINITY) {
    // mandatory, and the primary will not have that role here: no promotion
    dependent.priority = MINUS_INFINITY;
    return MINUS_INFINITY;
  }
  return 0;
}

/** The role-specific part of a colocation with a promotable clone; undefined when it does not apply. */
export function applyRoleColocation(dependent: Resource, primary: Resource, c: Colocation): number | undefined {
  if (dependent.provisional) {
    updateDependentWithPromotable(primary, dependent, c);
    return 0;
  }
  if (c.dependentRole === Role.promoted) return updatePromotableDependentPriority(primary, dependent, c);
  return undefined;
}
