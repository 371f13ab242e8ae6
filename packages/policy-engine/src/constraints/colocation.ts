// Colocation constraints (Pacemaker's pcmk_sched_colocation.c): unpacking (simple, sets, tags),
// and how a colocation turns into node scores for the dependent, and back into the primary's
// scores ("with this" influence). Factors are single-precision floats as upstream computes them.

import { INFINITY, MINUS_INFINITY, addScores, type Score, type XmlElement } from '@hacluster/cib';
import { Role, parseRoleN, type RoleN } from '../model/role.js';
import type { Colocation, Node, NodeScore, NodeTable, Resource, WorkingSet } from '../model/types.js';
import { char2score } from '../util/score.js';
import { eqCase, strcmp, toBoolean } from '../util/strings.js';
import { expandIdref } from '../util/xml.js';
import { memoByText } from '../util/memo.js';
import { anyNodeAvailable, nodeAvailable } from '../assign/nodes.js';
import { copyTable } from './resource-location.js';
import { expandTagsInSets, findConstraintResource, resourceOrTag, tagToSet } from './resolve.js';
import { orderResourceActions } from './ordering.js';
import { OrderFlag } from '../model/flags.js';
import { isBundled, topResource } from '../unpack/resource-helpers.js';
import { replicaOfContainer } from '../variants/bundle/data.js';

/** Marks a node score as "was positive, would turn negative" while adding scores. */
export const INFINITY_HACK = -100_000_000;

const VARIANT_RANK = { primitive: 0, group: 1, clone: 2, bundle: 3 } as const;

function cmpRscPriority(r1: Resource, r2: Resource): number {
  if (r1.priority > r2.priority) return -1;
  if (r1.priority < r2.priority) return 1;
  const v1 = VARIANT_RANK[r1.variant];
  const v2 = VARIANT_RANK[r2.variant];
  if (v1 > v2) return -1;
  if (v1 < v2) return 1;
  if (r1.variant === 'clone') {
    if (r1.promotable && !r2.promotable) return -1;
    if (!r1.promotable && r2.promotable) return 1;
  }
  return strcmp(r1.id, r2.id);
}

/** GLib's g_list_insert_sorted: before the first element the new one does not sort after. */
function insertSorted(list: Colocation[], item: Colocation, cmp: (a: Colocation, b: Colocation) => number): void {
  let i = 0;
  while (i < list.length && cmp(item, list[i]!) > 0) i++;
  list.splice(i, 0, item);
}

export function addThisWith(rsc: Resource, colocation: Colocation): void {
  insertSorted(rsc.thisWith, colocation, (a, b) => cmpRscPriority(a.primary, b.primary));
}

export function addWithThis(rsc: Resource, colocation: Colocation): void {
  insertSorted(rsc.withThis, colocation, (a, b) => cmpRscPriority(a.dependent, b.dependent));
}

function antiColocationOrder(first: Resource, firstRole: RoleN, then: Resource, thenRole: RoleN): void {
  const firstTasks: string[] = [];
  const thenTasks: string[] = [];
  if (firstRole === Role.promoted) {
    firstTasks.push('demote');
  } else {
    firstTasks.push('stop');
    if (firstRole === Role.unpromoted) firstTasks.push('promote');
  }
  if (thenRole === Role.promoted) {
    thenTasks.push('promote');
  } else {
    thenTasks.push('start');
    if (thenRole === Role.unpromoted) thenTasks.push('demote');
  }
  for (const f of firstTasks) for (const t of thenTasks) orderResourceActions(first, f, then, t, OrderFlag.antiColocation);
}

function roleOf(text: string | undefined): RoleN {
  if (text === undefined || eqCase(text, 'Started')) return Role.unknown;
  return parseRoleN(text);
}

