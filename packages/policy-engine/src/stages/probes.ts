// Probes (Pacemaker's pcmk_sched_probes.c): a one-time monitor of each resource on each node
// where its state is unknown, ordered before the resource starts anywhere; and the orderings that
// keep probes ahead of restarts and of stops that other actions depend on.

import { ActionFlag, OrderFlag, has } from '../model/flags.js';
import type { Action, Node, Resource, WorkingSet } from '../model/types.js';
import {
  addExpectedResult,
  customAction,
  findActions,
  orderActions,
  resourceActions,
} from '../actions/action.js';
import { newOrdering } from '../constraints/ordering.js';
import { orderVsUnfence } from '../actions/unfencing.js';
import { fenceNode } from '../unpack/fence.js';
import { isGuestNode, isGuestOrRemote } from '../unpack/nodes.js';
import { isClone, topResource } from '../unpack/resource-helpers.js';
import { opKey } from '../util/opkey.js';
import { eqCase, isTrue } from '../util/strings.js';
import { Role } from '../model/role.js';
import { Discover } from '../model/types.js';
import { findCompatibleInstance } from '../variants/instances/interleave.js';
import { isFailedRemoteNode } from './remote-orderings.js';
import { setActionMetaIfUnset } from '../actions/action-meta.js';

function addProbeExpectedResult(probe: Action, rsc: Resource, node: Node): void {
  if (!rsc.runningOn.includes(node)) addExpectedResult(probe, 7);
  else if (rsc.role === Role.promoted) addExpectedResult(probe, 8);
}

function probeThenStart(rsc1: Resource, rsc2: Resource): void {
  const assigned = rsc1.assignedTo?.node;
  if (assigned !== undefined && !rsc1.knownOn.has(assigned.id)) {
    newOrdering(rsc1.cluster, rsc1, opKey(rsc1.id, 'monitor'), undefined, rsc2, opKey(rsc2.id, 'start'), undefined, OrderFlag.optional);
  }
}

function guestResourceWillStop(node: Node): boolean {
  const guest = node.remoteRsc!.container!;
  return (
    node.remoteRequiresReset ||
    node.unclean ||
    guest.failed ||
    guest.nextRole === Role.stopped ||
    (guest.role > Role.stopped && guest.assignedTo !== undefined && !guest.runningOn.includes(guest.assignedTo.node))
  );
}

/** The keys a resource's probes are made and ordered with: the same on every node. */
interface ProbeKeys {
  readonly monitor: string;
  readonly reloadAgent: string;
  /** The start the probes come before: of the resource, or of the clone it is an instance of. */
  readonly thenRsc: Resource;
  readonly thenStart: string;
}

/**
 * Each resource's ProbeKeys, made on its first probe. Valid for the whole schedule: they depend
 * on the resource's place in the tree, its class and the enable-unfencing option, none of which
 * changes once unpacked (and the map is keyed by the schedule's own resources).
 */
const probeKeysByRsc = new WeakMap<Resource, ProbeKeys>();

function probeKeys(rsc: Resource): ProbeKeys {
  let keys = probeKeysByRsc.get(rsc);
  if (keys === undefined) {
    const top = topResource(rsc);
    const thenRsc = (rsc.fenceDevice && rsc.cluster.flags.enableUnfencing) || !isClone(top) ? rsc : top;
    keys = { monitor: opKey(rsc.id, 'monitor'), reloadAgent: opKey(rsc.id, 'reload-agent'), thenRsc, thenStart: opKey(thenRsc.id, 'start') };
    probeKeysByRsc.set(rsc, keys);
  }
  return keys;
}

function probeAction(rsc: Resource, node: Node, key: string): Action {
  const probe = customAction(rsc, rsc.cluster, key, 'monitor', node, false);
  probe.flags &= ~ActionFlag.optional;
  orderVsUnfence(rsc, node, probe, OrderFlag.optional);
  addProbeExpectedResult(probe, rsc, node);
  return probe;
}

function containsGuestNode(ws: WorkingSet, rsc: Resource): boolean {
  if (!ws.flags.haveRemoteNodes) return false;
  for (const node of ws.nodes) {
    if (isGuestNode(node) && (node.remoteRsc!.container === rsc || isAncestorOf(rsc, node.remoteRsc!.container!))) return true;
  }
  return false;
}

function isAncestorOf(ancestor: Resource, rsc: Resource): boolean {
  for (let p = rsc.parent; p !== undefined; p = p.parent) if (p === ancestor) return true;
  return false;
}

