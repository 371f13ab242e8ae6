// Ordering constraints (Pacemaker's pcmk_sched_ordering.c unpacking part): rsc_order between
// resources or over sets, mandatory/optional/serialize kinds, symmetric inverses, clone-min and
// require-all=false pseudo-actions. The orderings are applied to actions later
// (stages/orderings.ts).

import type { XmlElement } from '@hacluster/cib';
import { OrderFlag } from '../model/flags.js';
import type { Action, Ordering, Resource, WorkingSet } from '../model/types.js';
import { getPseudoOp } from '../actions/action.js';
import { ActionFlag } from '../model/flags.js';
import { opKey, parseOpKey } from '../util/opkey.js';
import { char2score } from '../util/score.js';
import { eqCase, isTrue, toBoolean } from '../util/strings.js';
import { expandIdref } from '../util/xml.js';
import { isParent } from '../unpack/resource-helpers.js';
import { expandTagsInSets, findConstraintResource, resourceOrTag, tagToSet } from './resolve.js';

type Kind = 'optional' | 'mandatory' | 'serialize';
type Symmetry = 'asymmetric' | 'symmetric' | 'inverse';

function taskOf(action: Action | undefined, key: string | undefined): string | undefined {
  if (action !== undefined) return action.task;
  if (key !== undefined) return parseOpKey(key)?.task;
  return undefined;
}

/** Extra orderings between migration actions that mirror a start or stop ordering. */
function orderMigrationEquivalents(ws: WorkingSet, order: Ordering): void {
  const first = order.firstRsc;
  const then = order.thenRsc;
  if (first === undefined || then === undefined || first === then || isParent(first, then) || isParent(then, first)) return;
  const firstMigratable = first.allowMigrate;
  const thenMigratable = then.allowMigrate;
  if (!firstMigratable && !thenMigratable) return;
  const firstTask = taskOf(order.firstAction, order.firstTask);
  const thenTask = taskOf(order.thenAction, order.thenTask);
  if (firstTask === 'start' && thenTask === 'start') {
    let flags: number = OrderFlag.optional;
    if (firstMigratable && thenMigratable) {
      newOrdering(ws, first, opKey(first.id, 'migrate_from'), undefined, then, opKey(then.id, 'migrate_to'), undefined, flags);
    }
    if (thenMigratable) {
      if (firstMigratable) flags |= OrderFlag.applyFirstNonMigratable;
      newOrdering(ws, first, opKey(first.id, 'start'), undefined, then, opKey(then.id, 'migrate_to'), undefined, flags);
    }
  } else if (thenMigratable && firstTask === 'stop' && thenTask === 'stop') {
    let flags: number = OrderFlag.optional;
    if (firstMigratable) flags |= OrderFlag.applyFirstNonMigratable;
    newOrdering(ws, first, opKey(first.id, 'stop'), undefined, then, opKey(then.id, 'migrate_to'), undefined, flags);
    if (then.partialMigrationTarget) {
      newOrdering(ws, first, opKey(first.id, 'stop'), undefined, then, opKey(then.id, 'migrate_from'), undefined, flags);
    }
  } else if (firstTask === 'promote' && thenTask === 'start') {
    if (thenMigratable) {
      newOrdering(ws, first, opKey(first.id, 'promote'), undefined, then, opKey(then.id, 'migrate_to'), undefined, OrderFlag.optional);
    }
  } else if (firstTask === 'demote' && thenTask === 'stop') {
    if (thenMigratable) {
      newOrdering(ws, first, opKey(first.id, 'demote'), undefined, then, opKey(then.id, 'migrate_to'), undefined, OrderFlag.optional);
      if (then.partialMigrationTarget) {
        newOrdering(ws, first, opKey(first.id, 'demote'), undefined, then, opKey(then.id, 'migrate_from'), undefined, OrderFlag.optional);
      }
    }
  }
}

/** Pacemaker's pcmk__new_ordering: records an ordering to apply once actions exist. */
export function newOrdering(
  ws: WorkingSet,
  firstRsc: Resource | undefined,
  firstTask: string | undefined,
  firstAction: Action | undefined,
  thenRsc: Resource | undefined,
  thenTask: string | undefined,
  thenAction: Action | undefined,
  flags: number,
): void {
  if ((firstAction === undefined && firstRsc === undefined) || (thenAction === undefined && thenRsc === undefined)) return;
  const order: Ordering = {
    id: ws.nextOrderingId++,
    flags,
    firstRsc: firstRsc ?? firstAction?.rsc,
    thenRsc: thenRsc ?? thenAction?.rsc,
    firstAction,
    thenAction,
    firstTask: firstTask ?? firstAction?.uuid,
    thenTask: thenTask ?? thenAction?.uuid,
  };
  ws.orderings.push(order);
  orderMigrationEquivalents(ws, order);
}