/** Pacemaker's pcmk__new_colocation. */
export function newColocation(
  ws: WorkingSet,
  id: string,
  nodeAttr: string | undefined,
  score: Score,
  dependent: Resource | undefined,
  primary: Resource | undefined,
  dependentRole: string | undefined,
  primaryRole: string | undefined,
  influence: boolean,
  explicit = true,
): void {
  if (score === 0 || dependent === undefined || primary === undefined) return;
  const c: Colocation = {
    id,
    dependent,
    primary,
    score,
    dependentRole: roleOf(dependentRole),
    primaryRole: roleOf(primaryRole),
    nodeAttribute: nodeAttr,
    influence,
    explicit,
  };
  addThisWith(dependent, c);
  addWithThis(primary, c);
  ws.colocations.push(c);
  if (score <= MINUS_INFINITY) {
    antiColocationOrder(dependent, c.dependentRole, primary, c.primaryRole);
    antiColocationOrder(primary, c.primaryRole, dependent, c.dependentRole);
  }
}

function unpackInfluence(rsc: Resource, influence: string | undefined): boolean {
  if (influence !== undefined) {
    const b = toBoolean(influence);
    if (b !== undefined) return b;
  }
  return rsc.critical;
}

function refsOf(ws: WorkingSet, set: XmlElement): (Resource | undefined)[] {
  return set.elements('resource_ref').map((r) => findConstraintResource(ws, r.get('id')));
}

function unpackColocationSet(ws: WorkingSet, set: XmlElement, score: Score, influenceS: string | undefined): void {
  const setId = set.get('id') ?? '';
  const role = set.get('role');
  const ordering = set.get('ordering') ?? 'group';
  const scoreS = set.get('score');
  const localScore = scoreS !== undefined ? char2score(scoreS) : score;
  if (localScore === 0) return;
  const sequential = toBoolean(set.get('sequential'));
  const refs = set.elements('resource_ref');
  if (sequential === false) return;
  if (localScore > 0 && ordering.toLowerCase() === 'group') {
    let withRsc: Resource | undefined;
    for (const ref of refs) {
      const rsc = findConstraintResource(ws, ref.get('id'));
      if (rsc === undefined) return;
      if (withRsc !== undefined) newColocation(ws, setId, undefined, localScore, rsc, withRsc, role, role, unpackInfluence(rsc, influenceS));
      withRsc = rsc;
    }
  } else if (localScore > 0) {
    let last: Resource | undefined;
    for (const ref of refs) {
      const rsc = findConstraintResource(ws, ref.get('id'));
      if (rsc === undefined) return;
      if (last !== undefined) newColocation(ws, setId, undefined, localScore, last, rsc, role, role, unpackInfluence(rsc, influenceS));
      last = rsc;
    }
  } else {
    for (const ref of refs) {
      const rsc = findConstraintResource(ws, ref.get('id'));
      if (rsc === undefined) return;
      const influence = unpackInfluence(rsc, influenceS);
      for (const other of refs) {
        if (eqCase(rsc.id, other.get('id'))) break;
        const withRsc = findConstraintResource(ws, other.get('id'));
        if (withRsc === undefined) return;
        newColocation(ws, setId, undefined, localScore, rsc, withRsc, role, role, influence);
      }
    }
  }
}