/** Pacemaker's pcmk__probe_rsc_on_node (the create_probe method of primitives and groups). */
export function probeResourceOnNode(rsc: Resource, node: Node): boolean {
  const ws = rsc.cluster;
  const top = topResource(rsc);
  if (!ws.flags.startupProbes) return false;
  if (isGuestOrRemote(node)) {
    if (eqCase(rsc.xml.get('class'), 'stonith')) return false;
    if (isGuestNode(node) && containsGuestNode(ws, rsc)) return false;
    if (rsc.isRemoteNode) return false;
  }
  if (rsc.children.length) {
    let any = false;
    for (const child of rsc.children) if (child.methods.createProbe(child, node)) any = true;
    return any;
  }
  if (rsc.container !== undefined && !rsc.isRemoteNode) return false;
  if (rsc.orphan) return false;
  if (rsc.knownOn.has(node.id)) return false;
  const allowed = rsc.allowedNodes.get(node.id);
  if (rsc.exclusiveDiscover || top.exclusiveDiscover) {
    if (allowed === undefined) return false;
    if (allowed.discoverMode !== Discover.exclusive) return false;
  }
  // (a node the resource has no score for has its own mode: bundle nodes are never probed so)
  const discoverMode = allowed === undefined ? node.discoverMode : allowed.discoverMode;
  if (discoverMode === Discover.never) return false;
  if (isGuestNode(node)) {
    const guest = node.remoteRsc!.container!;
    if (guest.role === Role.stopped) {
      probeThenStart(guest, top);
      return false;
    } else if (guestResourceWillStop(node)) {
      newOrdering(ws, guest, opKey(guest.id, 'stop'), undefined, top, opKey(top.id, 'start'), undefined, OrderFlag.optional);
      return false;
    }
  }
  const keys = probeKeys(rsc);
  const probe = probeAction(rsc, node, keys.monitor);
  const then = keys.thenRsc;
  let flags: number = OrderFlag.optional;
  if (!has(probe.flags, ActionFlag.runnable) && then.runningOn.length === 0) flags |= OrderFlag.runnableLeft;
  newOrdering(ws, rsc, undefined, probe, then, keys.thenStart, undefined, flags);
  newOrdering(ws, rsc, undefined, probe, then, keys.reloadAgent, undefined, OrderFlag.optional);
  return true;
}

function probeNeededBeforeAction(probe: Action, then: Action): boolean {
  if (eqCase(then.task, 'stonith') && probe.node !== undefined && probe.node === then.node) {
    if (eqCase(then.meta.get('stonith_action'), 'on')) return false;
  }
  if (then.task === 'do_shutdown' && probe.node !== undefined && then.node !== undefined && probe.node !== then.node) return false;
  return true;
}

function addProbeOrderingsForStops(ws: WorkingSet): void {
  for (const order of ws.orderings) {
    let orderFlags: number = OrderFlag.optional;
    if (order.flags === OrderFlag.none) continue;
    if (order.firstRsc === undefined || order.firstRsc === order.thenRsc) continue;
    if ((order.firstAction === undefined && order.firstTask === undefined) || (order.thenAction === undefined && order.thenTask === undefined)) continue;
    if (order.firstAction !== undefined && order.firstAction.task !== 'stop') continue;
    if (order.firstAction === undefined && !order.firstTask!.endsWith('_stop_0')) continue;
    if (order.thenRsc !== undefined && order.firstRsc.container === order.thenRsc) {
      if (order.thenAction !== undefined && order.thenAction.task === 'stop') continue;
      if (order.thenAction === undefined && order.thenTask!.endsWith('_stop_0')) continue;
    }
    if (order.flags & OrderFlag.applyFirstNonMigratable) orderFlags |= OrderFlag.applyFirstNonMigratable;
    if (order.flags & OrderFlag.sameNode) orderFlags |= OrderFlag.sameNode;
    if (order.flags === OrderFlag.antiColocation || order.flags === OrderFlag.load) orderFlags = order.flags;
    const probes = resourceActions(order.firstRsc, undefined, 'monitor', false);
    if (probes.length === 0) continue;
    let thenActions: readonly Action[] = [];
    if (order.thenAction !== undefined) {
      thenActions = [order.thenAction];
    } else if (order.thenRsc !== undefined) {
      thenActions = findActions(ws, order.thenRsc, order.thenTask!, undefined);
      if (thenActions.length === 0) continue;
    }
    for (const probe of probes) {
      for (const then of thenActions) if (probeNeededBeforeAction(probe, then)) orderActions(probe, then, orderFlags);
    }
  }
}

/**
 * Pacemaker's add_restart_orderings_for_probe, as the list of actions a probe of `probed` is
 * ordered before (in the order upstream orders them): the stops and demotes of the resources
 * whose starts and promotes follow `after` through required orderings. The walk depends on the
 * probe's resource, not its node, so one walk serves every probe of the resource.
 */