/** Pacemaker's pcmk__order_resource_actions. */
export function orderResourceActions(first: Resource, firstTask: string, then: Resource, thenTask: string, flags: number): void {
  newOrdering(first.cluster, first, opKey(first.id, firstTask), undefined, then, opKey(then.id, thenTask), undefined, flags);
}

export function orderStarts(first: Resource, then: Resource, flags: number): void {
  orderResourceActions(first, 'start', then, 'start', flags);
}

export function orderStops(first: Resource, then: Resource, flags: number): void {
  orderResourceActions(first, 'stop', then, 'stop', flags);
}

function invertAction(action: string): string | undefined {
  switch (action.toLowerCase()) {
    case 'start':
      return 'stop';
    case 'stop':
      return 'start';
    case 'promote':
      return 'demote';
    case 'demote':
      return 'promote';
    case 'promoted':
      return 'demoted';
    case 'demoted':
      return 'promoted';
    case 'running':
      return 'stopped';
    case 'stopped':
      return 'running';
    default:
      return undefined;
  }
}

function orderingKind(xml: XmlElement): Kind {
  const kind = xml.get('kind');
  if (kind === undefined) {
    const score = xml.get('score');
    if (score !== undefined && char2score(score) === 0) return 'optional';
    return 'mandatory';
  }
  switch (kind.toLowerCase()) {
    case 'optional':
      return 'optional';
    case 'serialize':
      return 'serialize';
    default:
      return 'mandatory';
  }
}

function orderingSymmetry(xml: XmlElement, parentKind: Kind, parentSymmetrical: string | undefined): Symmetry {
  let kind = parentKind;
  if (xml.get('kind') !== undefined || xml.get('score') !== undefined) kind = orderingKind(xml);
  let symmetric = toBoolean(xml.get('symmetrical'));
  if (symmetric === undefined && parentSymmetrical !== undefined) symmetric = isTrue(parentSymmetrical);
  if (symmetric !== undefined) {
    if (symmetric && kind !== 'serialize') return 'symmetric';
    return 'asymmetric';
  }
  return kind === 'serialize' ? 'asymmetric' : 'symmetric';
}

function flagsForKind(kind: Kind, first: string, symmetry: Symmetry): number {
  let flags: number = OrderFlag.optional;
  switch (kind) {
    case 'optional':
      break;
    case 'serialize':
      flags |= OrderFlag.serializeOnly;
      break;
    case 'mandatory':
      if (symmetry === 'asymmetric') {
        flags |= OrderFlag.asymmetrical;
      } else if (symmetry === 'symmetric') {
        flags |= OrderFlag.impliesThen;
        if (eqCase(first, 'start') || eqCase(first, 'promote')) flags |= OrderFlag.runnableLeft;
      } else {
        flags |= OrderFlag.impliesFirst;
      }
      break;
  }
  return flags;
}

function orderingResource(ws: WorkingSet, xml: XmlElement, attr: string, instanceAttr: string): Resource | undefined {
  const id = xml.get(attr);
  if (id === undefined) return undefined;
  let rsc = findConstraintResource(ws, id);
  if (rsc === undefined) return undefined;
  const instance = xml.get(instanceAttr);
  if (instance !== undefined) {
    if (rsc.variant !== 'clone') return undefined;
    rsc = rsc.children.find((c) => c.id.endsWith(`:${instance}`));
  }
  return rsc;
}

function minimumFirstInstances(rsc: Resource, xml: XmlElement): number {
  if (rsc.variant !== 'clone') return 0;
  const cloneMin = rsc.meta.get('clone-min');
  if (cloneMin !== undefined) return Math.max(0, Number.parseInt(cloneMin, 10) || 0);
  const requireAll = xml.get('require-all');
  if (requireAll !== undefined && toBoolean(requireAll) === false) return 1;
  return 0;
}

function cloneMinOrdering(ws: WorkingSet, id: string, first: Resource, firstAction: string, then: Resource, thenAction: string, flags: number, cloneMin: number): void {
  const met = getPseudoOp(ws, `clone-one-or-more:${id}`);
  met.requiredRunnableBefore = cloneMin;
  met.flags |= ActionFlag.requiresAny;
  for (const child of first.children) {
    newOrdering(ws, child, opKey(child.id, firstAction), undefined, undefined, undefined, met, OrderFlag.oneOrMore | OrderFlag.impliesThenPrinted);
  }
  newOrdering(ws, undefined, undefined, met, then, opKey(then.id, thenAction), undefined, flags | OrderFlag.runnableLeft);
}