function colocateRscSets(ws: WorkingSet, id: string, set1: XmlElement, set2: XmlElement, score: Score, influenceS: string | undefined): void {
  const role1 = set1.get('role');
  const role2 = set2.get('role');
  if (score === 0) return;
  let rsc1: Resource | undefined;
  let rsc2: Resource | undefined;
  const seq1 = toBoolean(set1.get('sequential'));
  if (seq1 === undefined || seq1) {
    const first = set1.first('resource_ref');
    if (first !== undefined) {
      rsc1 = findConstraintResource(ws, first.get('id'));
      if (rsc1 === undefined) return;
    }
  }
  const seq2 = toBoolean(set2.get('sequential'));
  if (seq2 === undefined || seq2) {
    const refs = set2.elements('resource_ref');
    const last = refs[refs.length - 1]?.get('id');
    rsc2 = findConstraintResource(ws, last);
    if (rsc2 === undefined) return;
  }
  if (rsc1 && rsc2) {
    newColocation(ws, id, undefined, score, rsc1, rsc2, role1, role2, unpackInfluence(rsc1, influenceS));
  } else if (rsc1) {
    const influence = unpackInfluence(rsc1, influenceS);
    for (const r of refsOf(ws, set2)) {
      if (r === undefined) return;
      newColocation(ws, id, undefined, score, rsc1, r, role1, role2, influence);
    }
  } else if (rsc2) {
    for (const r of refsOf(ws, set1)) {
      if (r === undefined) return;
      newColocation(ws, id, undefined, score, r, rsc2, role1, role2, unpackInfluence(r, influenceS));
    }
  } else {
    for (const r1 of refsOf(ws, set1)) {
      if (r1 === undefined) return;
      const influence = unpackInfluence(r1, influenceS);
      for (const r2 of refsOf(ws, set2)) {
        if (r2 === undefined) return;
        newColocation(ws, id, undefined, score, r1, r2, role1, role2, influence);
      }
    }
  }
}

function unpackSimpleColocation(ws: WorkingSet, xml: XmlElement, id: string, influenceS: string | undefined): void {
  const scoreS = xml.get('score');
  let dependent = findConstraintResource(ws, xml.get('rsc'));
  let primary = findConstraintResource(ws, xml.get('with-rsc'));
  const depInstance = xml.get('rsc-instance');
  const primInstance = xml.get('with-rsc-instance');
  if (dependent === undefined || primary === undefined) return;
  if (depInstance !== undefined) {
    if (dependent.variant !== 'clone') return;
    dependent = dependent.children.find((c) => c.id === `${dependent!.id}:${depInstance}` || c.id.endsWith(`:${depInstance}`));
    if (dependent === undefined) return;
  }
  if (primInstance !== undefined) {
    if (primary.variant !== 'clone') return;
    primary = primary.children.find((c) => c.id.endsWith(`:${primInstance}`));
    if (primary === undefined) return;
  }
  const score = scoreS !== undefined ? char2score(scoreS) : (0 as Score);
  newColocation(
    ws,
    id,
    xml.get('node-attribute'),
    score,
    dependent,
    primary,
    xml.get('rsc-role'),
    xml.get('with-rsc-role'),
    unpackInfluence(dependent, influenceS),
  );
}

/** Constraints naming tags become resource sets (Pacemaker's unpack_colocation_tags). */
function expandColocationTags(ws: WorkingSet, xml: XmlElement): XmlElement | undefined | null {
  const expanded = expandTagsInSets(ws, xml);
  if (expanded !== undefined) return expanded;
  const depId = xml.get('rsc');
  const primId = xml.get('with-rsc');
  if (depId === undefined || primId === undefined) return undefined;
  const dep = resourceOrTag(ws, depId);
  const prim = resourceOrTag(ws, primId);
  if (dep === undefined || prim === undefined) return null;
  if (dep.kind === 'resource' && prim.kind === 'resource') return undefined;
  if (dep.kind === 'tag' && prim.kind === 'tag') return null;
  const depRole = xml.get('rsc-role');
  const primRole = xml.get('with-rsc-role');
  const copy = xml.clone();
  let anySets = false;
  const depSet = tagToSet(ws, copy, 'rsc', true);
  if (depSet === null) return null;
  if (depSet !== undefined) {
    if (depRole !== undefined) {
      depSet.set('role', depRole);
      copy.remove('rsc-role');
    }
    anySets = true;
  }
  const primSet = tagToSet(ws, copy, 'with-rsc', true);
  if (primSet === null) return null;
  if (primSet !== undefined) {
    if (primRole !== undefined) {
      primSet.set('role', primRole);
      copy.remove('with-rsc-role');
    }
    anySets = true;
  }
  return anySets ? copy : undefined;
}