function restartOrderingTargets(probed: Resource, after: Action, visited: Action[], targets: Action[]): void {
  if (has(after.flags, ActionFlag.tracking)) return;
  after.flags |= ActionFlag.tracking;
  visited.push(after);
  if (after.rsc !== undefined && after.rsc.variant === 'primitive' && probed !== after.rsc) {
    let thenActions: readonly Action[] = [];
    if (eqCase(after.task, 'start')) thenActions = resourceActions(after.rsc, undefined, 'stop', false);
    else if (eqCase(after.task, 'promote')) thenActions = resourceActions(after.rsc, undefined, 'demote', false);
    for (const then of thenActions) if (!has(then.flags, ActionFlag.pseudo)) targets.push(then);
  }
  const interleave = after.rsc !== undefined && (after.rsc.variant === 'clone' || after.rsc.variant === 'bundle') && isTrue(after.rsc.meta.get('interleave'));
  // for an interleaved clone, only the instance that goes with the probed resource
  const compatible = interleave ? findCompatibleInstance(probed, after.rsc!, Role.unknown, false) : undefined;
  for (let i = after.after.length - 1; i >= 0; i--) {
    const link = after.after[i]!;
    if (!has(link.type, OrderFlag.impliesThen)) {
      const afterRsc = after.rsc;
      const linkRsc = link.action.rsc;
      if (
        afterRsc === undefined ||
        afterRsc.variant === 'primitive' ||
        probed.parent === afterRsc ||
        linkRsc === undefined ||
        linkRsc.variant === 'clone' ||
        linkRsc.variant === 'bundle' ||
        afterRsc !== linkRsc.parent
      ) {
        continue;
      }
      if ((afterRsc.variant === 'clone' || afterRsc.variant === 'bundle') && interleave && (compatible === undefined || compatible !== linkRsc)) continue;
    }
    restartOrderingTargets(probed, link.action, visited, targets);
  }
}

/**
 * Pacemaker's add_start_orderings_for_probe. The probe of a clone instance is ordered before the
 * whole clone's start, and that ordering blocks the start only while no instance is active, so
 * that an unprobeable node never stops running instances. The starts of the clone's inactive
 * instances are blocked by the unrunnable probe here instead: otherwise more instances could start
 * than the cluster would allow once the unprobed node's state is known.
 */
function addStartOrderingsForProbe(probe: Action, after: { action: Action; type: number }): void {
  const clone = after.action.rsc;
  if (clone === undefined || clone.variant === 'primitive' || clone.variant === 'group') return;
  if (has(probe.flags, ActionFlag.runnable)) return;
  // the clone's own start already blocks on the probe
  if (has(after.type, OrderFlag.runnableLeft)) return;
  if (probe.rsc === undefined || topResource(probe.rsc) !== clone || after.action.task !== 'start') return;
  const flags = OrderFlag.optional | OrderFlag.runnableLeft;
  // newest ordering first, as Pacemaker walks its prepended list
  const thens = after.action.after;
  for (let i = thens.length - 1; i >= 0; i--) {
    const then = thens[i]!.action;
    if (then.rsc === undefined || then.rsc.runningOn.length > 0) continue;
    if (topResource(then.rsc) !== clone || then.task !== 'start') continue;
    orderActions(probe, then, flags);
  }
}

function addRestartOrderingsForRsc(rsc: Resource): void {
  if (rsc.variant !== 'primitive') {
    for (const c of rsc.children) addRestartOrderingsForRsc(c);
    return;
  }
  // Every probe of the resource comes before the same actions, whatever its node: the walk reads
  // only the links out of non-probe actions, which ordering a probe leaves alone, so each action
  // is walked once and its targets serve all of the resource's probes.
  const targetsByAfter = new Map<Action, Action[]>();
  for (const probe of resourceActions(rsc, undefined, 'monitor', false)) {
    // (a cancelled probe has the key but not the task)
    const isProbe = eqCase(probe.task, 'monitor');
    for (let i = probe.after.length - 1; i >= 0; i--) {
      const then = probe.after[i]!;
      addStartOrderingsForProbe(probe, then);
      if (!isProbe) continue;
      let targets = targetsByAfter.get(then.action);
      if (targets === undefined) {
        targets = [];
        const visited: Action[] = [];
        restartOrderingTargets(rsc, then.action, visited, targets);
        for (const a of visited) a.flags &= ~ActionFlag.tracking;
        targetsByAfter.set(then.action, targets);
      }
      for (const target of targets) orderActions(probe, target, OrderFlag.optional);
    }
  }
}

/** Pacemaker's pcmk__order_probes. */
export function orderProbes(ws: WorkingSet): void {
  for (const rsc of ws.resources) addRestartOrderingsForRsc(rsc);
  addProbeOrderingsForStops(ws);
}

/** Pacemaker's pcmk__schedule_probes: probes on every node that can run them. */
export function scheduleProbes(ws: WorkingSet): void {
  for (const node of ws.nodes) {
    if (!node.online) {
      if (isFailedRemoteNode(node)) fenceNode(ws, node, 'the connection is unrecoverable', false);
      continue;
    }
    if (node.unclean) continue;
    if (!node.rscDiscoveryEnabled) continue;
    const probed = node.attrs.get('probe_complete');
    if (probed !== undefined && !isTrue(probed)) {
      const op = customAction(undefined, ws, `probe_complete-${node.uname}`, 'probe_complete', node, false);
      setActionMetaIfUnset(op, 'op_no_wait', 'true');
      continue;
    }
    for (const rsc of ws.resources) rsc.methods.createProbe(rsc, node);
  }
}
