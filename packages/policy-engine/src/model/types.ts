// The scheduler's working data: the cluster as unpacked from a CIB, and everything the stages
// add to it (constraints, node scores, actions, orderings). It mirrors Pacemaker's
// pe_working_set_t closely on purpose: the order in which upstream creates actions and orderings
// decides action ids and the order of the transition graph, and the regression tests compare
// those exactly. The stages (src/stages) fill it in one after another.

import type { NextChange, Score, XmlElement } from '@hacluster/cib';
import type { RoleN } from './role.js';
import type { VariantMethods } from '../variants/methods.js';
import type { BundleData } from '../variants/bundle/data.js';

export type Variant = 'primitive' | 'group' | 'clone' | 'bundle';

export type NodeType = 'member' | 'remote' | 'ping';

/** A cluster node (Pacemaker's pe_node_shared_s). One object per node, shared by all tables. */
export interface Node {
  readonly id: string;
  readonly uname: string;
  readonly type: NodeType;
  /** Position in the sorted node list, for compact per-node arrays. */
  index: number;
  online: boolean;
  unclean: boolean;
  /** Not yet seen by the cluster since startup. */
  unseen: boolean;
  pending: boolean;
  standby: boolean;
  standbyOnFail: boolean;
  maintenance: boolean;
  shutdown: boolean;
  expectedUp: boolean;
  isDc: boolean;
  rscDiscoveryEnabled: boolean;
  remoteRequiresReset: boolean;
  remoteWasFenced: boolean;
  remoteMaintenance: boolean;
  /** Unpacked already (node history is unpacked in passes). */
  unpacked: boolean;
  /** Sum of the priorities of the resources active here (priority-fencing-delay). */
  priority: number;
  /** Number of resources assigned here so far (a tie-break in node choice). */
  numResources: number;
  /** Node attributes: configured, transient, and the built-in #uname, #id, #kind, #is_dc. */
  attrs: Map<string, string>;
  utilization: Map<string, string>;
  /** Resources active here, in unpack order. */
  runningRsc: Resource[];
  assignedRsc: Resource[];
  /** The connection resource of a remote or guest node. */
  remoteRsc: Resource | undefined;
  /** The node's weight as configured (<node score=…>), and its base weight after unpacking. */
  weight: Score;
  fixed: boolean;
  /** Cached operation digests, keyed by operation key. */
  digestCache: Map<string, DigestResult>;
  /**
   * The discovery mode copies of this node start with (Pacemaker's rsc_discover_mode on the node
   * itself): `never` for bundle nodes, which only their own replica may probe.
   */
  discoverMode: DiscoverMode;
}

/** Whether a location lets probes run: Pacemaker's pe_discover_e. */
export const Discover = { always: 0, never: 1, exclusive: 2 } as const;
export type DiscoverMode = (typeof Discover)[keyof typeof Discover];

/** A node with a score for one resource (an entry of a resource's allowed-nodes table). */
export interface NodeScore {
  readonly node: Node;
  weight: Score;
  fixed: boolean;
  /** Instances assigned here (clone placement). */
  count: number;
  discoverMode: DiscoverMode;
}

export type NodeTable = Map<string, NodeScore>;

export type RecoveryType = 'stop_start' | 'stop_only' | 'block' | 'stop_unexpected';

/** What to do when an operation fails (Pacemaker's enum action_fail_response). */
export type OnFail =
  | 'ignore'
  | 'demote'
  | 'recover'
  | 'migrate'
  | 'block'
  | 'stop'
  | 'standby'
  | 'fence'
  | 'restart_container'
  | 'reset_remote';

/** What a start or promote needs before it can run. */
export type ActionNeeds = 'nothing' | 'quorum' | 'fencing' | 'unfencing';

export interface Resource {
  readonly id: string;
  readonly variant: Variant;
  /** The configuration element (a template-expanded copy when the resource uses a template). */
  readonly xml: XmlElement;
  readonly parent: Resource | undefined;
  children: Resource[];
  readonly cluster: WorkingSet;
  methods: VariantMethods;
  /** Meta-attributes in force (including the resource's own XML attributes: class, type…). */
  meta: Map<string, string>;
  /** Instance parameters per node name ('' for no node), computed on demand. */
  paramCache: Map<string, Map<string, string>>;
  /** <op> elements of the resource (after id-ref and template expansion). */
  ops: XmlElement[];
  utilization: Map<string, string>;