/** One rsc_colocation element (Pacemaker's pcmk__unpack_colocation). */
export function unpackColocation(ws: WorkingSet, original: XmlElement): void {
  const id = original.get('id') ?? '';
  const scoreS = original.get('score');
  const influenceS = original.get('influence');
  const score = scoreS !== undefined ? char2score(scoreS) : (0 as Score);
  const expanded = expandColocationTags(ws, original);
  if (expanded === null) return;
  const xml = expanded ?? original;
  let last: XmlElement | undefined;
  for (const setRef of xml.elements('resource_set')) {
    const set = expandIdref(setRef, ws.idIndex);
    if (set === undefined) return;
    unpackColocationSet(ws, set, score, influenceS);
    if (last !== undefined) colocateRscSets(ws, id, last, set, score, influenceS);
    last = set;
  }
  if (last === undefined) unpackSimpleColocation(ws, original, id, influenceS);
}

// ---- gathering a resource's colocations ------------------------------------------------------

/**
 * Pacemaker's pcmk__add_this_with_list. Faithful to upstream, including its quirk: when the list
 * already has entries, the first colocation of `addition` is inserted once per entry of
 * `addition` (the loop inserts addition->data rather than iter->data).
 */
export function addThisWithList(list: Colocation[], addition: readonly Colocation[]): void {
  if (list.length === 0) {
    list.push(...addition);
    return;
  }
  for (let i = 0; i < addition.length; i++) insertSorted(list, addition[0]!, (a, b) => cmpRscPriority(a.primary, b.primary));
}

/** Pacemaker's pcmk__add_with_this_list (same quirk as addThisWithList). */
export function addWithThisList(list: Colocation[], addition: readonly Colocation[]): void {
  if (list.length === 0) {
    list.push(...addition);
    return;
  }
  for (let i = 0; i < addition.length; i++) insertSorted(list, addition[0]!, (a, b) => cmpRscPriority(a.dependent, b.dependent));
}

/** Adds one colocation to a "this with" list, in primary priority order. */
export function addThisWithTo(list: Colocation[], c: Colocation): void {
  insertSorted(list, c, (a, b) => cmpRscPriority(a.primary, b.primary));
}

/** Adds one colocation to a "with this" list, in dependent priority order. */
export function addWithThisTo(list: Colocation[], c: Colocation): void {
  insertSorted(list, c, (a, b) => cmpRscPriority(a.dependent, b.dependent));
}

/** Every colocation affecting a resource as the primary (its own and its ancestors' that apply). */
export function withThisColocations(rsc: Resource): Colocation[] {
  const list: Colocation[] = [];
  rsc.methods.withThisColocations(rsc, rsc, list);
  return list;
}

/** Every colocation affecting a resource as the dependent. */
export function thisWithColocations(rsc: Resource): Colocation[] {
  const list: Colocation[] = [];
  rsc.methods.thisWithColocations(rsc, rsc, list);
  return list;
}

// ---- applying colocations ------------------------------------------------------------------

export const CollocAffects = { nothing: 0, location: 1, role: 2 } as const;
export type CollocAffectsN = (typeof CollocAffects)[keyof typeof CollocAffects];

/**
 * Pacemaker's pcmk__colocation_node_attr: a colocation's node attribute on a node, read from the
 * container's assigned host when the resource asks for it (container-attribute-target=host).
 */
export function colocationNodeAttr(node: Node, attr: string, rsc: Resource | undefined): string | undefined {
  const container = node.remoteRsc?.container;
  // (a cluster node: its own attributes, whatever the resource asks for)
  if (container === undefined) return node.attrs.get(attr);
  // What is colocated with a bundle's resource goes with the replica's container, so a bundle
  // node's attributes are its host's for the bundled resource (not for containers or addresses).
  const forceHost = rsc !== undefined && node.remoteRsc !== undefined && isBundled(node.remoteRsc) && isBundled(rsc) && topResource(rsc).variant === 'clone';
  const target = forceHost ? 'host' : rsc?.meta.get('container-attribute-target');
  if (target === undefined || target.toLowerCase() !== 'host' || container === undefined) return node.attrs.get(attr);
  const host = container.assignedTo?.node;
  return host === undefined ? undefined : host.attrs.get(attr);
}