function inverseOrdering(kind: Kind, first: Resource, firstActionIn: string, then: Resource, thenActionIn: string): void {
  const thenAction = invertAction(thenActionIn);
  const firstAction = invertAction(firstActionIn);
  if (thenAction === undefined || firstAction === undefined) return;
  let flags = flagsForKind(kind, firstAction, 'inverse');
  if (kind === 'optional' && then.restartType === 'restart') flags |= OrderFlag.impliesFirst;
  orderResourceActions(then, thenAction, first, firstAction, flags);
}

function unpackSimpleOrder(ws: WorkingSet, xml: XmlElement): void {
  const id = xml.get('id');
  if (id === undefined) return;
  const first = orderingResource(ws, xml, 'first', 'first-instance');
  if (first === undefined) return;
  const then = orderingResource(ws, xml, 'then', 'then-instance');
  if (then === undefined) return;
  const actionFirst = xml.get('first-action') ?? 'start';
  const actionThen = xml.get('then-action') ?? actionFirst;
  const kind = orderingKind(xml);
  const symmetry = orderingSymmetry(xml, kind, undefined);
  let flags = flagsForKind(kind, actionFirst, symmetry);
  if (kind === 'optional' && then.restartType === 'restart') flags |= OrderFlag.impliesThen;
  const minRequired = minimumFirstInstances(first, xml);
  if (minRequired > 0) cloneMinOrdering(ws, id, first, actionFirst, then, actionThen, flags, minRequired);
  else orderResourceActions(first, actionFirst, then, actionThen, flags);
  if (symmetry === 'symmetric') inverseOrdering(kind, first, actionFirst, then, actionThen);
}

function unpackOrderSet(ws: WorkingSet, set: XmlElement, parentKind: Kind, parentSymmetrical: string | undefined): boolean {
  const action = set.get('action') ?? 'start';
  const localKind = set.get('kind') !== undefined ? orderingKind(set) : parentKind;
  const sequential = isTrue(set.get('sequential') ?? '1');
  const symmetry = orderingSymmetry(set, parentKind, parentSymmetrical);
  let flags = flagsForKind(localKind, action, symmetry);
  const resources: Resource[] = [];
  for (const ref of set.elements('resource_ref')) {
    const r = findConstraintResource(ws, ref.get('id'));
    if (r === undefined) return false;
    resources.push(r);
  }
  if (resources.length === 1) return true;
  let last: Resource | undefined;
  for (let i = 0; i < resources.length; i++) {
    const rsc = resources[i]!;
    if (localKind === 'serialize') {
      for (let j = i + 1; j < resources.length; j++) {
        const then = resources[j]!;
        newOrdering(ws, rsc, opKey(rsc.id, action), undefined, then, opKey(then.id, action), undefined, flags);
      }
    } else if (sequential) {
      if (last !== undefined) orderResourceActions(last, action, rsc, action, flags);
      last = rsc;
    }
  }
  if (symmetry === 'asymmetric') return true;
  last = undefined;
  const inverse = invertAction(action);
  if (inverse === undefined) return true;
  flags = flagsForKind(localKind, inverse, 'inverse');
  for (const rsc of resources) {
    if (sequential) {
      if (last !== undefined) orderResourceActions(rsc, inverse, last, inverse, flags);
      last = rsc;
    }
  }
  return true;
}

