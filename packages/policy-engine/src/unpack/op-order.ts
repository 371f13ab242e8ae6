// The order of history entries (Pacemaker's pe__is_newer_op and sort_op_by_callid): by call id on
// the same node, by last-rc-change across nodes, by transition number for pending operations.

import type { XmlElement } from '@hacluster/cib';
import { glibSort } from '../util/glib-sort.js';
import { eqCase } from '../util/strings.js';

function intOr(el: XmlElement, name: string, fallback: number): number {
  const v = el.get(name);
  if (v === undefined) return fallback;
  const m = /^\s*([+-]?\d+)/.exec(v);
  return m ? Number(m[1]) : fallback;
}

/** The transition UUID and number in a transition magic ("status:rc;action:transition:rc:uuid"). */
function decodeMagic(magic: string): { uuid: string; transition: number } | undefined {
  const semi = magic.indexOf(';');
  if (semi < 0) return undefined;
  const parts = magic.slice(semi + 1).split(':');
  if (parts.length < 4) return undefined;
  const transition = Number.parseInt(parts[1]!, 10);
  if (Number.isNaN(transition)) return undefined;
  return { uuid: parts.slice(3).join(':'), transition };
}

/** Negative when `a` happened before `b`, positive when after, 0 when it cannot be told. */
export function isNewerOp(a: XmlElement, b: XmlElement, sameNodeDefault: boolean): number {
  const aNode = a.get('on_node');
  const bNode = b.get('on_node');
  const sameNode = aNode === undefined || bNode === undefined ? sameNodeDefault : eqCase(aNode, bNode);
  if (sameNode && a.get('id') === b.get('id')) return 0;
  const aCall = intOr(a, 'call-id', -1);
  const bCall = intOr(b, 'call-id', -1);
  if (aCall === -1 && bCall === -1) return 0;
  if (sameNode && aCall >= 0 && aCall < bCall) return -1;
  if (sameNode && bCall >= 0 && aCall > bCall) return 1;
  if (aCall >= 0 && bCall >= 0 && (!sameNode || aCall === bCall)) {
    const lastA = intOr(a, 'last-rc-change', -1);
    const lastB = intOr(b, 'last-rc-change', -1);
    if (lastA >= 0 && lastA < lastB) return -1;
    if (lastB >= 0 && lastA > lastB) return 1;
    return 0;
  }
  const aMagic = a.get('transition-magic');
  const bMagic = b.get('transition-magic');
  if (aMagic === undefined || bMagic === undefined) return 0;
  const da = decodeMagic(aMagic);
  const db = decodeMagic(bMagic);
  if (!da || !db) return 0;
  if (!eqCase(da.uuid, db.uuid) || da.transition === db.transition) {
    if (bCall === -1) return -1;
    if (aCall === -1) return 1;
  } else if ((da.transition >= 0 && da.transition < db.transition) || db.transition === -1) {
    return -1;
  } else if ((db.transition >= 0 && da.transition > db.transition) || da.transition === -1) {
    return 1;
  }
  return 0;
}

/** History entries oldest first, as upstream sorts them (a prepended list, GLib's merge sort). */
export function sortOpsByCallId(ops: readonly XmlElement[]): XmlElement[] {
  return glibSort(ops.slice().reverse(), (a, b) => isNewerOp(a, b, true));
}
