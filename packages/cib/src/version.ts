// CIB versions: (admin_epoch, epoch, num_updates), compared in that order. epoch moves with every
// configuration change (and resets num_updates); num_updates moves with status changes.

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
