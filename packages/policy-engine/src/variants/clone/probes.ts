// Probing a clone on a node (Pacemaker's pcmk__clone_create_probe): every instance of a unique
// clone, one instance of an anonymous one (the one known there, else the one to run there, else
// the lowest-numbered).

import { Discover, type Node, type Resource } from '../../model/types.js';
import { sortByInstanceNumber } from '../instances/assign.js';
import { LocationKind } from '../methods.js';

function probedOn(rsc: Resource, node: Node): boolean {
  if (rsc.children.length) return rsc.children.some((child) => probedOn(child, node));
  return rsc.knownOn.has(node.id);
}

function probeAnonymousClone(clone: Resource, node: Node): boolean {
  let child = clone.children.find((instance) => probedOn(instance, node));
  child ??= clone.children.find((instance) => instance.methods.location(instance, undefined, LocationKind.assigned) === node);
  child ??= clone.children[0]!;
  return child.methods.createProbe(child, node);
}

export function cloneCreateProbe(rsc: Resource, node: Node): boolean {
  if (rsc.exclusiveDiscover) {
    // only where a location says resource-discovery=exclusive; elsewhere it is not even allowed
    const allowed = rsc.allowedNodes.get(node.id);
    if (allowed === undefined || allowed.discoverMode !== Discover.exclusive) {
      rsc.allowedNodes.delete(node.id);
      return false;
    }
  }
  // probes go by instance number (this is where upstream puts the instances back in that order
  // after placement sorted them, and the actions created next follow it)
  rsc.children = sortByInstanceNumber(rsc.children);
  if (!rsc.unique) return probeAnonymousClone(rsc, node);
  let any = false;
  for (const child of rsc.children) if (child.methods.createProbe(child, node)) any = true;
  return any;
}