/**
 * The resource whose role a colocation looks at (Pacemaker's get_resource_for_role): a bundle
 * replica's container is never promoted, the bundled instance inside it may be.
 */
function resourceForRole(rsc: Resource): Resource {
  return replicaOfContainer(rsc)?.child ?? rsc;
}

/** Pacemaker's pcmk__colocation_affects: does this colocation matter now, and for what? */
export function colocationAffects(dependent: Resource, primary: Resource, c: Colocation, preview: boolean): CollocAffectsN {
  if (!preview && primary.provisional) return CollocAffects.nothing;
  const dependentRoleRsc = resourceForRole(dependent);
  const primaryRoleRsc = resourceForRole(primary);
  if (c.dependentRole >= Role.unpromoted && dependentRoleRsc.parent?.promotable && !dependentRoleRsc.provisional) return CollocAffects.role;
  if (!preview && !dependent.provisional) return CollocAffects.nothing;
  if (c.dependentRole !== Role.unknown && c.dependentRole !== dependentRoleRsc.nextRole) return CollocAffects.nothing;
  if (c.primaryRole !== Role.unknown && c.primaryRole !== primaryRoleRsc.nextRole) return CollocAffects.nothing;
  return CollocAffects.location;
}

/** Pacemaker's pcmk__apply_coloc_to_scores: the dependent follows (or avoids) the primary's node. */
export function applyColocToScores(dependent: Resource, primary: Resource, c: Colocation): void {
  const attr = c.nodeAttribute ?? '#uname';
  let value: string | undefined;
  const primaryNode = primary.assignedTo?.node;
  if (primaryNode !== undefined) value = colocationNodeAttr(primaryNode, attr, primary);
  else if (c.score < 0) return;
  const work = copyTable(dependent.allowedNodes);
  for (const ns of work.values()) {
    if (primaryNode === undefined) {
      ns.weight = addScores((-c.score) as Score, ns.weight);
      continue;
    }
    if (eqCase(colocationNodeAttr(ns.node, attr, dependent), value)) {
      if (c.score < INFINITY) ns.weight = addScores(c.score, ns.weight);
      continue;
    }
    if (c.score >= INFINITY) ns.weight = MINUS_INFINITY;
  }
  if (c.score <= MINUS_INFINITY || c.score >= INFINITY || anyNodeAvailable(work)) dependent.allowedNodes = work;
}

/**
 * Pacemaker's pcmk__apply_coloc_to_priority: colocations that only affect promotion. Returns
 * what was added to the dependent's priority.
 */
export function applyColocToPriority(dependent: Resource, primary: Resource, c: Colocation): number {
  const primaryNode = primary.assignedTo?.node;
  const dependentNode = dependent.assignedTo?.node;
  if (dependentNode === undefined) return 0;
  if (primaryNode !== undefined && c.primaryRole !== Role.unknown && c.primaryRole !== resourceForRole(primary).nextRole) return 0;
  const attr = c.nodeAttribute ?? '#uname';
  const dependentValue = colocationNodeAttr(dependentNode, attr, dependent);
  const primaryValue = primaryNode === undefined ? undefined : colocationNodeAttr(primaryNode, attr, primary);
  let multiplier = 1;
  if (!eqCase(dependentValue, primaryValue)) {
    if (c.score === INFINITY && c.dependentRole === Role.promoted) multiplier = -1;
    else return 0;
  } else if (c.dependentRole === Role.unpromoted) {
    multiplier = -1;
  }
  const delta = multiplier * c.score;
  dependent.priority = addScores(delta as Score, dependent.priority);
  return delta;
}

