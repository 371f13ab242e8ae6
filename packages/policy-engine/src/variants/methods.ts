// The one table through which the stages reach variant-specific behaviour (Pacemaker's
// resource_object_functions_t and pcmk__assignment_methods). A stage never switches on a
// resource's variant: it calls rsc.methods.<slot>. Primitives and groups fill every slot; clones
// and bundles slot in the same way.

import type { Action, Colocation, Location, Node, NodeScore, Resource } from '../model/types.js';
import type { NodeTableRef } from '../constraints/colocation.js';
import type { RoleN } from '../model/role.js';
import type { GraphBuilder } from '../output/graph.js';
import type { SummarySink } from '../output/transition-summary.js';

/** Which of a resource's locations `location()` reports. */
export const LocationKind = {
  /** Where it is assigned to run. */
  assigned: 0,
  /** Where it is active. */
  current: 1,
  /** Where it is active or has an operation pending. */
  currentOrPending: 2,
} as const;
export type LocationKindN = (typeof LocationKind)[keyof typeof LocationKind];

export interface VariantMethods {
  // ---- status (what the CIB says) ------------------------------------------------------------
  /** Variant-specific unpacking (members of a group, instances of a clone); false to drop it. */
  unpack(rsc: Resource): boolean;
  /** Active anywhere (`all`: every member active, for collective resources). */
  active(rsc: Resource, all: boolean): boolean;
  /** The current role (`current`) or the next one. */
  state(rsc: Resource, current: boolean): RoleN;
  /**
   * The nodes of the given kind, appended to `list` without duplicates; returns the node when
   * there is exactly one.
   */
  location(rsc: Resource, list: Node[] | undefined, kind: LocationKindN): Node | undefined;

  // ---- scheduling ----------------------------------------------------------------------------
  /**
   * Chooses a node. Returns the node the whole resource is assigned to, if there is one.
   * Contract (as upstream): with `stopIfFail` false, an assignment can be undone completely with
   * unassignResource() and a failed one has no side effects; with it true, a resource that
   * cannot be placed is set to stop and its existing actions are updated.
   */
  assign(rsc: Resource, prefer: Node | undefined, stopIfFail: boolean): NodeScore | undefined;
  /** Creates the resource's actions (start, stop, monitors, pseudo-actions). */
  createActions(rsc: Resource): void;
  /** Schedules a probe on a node if the resource's state there is unknown; true if one was made. */
  createProbe(rsc: Resource, node: Node): boolean;
  /** Adds the orderings and colocations a resource implies by itself (group members, …). */
  internalConstraints(rsc: Resource): void;
  /**
   * Applies a colocation to the dependent's node scores (or promotion priority); returns what was
   * added to the dependent's priority.
   */
  applyColocScore(dependent: Resource, primary: Resource, colocation: Colocation, forDependent: boolean): number;
  /**
   * Adds to `list` the colocations where `rsc` is the primary and that matter for `orig` (`rsc`
   * itself or a descendant): its own, and those of its ancestors that apply.
   */
  withThisColocations(rsc: Resource, orig: Resource, list: Colocation[]): void;
  /** The same for colocations where `rsc` is the dependent. */
  thisWithColocations(rsc: Resource, orig: Resource, list: Colocation[]): void;
  /**
   * Merges this resource's node scores, and through its colocations those of resources
   * colocated with it, into `nodes` for `target` (see constraints/colocation.ts).
   */
  addColocatedNodeScores(
    source: Resource,
    target: Resource | undefined,
    logId: string | undefined,
    nodes: NodeTableRef,
    colocation: Colocation | undefined,
    factor: number,
    flags: number,
  ): void;
  /** The resources mandatorily colocated with this one, transitively. */
  colocatedResources(rsc: Resource, orig: Resource | undefined, list: Resource[]): Resource[];
  /**
   * Adds to `utilization` what this resource needs if it is not assigned yet (for `orig`, being
   * assigned, whose colocated resources are `all`): primitives their own, groups their members'.
   */
  addUtilization(rsc: Resource, orig: Resource, all: readonly Resource[], utilization: Map<string, string>): void;
  /** Applies a location constraint to the resource's node scores. */
  applyLocation(rsc: Resource, location: Location): void;
  /** The flags of an action of this resource, as orderings should see them. */
  actionFlags(action: Action, node: Node | undefined): number;
  /** Updates two ordered actions' flags; returns which changed (see stages/orderings.ts). */
  updateOrderedActions(first: Action, then: Action, node: Node | undefined, flags: number, filter: number, type: number): number;
  /** Emits the resource's lines of the transition summary. */
  outputActions(rsc: Resource, sink: SummarySink): void;
  /** Adds the resource's actions to the transition graph. */
  addActionsToGraph(rsc: Resource, graph: GraphBuilder): void;
  /** Adds variant meta-attributes (clone numbers, …) to an action's graph attributes. */
  addGraphMeta(rsc: Resource, attrs: Map<string, string>): void;
  /** Applies a shutdown lock, if the resource has one. */
  shutdownLock(rsc: Resource): void;
  /** For anonymous clones: the instance a history entry on a node belongs to. */
  findAnonymousInstance?(clone: Resource, node: Node, baseId: string): Resource | undefined;
}