  allowedNodes: NodeTable;
  knownOn: Map<string, Node>;
  runningOn: Node[];
  assignedTo: NodeScore | undefined;
  role: RoleN;
  nextRole: RoleN;
  priority: Score;
  stickiness: Score;
  migrationThreshold: Score;
  /** Seconds; 0 when not set. */
  failureTimeout: number;
  recoveryType: RecoveryType;
  restartType: 'ignore' | 'restart';
  /** The history id when it differs from the configured id (anonymous clone instances, renames). */
  cloneName: string | undefined;
  pendingTask: string | undefined;
  pendingNode: Node | undefined;
  lockNode: Node | undefined;
  lockTime: number;
  partialMigrationSource: Node | undefined;
  partialMigrationTarget: Node | undefined;
  danglingMigrations: Node[];
  exclusiveDiscover: boolean;
  isRemoteNode: boolean;
  container: Resource | undefined;
  fillers: Resource[];
  remoteReconnectMs: number;

  // Flags (Pacemaker's pe_rsc_*).
  orphan: boolean;
  managed: boolean;
  blocked: boolean;
  failed: boolean;
  /** A failure means it must be stopped before anything else. */
  stopNeeded: boolean;
  provisional: boolean;
  allocating: boolean;
  merging: boolean;
  runnable: boolean;
  starting: boolean;
  stopping: boolean;
  restarting: boolean;
  reload: boolean;
  failureIgnored: boolean;
  notify: boolean;
  unique: boolean;
  promotable: boolean;
  critical: boolean;
  fenceDevice: boolean;
  needsFencing: boolean;
  needsQuorum: boolean;
  needsUnfencing: boolean;
  maintenance: boolean;
  allowMigrate: boolean;
  startPending: boolean;
  stopUnexpected: boolean;
  orphanContainerFiller: boolean;
  isContainer: boolean;
  allowRemoteRemotes: boolean;

  /** Colocations where this resource is the dependent, sorted by primary priority. */
  thisWith: Colocation[];
  /** Colocations where this resource is the primary, sorted by dependent priority. */
  withThis: Colocation[];
  locations: Location[];

  /**
   * Actions of this resource, oldest first. Upstream prepends to its lists and walks them from the
   * head, so code here walks these lists from the end to see them in upstream's order.
   */
  actions: Action[];
  /** The same actions by key, oldest first. */
  actionsByKey: Map<string, Action[]>;
  /**
   * Per operation key: the <op> entry and the meta-attributes from op_defaults and the <op>
   * (they depend on neither the node nor the resource's state, so they are read once), by key
   * and then task.
   */
  opConfigCache: Map<string, Map<string, OpConfig>>;

  /** Ticket constraints naming this resource, in configuration order. */
  ticketConstraints: TicketConstraint[];

  /** Group members are started in order (group meta "ordered"). */
  groupOrdered: boolean;
  /** Group members are colocated (group meta "collocated"). */
  groupColocated: boolean;
  /** What a clone is configured with; undefined for every other variant. */
  clone: CloneData | undefined;
  /** What a bundle is configured with and its replicas; undefined for every other variant. */
  bundle: BundleData | undefined;
}

/**
 * A clone's own settings and state (Pacemaker's clone_variant_data_t), including the promotable
 * feature's.
 */
export interface CloneData {
  /** clone-max: instances in total (default: the number of nodes). */
  cloneMax: number;
  /** clone-node-max: instances per node (always 1 for anonymous clones). */
  cloneNodeMax: number;
  /** promoted-max (legacy master-max), for promotable clones. */
  promotedMax: number;
  /** promoted-node-max (legacy master-node-max), for promotable clones. */
  promotedNodeMax: number;
  /** Promotion scores were added to the instances' node scores (pcmk__clone_promotion_added). */
  promotionAdded: boolean;
  /**
   * Roles are being (or have been) chosen (pcmk__clone_promotion_constrained): from then on, a
   * bundle hands its colocations to its promotable clone's instances.
   */
  promotionConstrained: boolean;
  /** Instances created so far: numbers are handed out in order, orphans past clone-max. */
  totalClones: number;
  /** Instances start and stop one after the other, by number (meta "ordered"). */
  ordered: boolean;
  /** The configured primitive or group that each instance is a copy of. */
  readonly childXml: XmlElement;
}