/** A case-insensitive key for eqCase's equality (same length, same lower case). */
function caseKey(value: string | undefined): string | undefined {
  return value === undefined ? undefined : caseKeyOf(value);
}

// (node attribute values are few, and asked about for every node and colocation)
const caseKeyOf = memoByText((value) => `${value.length}:${value.toLowerCase()}`);

/**
 * Pacemaker's best_node_score_matching_attr for every value at once: the best score among a
 * resource's available allowed nodes for each value of the attribute (keyed by caseKey; a value
 * absent from the map has -INFINITY). One pass over the nodes instead of one per node asked about.
 */
function bestNodeScoresByAttr(c: Colocation | undefined, rsc: Resource, attr: string): Map<string | undefined, number> {
  const original = rsc.allowedNodes;
  const group = rsc.parent;
  if (c !== undefined && rsc === c.dependent && c.explicit && group?.variant === 'group' && rsc !== group.children[0]) {
    // a member after the first did not get the group's location scores: consider them now
    rsc.allowedNodes = copyTable(original);
    // the group's own locations, oldest first (group.locations holds them newest first)
    for (let i = group.locations.length - 1; i >= 0; i--) rsc.methods.applyLocation(rsc, group.locations[i]!);
  }
  const best = new Map<string | undefined, number>();
  for (const ns of rsc.allowedNodes.values()) {
    if (ns.weight <= MINUS_INFINITY || !nodeAvailable(ns, false, false)) continue;
    const key = caseKey(colocationNodeAttr(ns.node, attr, rsc));
    if (ns.weight > (best.get(key) ?? MINUS_INFINITY)) best.set(key, ns.weight);
  }
  rsc.allowedNodes = original;
  return best;
}

/** Whether a resource may run on exactly one node. */
function allowedOnOne(rsc: Resource): boolean {
  let count = 0;
  for (const ns of rsc.allowedNodes.values()) {
    if (ns.weight >= 0 && ++count > 1) return false;
  }
  return count === 1;
}

/** Single-precision float, as C's float. */
const f32 = Math.fround;

/** The factor a colocation's score gives (score / INFINITY, in single precision). */
export function colocationFactor(score: number): number {
  return f32(f32(score) / f32(1_000_000));
}

function addNodeScoresMatchingAttr(nodes: NodeTable, source: Resource, target: Resource, c: Colocation, factor: number, onlyPositive: boolean): void {
  const attr = c.nodeAttribute ?? '#uname';
  const best = bestNodeScoresByAttr(c, source, attr);
  for (const ns of nodes.values()) {
    const score = best.get(caseKey(colocationNodeAttr(ns.node, attr, target))) ?? MINUS_INFINITY;
    if (factor < 0 && score < 0) {
      // an anti-colocated dependent's avoidance counts only when it can run nowhere else
      if (c.primary.stickiness >= -score || !colocationHasInfluence(c, undefined) || !allowedOnOne(c.dependent)) continue;
    }
    if (ns.weight === INFINITY_HACK) continue;
    const deltaF = f32(factor * f32(score));
    let delta = Math.trunc(deltaF < 0 ? deltaF - 0.5 : deltaF + 0.5);
    if (delta === 0 && score !== 0) {
      if (factor > 0) delta = 1;
      else if (factor < 0) delta = -1;
    }
    const newScore = addScores(delta as Score, ns.weight);
    if (onlyPositive && newScore < 0 && ns.weight > 0) {
      ns.weight = INFINITY_HACK as Score;
      continue;
    }
    if (onlyPositive && newScore < 0 && ns.weight === 0) continue;
    ns.weight = newScore;
  }
}

/** Flags of addColocatedNodeScores (Pacemaker's enum pcmk__coloc_select). */
export const ColocSelect = { default: 0, thisWith: 1, nonnegative: 2, active: 4 } as const;

