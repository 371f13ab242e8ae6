// CIB versions: (admin_epoch, epoch, num_updates), compared in that order. epoch moves with every
// configuration change (and resets num_updates); num_updates moves with status changes.

import { sameAttributes, sameElement, sameNode, significantChildren } from './xml/compare.js';
import type { XmlElement } from './xml/tree.js';

export interface CibVersion {
  adminEpoch: number;
  epoch: number;
  numUpdates: number;
}

function num(el: XmlElement, name: string): number {
  const v = Number.parseInt(el.get(name) ?? '0', 10);
  return Number.isFinite(v) ? v : 0;
}

export function readVersion(root: XmlElement): CibVersion {
  return { adminEpoch: num(root, 'admin_epoch'), epoch: num(root, 'epoch'), numUpdates: num(root, 'num_updates') };
}

export function compareCibVersions(a: CibVersion, b: CibVersion): number {
  return a.adminEpoch - b.adminEpoch || a.epoch - b.epoch || a.numUpdates - b.numUpdates;
}

export function formatVersion(v: CibVersion): string {
  return `${v.adminEpoch}.${v.epoch}.${v.numUpdates}`;
}

export function writeVersion(root: XmlElement, v: CibVersion): void {
  root.set('admin_epoch', String(v.adminEpoch));
  root.set('epoch', String(v.epoch));
  root.set('num_updates', String(v.numUpdates));
}

/** A configuration change: epoch + 1, num_updates back to 0. */
export function bumpEpoch(root: XmlElement): CibVersion {
  const v = readVersion(root);
  const next = { adminEpoch: v.adminEpoch, epoch: v.epoch + 1, numUpdates: 0 };
  writeVersion(root, next);
  return next;
}

/** A status change: num_updates + 1. */
export function bumpNumUpdates(root: XmlElement): CibVersion {
  const v = readVersion(root);
  const next = { ...v, numUpdates: v.numUpdates + 1 };
  writeVersion(root, next);
  return next;
}

/** Which counter a change moves: none, num_updates (status only) or epoch (configuration). */
export type VersionBump = 'none' | 'num_updates' | 'epoch';

/** The counters themselves. */
export const VERSION_FIELDS: readonly string[] = ['admin_epoch', 'epoch', 'num_updates'];

/** Root attributes the CIB manager rewrites on every write: never a change in themselves. */
const WRITE_STAMPS = new Set([...VERSION_FIELDS, 'cib-last-written', 'update-origin', 'update-client', 'update-user']);

/**
 * Decides which counter moves when the CIB `before` becomes `after`, as the CIB manager does:
 * epoch when anything in <configuration> changed (or the schema, validate-with), num_updates
 * when only the status or other root attributes changed (have-quorum, dc-uuid, …), nothing when
 * the documents have the same content. Layout and attribute order are not changes.
 */
export function versionBumpFor(before: XmlElement, after: XmlElement): VersionBump {
  const configBefore = before.first('configuration');
  const configAfter = after.first('configuration');
  const configSame =
    configBefore === undefined || configAfter === undefined ? configBefore === configAfter : sameElement(configBefore, configAfter);
  if (!configSame || before.get('validate-with') !== after.get('validate-with')) return 'epoch';
  if (!sameAttributes(before, after, WRITE_STAMPS)) return 'num_updates';
  const rest = (root: XmlElement) => significantChildren(root).filter((c) => c.kind !== 'element' || c.name !== 'configuration');
  const x = rest(before);
  const y = rest(after);
  if (x.length !== y.length || x.some((c, i) => !sameNode(c, y[i]!))) return 'num_updates';
  return 'none';
}

/** Moves the counter a bump names; returns the new version. */
export function applyVersionBump(root: XmlElement, bump: VersionBump): CibVersion {
  if (bump === 'epoch') return bumpEpoch(root);
  if (bump === 'num_updates') return bumpNumUpdates(root);
  return readVersion(root);
}

/**
 * Gives `after` the version that follows `before` for the change between them: epoch and
 * num_updates continue from `before`'s. admin_epoch is the administrator's to raise, so a higher
 * one in `after` is kept. Returns the bump made.
 */
export function bumpVersionFor(before: XmlElement, after: XmlElement): VersionBump {
  const bump = versionBumpFor(before, after);
  const from = readVersion(before);
  writeVersion(after, { ...from, adminEpoch: Math.max(from.adminEpoch, readVersion(after).adminEpoch) });
  applyVersionBump(after, bump);
  return bump;
}
