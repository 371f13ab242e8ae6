// Changing an action's meta-attributes. Actions configured alike (a probe of one resource on each
// of 64 nodes, …) share one meta map, which is never changed in place: an action given a value of
// its own moves to a map with that change, and the actions given the same change (every probe
// expecting "not running") move to the same one. Tens of thousands of probes then hold a few maps
// between them instead of a map each.

import type { Action } from '../model/types.js';

/**
 * For each shared map, the shared maps made from it by one change: by name, then by the value set
 * (a deletion is keyed by undefined).
 */
const variants = new WeakMap<ReadonlyMap<string, string>, Map<string, Map<string | undefined, ReadonlyMap<string, string>>>>();

function sharedVariant(meta: ReadonlyMap<string, string>, name: string, value: string | undefined): ReadonlyMap<string, string> {
  let byName = variants.get(meta);
  if (byName === undefined) {
    byName = new Map();
    variants.set(meta, byName);
  }
  let byValue = byName.get(name);
  if (byValue === undefined) {
    byValue = new Map();
    byName.set(name, byValue);
  }
  let variant = byValue.get(value);
  if (variant === undefined) {
    const changed = new Map(meta);
    if (value === undefined) changed.delete(name);
    else changed.set(name, value);
    variant = changed;
    byValue.set(value, variant);
  }
  return variant;
}

export function setActionMeta(action: Action, name: string, value: string): void {
  if (action.ownMeta !== undefined) {
    action.ownMeta.set(name, value);
  } else if (action.meta.get(name) !== value) {
    action.meta = sharedVariant(action.meta, name, value);
  }
}

/** setActionMeta unless the action already has a value for `name`. */
export function setActionMetaIfUnset(action: Action, name: string, value: string): void {
  if (!action.meta.has(name)) setActionMeta(action, name, value);
}

export function deleteActionMeta(action: Action, name: string): void {
  if (action.ownMeta !== undefined) action.ownMeta.delete(name);
  else if (action.meta.has(name)) action.meta = sharedVariant(action.meta, name, undefined);
}

/** Gives the action a map shared with the actions configured alike (see unpackOperation). */
export function shareActionMeta(action: Action, meta: ReadonlyMap<string, string>): void {
  action.meta = meta;
  action.ownMeta = undefined;
}

/** Gives the action a map of its own, starting from what it has, to change in place. */
export function giveOwnMeta(action: Action): void {
  if (action.ownMeta !== undefined) return;
  const own = new Map(action.meta);
  action.meta = own;
  action.ownMeta = own;
}