/** A node table passed by reference (upstream's GHashTable **). */
export interface NodeTableRef {
  table: NodeTable | undefined;
}

/**
 * Pacemaker's pcmk__add_colocated_node_scores (the primitive and shared implementation of the
 * add_colocated_node_scores method): merges the source resource's node scores (and, through its
 * colocations, those of resources colocated with it) into `nodes`, scaled by `factor`. With an
 * empty `nodes` (and no colocation), starts from the source's own allowed nodes.
 */
export function addColocatedNodeScores(
  source: Resource,
  targetIn: Resource | undefined,
  logId: string | undefined,
  nodes: NodeTableRef,
  c: Colocation | undefined,
  factor: number,
  flagsIn: number,
): void {
  let flags = flagsIn;
  if (source.merging) return;
  source.merging = true;
  let work: NodeTable;
  let target = targetIn;
  if (nodes.table === undefined) {
    work = copyTable(source.allowedNodes);
    target = source;
  } else {
    work = copyTable(nodes.table);
    addNodeScoresMatchingAttr(work, source, target!, c!, factor, (flags & ColocSelect.nonnegative) !== 0);
  }
  if (anyNodeAvailable(work)) {
    const thisWith = (flags & ColocSelect.thisWith) !== 0;
    const colocations = thisWith ? thisWithColocations(source) : withThisColocations(source);
    flags |= ColocSelect.active;
    for (const constraint of colocations) {
      const otherFactor = f32(f32(factor * f32(constraint.score)) / f32(1_000_000));
      let other: Resource;
      if (thisWith) other = constraint.primary;
      else if (!colocationHasInfluence(constraint, undefined)) continue;
      else other = constraint.dependent;
      const ref: NodeTableRef = { table: work };
      other.methods.addColocatedNodeScores(other, target, logId, ref, constraint, otherFactor, flags);
      work = ref.table!;
    }
  } else if (flags & ColocSelect.active) {
    source.merging = false;
    return;
  }
  if (flags & ColocSelect.nonnegative) {
    for (const ns of work.values()) if (ns.weight === INFINITY_HACK) ns.weight = 1 as Score;
  }
  nodes.table = work;
  source.merging = false;
}

/** Pacemaker's pcmk__add_dependent_scores: a "with this" colocation's pull on the primary's scores. */
export function addDependentScores(c: Colocation, primary: Resource): void {
  const dependent = c.dependent;
  const factor = colocationFactor(c.score);
  let flags: number = ColocSelect.active;
  if (!colocationHasInfluence(c, undefined)) return;
  if (primary.variant === 'clone') flags |= ColocSelect.nonnegative;
  const ref: NodeTableRef = { table: primary.allowedNodes };
  dependent.methods.addColocatedNodeScores(dependent, primary, dependent.id, ref, c, factor, flags);
  primary.allowedNodes = ref.table!;
}

/**
 * Pacemaker's pcmk__colocation_intersect_nodes: bans the dependent from nodes without a primary
 * instance, optionally adding the primary's scores where there is one.
 */
export function colocationIntersectNodes(dependent: Resource, primaryNodes: readonly NodeScore[], mergeScores: boolean): void {
  for (const ns of dependent.allowedNodes.values()) {
    const primaryNode = primaryNodes.find((p) => p.node.id === ns.node.id);
    if (primaryNode === undefined) ns.weight = MINUS_INFINITY;
    else if (mergeScores) ns.weight = addScores(ns.weight, primaryNode.weight);
  }
}

/** Pacemaker's pcmk__colocation_has_influence. */
export function colocationHasInfluence(c: Colocation, rscIn: Resource | undefined): boolean {
  const rsc = rscIn ?? c.primary;
  if (c.dependent.allowRemoteRemotes && !rsc.failed && rsc.runningOn.length === 1) return false;
  return c.influence || rsc.runningOn.length === 0;
}
