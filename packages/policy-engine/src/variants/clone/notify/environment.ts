// What the agents are told in a notification (Pacemaker's collect_resource_data and
// add_notif_keys): which instances are active, inactive, promoted and unpromoted, which are
// starting, stopping, promoting and demoting and where, and the nodes the clone may run on. The
// lists become the CRM_meta_notify_* attributes, in the agents' environment as
// OCF_RESKEY_CRM_meta_notify_*.

import { ActionFlag, has } from '../../../model/flags.js';
import { Role } from '../../../model/role.js';
import type { Node, Resource } from '../../../model/types.js';
import { isGuestNode } from '../../../unpack/nodes.js';
import { currentNode } from '../../../unpack/resource-helpers.js';
import type { NotifyData, NotifyEntry } from './data.js';

/**
 * Pacemaker's collect_resource_data: each instance's state and (with `activity`) the starts,
 * stops, promotes and demotes scheduled for it.
 */
export function collectResourceData(rsc: Resource, activity: boolean, data: NotifyData): void {
  data.allowedNodes ??= rsc.allowedNodes;
  if (rsc.children.length > 0) {
    for (const child of rsc.children) collectResourceData(child, activity, data);
    return;
  }
  const entry: NotifyEntry = { rsc, node: rsc.runningOn[0] };
  switch (rsc.role) {
    case Role.stopped:
      data.inactive.push(entry);
      break;
    case Role.started:
      data.active.push(entry);
      break;
    case Role.unpromoted:
      data.unpromoted.push(entry);
      data.active.push(entry);
      break;
    case Role.promoted:
      data.promoted.push(entry);
      data.active.push(entry);
      break;
    default:
      // upstream logs this as a bug and leaves the instance out
      break;
  }
  if (!activity) return;
  const listFor = new Map<string, NotifyEntry[]>([
    ['start', data.start],
    ['stop', data.stop],
    ['promote', data.promote],
    ['demote', data.demote],
  ]);
  // newest first, as upstream walks its prepended list
  for (let i = rsc.actions.length - 1; i >= 0; i--) {
    const op = rsc.actions[i]!;
    if (has(op.flags, ActionFlag.optional) || op.node === undefined) continue;
    // a stop on an unclean node is listed even if not runnable (it is implied by fencing)
    if (!(op.task === 'stop' && op.node.unclean) && !has(op.flags, ActionFlag.runnable)) continue;
    listFor.get(op.task)?.push({ rsc, node: op.node });
  }
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Pacemaker's compare_notify_entries: by instance id, then node id (missing nodes last). */
function compareEntries(a: NotifyEntry, b: NotifyEntry): number {
  const byRsc = compareText(a.rsc.id, b.rsc.id);
  if (byRsc !== 0) return byRsc;
  if (a.node === undefined) return b.node === undefined ? 0 : 1;
  if (b.node === undefined) return -1;
  return compareText(a.node.id, b.node.id);
}

/** A space-separated list, or a single space when empty (what agents have always been given). */
function wordList(words: string[]): string {
  return words.length > 0 ? words.join(' ') : ' ';
}

/**
 * Pacemaker's notify_entries_to_strings: the instances (each once) and, with `withNodes`, their
 * nodes, sorted. Entries were gathered in upstream's order reversed (it prepends), so they are
 * reversed before the stable sort to break ties as upstream does.
 */
function entriesToStrings(entries: readonly NotifyEntry[], withNodes: boolean): { resources: string; unames: string } {
  const sorted = entries.slice().reverse().sort(compareEntries);
  const resources: string[] = [];
  const unames: string[] = [];
  let lastRscId: string | undefined;
  for (const entry of sorted) {
    if (withNodes && entry.node === undefined) continue;
    if (entry.rsc.id === lastRscId) continue;
    lastRscId = entry.rsc.id;
    resources.push(entry.rsc.id);
    if (withNodes) unames.push(entry.node!.uname);
  }
  return { resources: wordList(resources), unames: wordList(unames) };
}

/** The node a guest node's container runs on, for the notify_all_hosts list. */
function hostOf(node: Node): Node | undefined {
  if (!isGuestNode(node)) return node;
  const container = node.remoteRsc!.container!;
  return container.runningOn.length > 0 ? currentNode(container) : node;
}

/**
 * Pacemaker's add_notif_keys: the notify environment from the collected lists. Notifications for
 * the action itself become required when there is something to notify about.
 */
export function addNotifyKeys(rsc: Resource, data: NotifyData): void {
  const keys = data.keys;
  let required = false;
  const stop = entriesToStrings(data.stop, true);
  if (stop.resources !== ' ' && data.task === 'stop') required = true;
  keys.push(['notify_stop_resource', stop.resources], ['notify_stop_uname', stop.unames]);
  if (data.start.length > 0 && data.task === 'start') required = true;
  const start = entriesToStrings(data.start, true);
  keys.push(['notify_start_resource', start.resources], ['notify_start_uname', start.unames]);
  if (data.demote.length > 0 && data.task === 'demote') required = true;
  const demote = entriesToStrings(data.demote, true);
  keys.push(['notify_demote_resource', demote.resources], ['notify_demote_uname', demote.unames]);
  if (data.promote.length > 0 && data.task === 'promote') required = true;
  const promote = entriesToStrings(data.promote, true);
  keys.push(['notify_promote_resource', promote.resources], ['notify_promote_uname', promote.unames]);
  const active = entriesToStrings(data.active, true);
  keys.push(['notify_active_resource', active.resources], ['notify_active_uname', active.unames]);
  const unpromoted = entriesToStrings(data.unpromoted, true);
  keys.push(['notify_unpromoted_resource', unpromoted.resources], ['notify_unpromoted_uname', unpromoted.unames]);
  // the names agents used before Pacemaker 2.0
  keys.push(['notify_slave_resource', unpromoted.resources], ['notify_slave_uname', unpromoted.unames]);
  const promoted = entriesToStrings(data.promoted, true);
  keys.push(['notify_promoted_resource', promoted.resources], ['notify_promoted_uname', promoted.unames]);
  keys.push(['notify_master_resource', promoted.resources], ['notify_master_uname', promoted.unames]);
  keys.push(['notify_inactive_resource', entriesToStrings(data.inactive, false).resources]);

  const ws = rsc.cluster;
  // the allowed nodes in name order (ws.nodes is sorted by name), as upstream sorts them for display
  const allowed = data.allowedNodes;
  const available = allowed === undefined ? [] : ws.nodes.filter((n) => allowed.has(n.id));
  keys.push(['notify_available_uname', wordList(available.map((n) => n.uname))]);
  if (rsc.meta.get('container-attribute-target') === 'host') {
    const hosts: string[] = [];
    for (const node of ws.nodes) {
      const host = hostOf(node);
      if (host !== undefined) hosts.push(host.uname);
    }
    keys.push(['notify_all_hosts', wordList(hosts)]);
  }
  keys.push(['notify_all_uname', wordList(ws.nodes.map((n) => n.uname))]);

  if (required && data.pre !== undefined) {
    data.pre.flags &= ~ActionFlag.optional;
    data.preDone!.flags &= ~ActionFlag.optional;
  }
  if (required && data.post !== undefined) {
    data.post.flags &= ~ActionFlag.optional;
    data.postDone!.flags &= ~ActionFlag.optional;
  }
}