function orderRscSets(ws: WorkingSet, id: string, set1: XmlElement, set2: XmlElement, kind: Kind, symmetry: Symmetry): boolean {
  let action1 = set1.get('action') ?? 'start';
  let action2 = set2.get('action') ?? 'start';
  let requireAll = toBoolean(set1.get('require-all')) ?? true;
  if (symmetry === 'inverse') {
    action1 = invertAction(action1) ?? action1;
    action2 = invertAction(action2) ?? action2;
  }
  if (eqCase('stop', action1) || eqCase('demote', action1)) requireAll = true;
  const flags = flagsForKind(kind, action2, symmetry);
  const refs1 = set1.elements('resource_ref');
  const refs2 = set2.elements('resource_ref');
  if (!requireAll) {
    const unordered = getPseudoOp(ws, `one-or-more:${set1.get('id')}`);
    unordered.flags |= ActionFlag.requiresAny;
    for (const ref of refs1) {
      const r = findConstraintResource(ws, ref.get('id'));
      if (r === undefined) return false;
      newOrdering(ws, r, opKey(r.id, action1), undefined, undefined, undefined, unordered, OrderFlag.oneOrMore | OrderFlag.impliesThenPrinted);
    }
    for (const ref of refs2) {
      const r = findConstraintResource(ws, ref.get('id'));
      if (r === undefined) return false;
      newOrdering(ws, undefined, undefined, unordered, r, opKey(r.id, action2), undefined, flags | OrderFlag.runnableLeft);
    }
    return true;
  }
  let rsc1: Resource | undefined;
  let rsc2: Resource | undefined;
  if (isTrue(set1.get('sequential'))) {
    const ref = symmetry === 'inverse' ? refs1[0] : refs1[refs1.length - 1];
    if (ref !== undefined || symmetry !== 'inverse') {
      rsc1 = findConstraintResource(ws, ref?.get('id'));
      if (rsc1 === undefined) return false;
    }
  }
  if (isTrue(set2.get('sequential'))) {
    const ref = symmetry === 'inverse' ? refs2[refs2.length - 1] : refs2[0];
    if (ref !== undefined || symmetry === 'inverse') {
      rsc2 = findConstraintResource(ws, ref?.get('id'));
      if (rsc2 === undefined) return false;
    }
  }
  if (rsc1 && rsc2) {
    orderResourceActions(rsc1, action1, rsc2, action2, flags);
  } else if (rsc1) {
    for (const ref of refs2) {
      const r = findConstraintResource(ws, ref.get('id'));
      if (r === undefined) return false;
      orderResourceActions(rsc1, action1, r, action2, flags);
    }
  } else if (rsc2) {
    for (const ref of refs1) {
      const r = findConstraintResource(ws, ref.get('id'));
      if (r === undefined) return false;
      orderResourceActions(r, action1, rsc2, action2, flags);
    }
  } else {
    for (const ref of refs1) {
      const r1 = findConstraintResource(ws, ref.get('id'));
      if (r1 === undefined) return false;
      for (const ref2 of refs2) {
        const r2 = findConstraintResource(ws, ref2.get('id'));
        if (r2 === undefined) return false;
        orderResourceActions(r1, action1, r2, action2, flags);
      }
    }
  }
  return true;
}

function expandOrderTags(ws: WorkingSet, xml: XmlElement): XmlElement | undefined | null {
  const expanded = expandTagsInSets(ws, xml);
  if (expanded !== undefined) return expanded;
  const idFirst = xml.get('first');
  const idThen = xml.get('then');
  if (idFirst === undefined || idThen === undefined) return undefined;
  const first = resourceOrTag(ws, idFirst);
  const then = resourceOrTag(ws, idThen);
  if (first === undefined || then === undefined) return null;
  if (first.kind === 'resource' && then.kind === 'resource') return undefined;
  const actionFirst = xml.get('first-action');
  const actionThen = xml.get('then-action');
  const copy = xml.clone();
  let anySets = false;
  const setFirst = tagToSet(ws, copy, 'first', true);
  if (setFirst === null) return null;
  if (setFirst !== undefined) {
    if (actionFirst !== undefined) {
      setFirst.set('action', actionFirst);
      copy.remove('first-action');
    }
    anySets = true;
  }
  const setThen = tagToSet(ws, copy, 'then', true);
  if (setThen === null) return null;
  if (setThen !== undefined) {
    if (actionThen !== undefined) {
      setThen.set('action', actionThen);
      copy.remove('then-action');
    }
    anySets = true;
  }
  return anySets ? copy : undefined;
}

/** One rsc_order element (Pacemaker's pcmk__unpack_ordering). */
export function unpackOrdering(ws: WorkingSet, original: XmlElement): void {
  const id = original.get('id') ?? '';
  const invert = original.get('symmetrical');
  const kind = orderingKind(original);
  const symmetry = orderingSymmetry(original, kind, undefined);
  const expanded = expandOrderTags(ws, original);
  if (expanded === null) return;
  const xml = expanded ?? original;
  let last: XmlElement | undefined;
  for (const setRef of xml.elements('resource_set')) {
    const set = expandIdref(setRef, ws.idIndex);
    if (set === undefined || !unpackOrderSet(ws, set, kind, invert)) return;
    if (last !== undefined) {
      if (!orderRscSets(ws, id, last, set, kind, symmetry)) return;
      if (symmetry === 'symmetric' && !orderRscSets(ws, id, set, last, kind, 'inverse')) return;
    }
    last = set;
  }
  if (last === undefined) unpackSimpleOrder(ws, original);
}