export interface Location {
  readonly id: string;
  readonly rsc: Resource;
  /** Only applies when the resource's next role is this one ('Unknown': any). */
  roleFilter: RoleN;
  discoverMode: DiscoverMode;
  /** Node scores this location contributes. */
  nodes: { node: Node; weight: Score }[];
}

/** An operation's configuration as read once per resource and key (see Resource.opConfigCache). */
export interface OpConfig {
  readonly entry: XmlElement | undefined;
  readonly meta: ReadonlyMap<string, string>;
  /** What unpackOperation made of this configuration last time (see UnpackedOperation). */
  unpacked?: UnpackedOperation;
}

/**
 * An operation's unpacked meta-attributes, needs and failure handling, kept on its OpConfig: every
 * action with one key and task on a resource (a probe on each of 64 nodes, …) unpacks the same
 * way, as long as the resource flags it depends on have not changed since.
 */
export interface UnpackedOperation {
  readonly meta: ReadonlyMap<string, string>;
  readonly needs: ActionNeeds;
  readonly onFail: OnFail;
  readonly failRole: RoleN;
  readonly managed: boolean;
  readonly needsFencing: boolean;
  readonly needsQuorum: boolean;
}

export interface Colocation {
  readonly id: string;
  readonly dependent: Resource;
  readonly primary: Resource;
  readonly score: Score;
  readonly dependentRole: RoleN;
  readonly primaryRole: RoleN;
  /** Node attribute to match on (default #uname; undefined means "not set"). */
  readonly nodeAttribute: string | undefined;
  /** The dependent's preferences count for the primary even when the primary is active. */
  readonly influence: boolean;
  /** Configured by the user (not implied by a group, a container, …). */
  readonly explicit: boolean;
}

/** A cluster ticket (Pacemaker's pcmk__ticket_t), from the status section's <tickets>. */
export interface Ticket {
  readonly id: string;
  granted: boolean;
  standby: boolean;
  /** Seconds since the epoch; 0 when never granted. */
  lastGranted: number;
  /** Every attribute of the ticket_state entry but its id. */
  state: Map<string, string>;
}

/** What happens to a resource when its ticket is revoked (rsc_ticket loss-policy). */
export type LossPolicy = 'stop' | 'demote' | 'fence' | 'freeze';

/** An rsc_ticket constraint for one resource. */
export interface TicketConstraint {
  readonly id: string;
  readonly rsc: Resource;
  readonly ticket: Ticket;
  readonly lossPolicy: LossPolicy;
  /** Only resources in this role are affected ('Unknown': any). */
  readonly role: RoleN;
}

/** An ordering constraint before it is turned into links between actions. */
export interface Ordering {
  readonly id: number;
  flags: number;
  firstRsc: Resource | undefined;
  thenRsc: Resource | undefined;
  firstAction: Action | undefined;
  thenAction: Action | undefined;
  firstTask: string | undefined;
  thenTask: string | undefined;
}

/** A link between two actions (Pacemaker's pe_action_wrapper_t). */
export interface ActionLink {
  action: Action;
  type: number;
  /** Written to the graph as an input. */
  dumped: boolean;
}

export interface Action {
  /** Graph id; -1 for actions that are not part of the graph (temporary lookups). */
  id: number;
  readonly rsc: Resource | undefined;
  task: string;
  readonly uuid: string;
  node: Node | undefined;
  flags: number;
  priority: number;
  reason: string | undefined;
  cancelTask: string | undefined;
  needs: ActionNeeds;
  onFail: OnFail;
  failRole: RoleN;
  /**
   * The configuration of a resource's action (opConfig), the same for every action with its key
   * and task; its `entry` is the <op> the action comes from, if configured.
   */
  opConfig: OpConfig | undefined;
  /**
   * Meta-attributes, changed only through setActionMeta/deleteActionMeta (actions/action-meta.ts):
   * actions configured alike (a probe on each node) share one map.
   */
  meta: ReadonlyMap<string, string>;
  /** `meta` when this action alone holds it (and may change it in place), else undefined. */
  ownMeta: Map<string, string> | undefined;
  /** Instance attributes of the operation (op-level instance_attributes). */
  extra: Map<string, string>;
  /** Links to actions ordered before / after this one, oldest first (walked from the end). */
  before: ActionLink[];
  after: ActionLink[];
  /** For each action after this one: the union of the link types (quick duplicate check). */
  /** Index of `after` by action (types ORed), built once the list grows long. */
  afterIndex: Map<Action, number> | undefined;
  runnableBefore: number;
  requiredRunnableBefore: number;
}

export type NoQuorumPolicy = 'stop' | 'freeze' | 'ignore' | 'demote' | 'suicide';

/** Cluster-wide flags (Pacemaker's pe_flag_*). */
export interface ClusterFlags {
  haveQuorum: boolean;
  symmetricCluster: boolean;
  maintenanceMode: boolean;
  stonithEnabled: boolean;
  haveStonithResource: boolean;
  enableUnfencing: boolean;
  concurrentFencing: boolean;
  stopRscOrphans: boolean;
  stopActionOrphans: boolean;
  stopEverything: boolean;
  startFailureFatal: boolean;
  removeAfterStop: boolean;
  startupFencing: boolean;
  shutdownLock: boolean;
  startupProbes: boolean;
  haveRemoteNodes: boolean;
  sanitized: boolean;
  showScores: boolean;
  showUtilization: boolean;
}

export interface DigestResult {
  rc: 'match' | 'unknown' | 'restart' | 'all';
  allCalc: string;
  secureCalc: string | undefined;
  restartCalc: string | undefined;
}

/** A failed operation recorded for display (Pacemaker's data_set->failed). */
export interface FailedOp {
  readonly xml: XmlElement;
  readonly node: string;
  readonly rscId: string;
}

/** Score lines as crm_simulate -s prints them, recorded where the scores are used. */
export interface ScoreTrace {
  lines: string[];
}

export interface WorkingSet {
  /** The CIB root element (<cib>). */
  readonly input: XmlElement;
  /** "Now" in seconds since the epoch (execution-date, -t, or the clock). */
  now: number;
  nowOffset: number;
  flags: ClusterFlags;
  /** Cluster options as configured (current names), see unpack/config.ts. */
  options: Map<string, string>;
  noQuorumPolicy: NoQuorumPolicy;
  stonithAction: string;
  placementStrategy: string;
  priorityFencingDelay: number;
  shutdownLockLimit: number;
  nodeHealth: { red: Score; yellow: Score; green: Score };
  dcUuid: string | undefined;
  dcNode: Node | undefined;
  /** Nodes sorted by name (numeric-aware, case-insensitive). */
  nodes: Node[];
  nodeById: Map<string, Node>;
  nodeByUname: Map<string, Node>;
  /** Top-level resources, sorted by priority (stable), orphans appended as found. */
  resources: Resource[];
  /** Every resource (top-level and nested) by id. */
  resourceById: Map<string, Resource>;
  templates: Map<string, XmlElement>;
  /** Tickets by id: from the status section, or created (revoked) when a constraint names them. */
  tickets: Map<string, Ticket>;
  ticketConstraints: TicketConstraint[];
  templateRscSets: Map<string, string[]>;
  tags: Map<string, string[]>;
  idIndex: Map<string, XmlElement>;
  opDefaults: XmlElement | undefined;
  rscDefaults: XmlElement | undefined;
  failed: FailedOp[];
  /** Containers that must be stopped (bundles), found while unpacking history. */
  stopNeeded: Resource[];
  recheckBy: number;
  /** The earliest time a rule evaluated so far will change its result (see util/rules.ts). */
  ruleChange: NextChange;
  /** node-pending-timeout in seconds (0: pending nodes are never fenced for being pending). */
  nodePendingTimeout: number;
  ninstances: number;
  disabledResources: number;
  blockedResources: number;

  // Filled in by the scheduling stages.
  /** Every action of the graph, oldest first (walked from the end, as upstream prepends). */
  actions: Action[];
  nextActionId: number;
  /** Actions without a resource, by key. */
  singletons: Map<string, Action>;
  nodeActionsByKey: Map<string, Action[]>;
  orderings: Ordering[];
  nextOrderingId: number;
  colocations: Colocation[];
  /** Location constraints, oldest first (applied from the end, as upstream prepends). */
  locations: Location[];
  /** Deferred parameter checks (bundles); empty for primitives and groups. */
  paramChecks: { xml: XmlElement; rsc: Resource; node: Node; check: 'active' | 'last_failure' }[];
  trace: ScoreTrace;
}
