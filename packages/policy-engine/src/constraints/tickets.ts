// Ticket constraints (Pacemaker's pcmk_sched_tickets.c): rsc_ticket makes resources depend on a
// ticket. While the ticket is revoked or in standby the resources are banned everywhere; when it
// is revoked from resources that are active, the loss-policy decides: stop them, demote them,
// fence their nodes, or freeze them where they are.

import { MINUS_INFINITY, type XmlElement } from '@hacluster/cib';
import { Role, parseRoleN } from '../model/role.js';
import type { LossPolicy, Resource, Ticket, TicketConstraint, WorkingSet } from '../model/types.js';
import { eqCase } from '../util/strings.js';
import { expandIdref } from '../util/xml.js';
import { ticketFor } from '../unpack/tickets.js';
import { fenceNode } from '../unpack/fence.js';
import { resourceLocation } from './resource-location.js';
import { expandTagsInSets, findConstraintResource, resourceOrTag, tagToSet } from './resolve.js';

function roleMatches(rsc: Resource, constraint: TicketConstraint): boolean {
  return constraint.role === Role.unknown || constraint.role === rsc.role;
}

/** Bans, fencing or freezing for a resource whose ticket is not usable (constraints_for_ticket). */
function constraintsForTicket(rsc: Resource, c: TicketConstraint): void {
  const ticket = c.ticket;
  if (ticket.granted && !ticket.standby) return;
  if (rsc.children.length) {
    for (const child of rsc.children) constraintsForTicket(child, c);
    return;
  }
  const promotedOnly = c.role === Role.promoted;
  if (!ticket.granted && rsc.runningOn.length > 0) {
    switch (c.lossPolicy) {
      case 'stop':
        resourceLocation(rsc, undefined, MINUS_INFINITY, '__loss_of_ticket__');
        break;
      case 'demote':
        // a promoted-only dependency loses its promotion score instead (promotable clones)
        if (!promotedOnly) resourceLocation(rsc, undefined, MINUS_INFINITY, '__loss_of_ticket__');
        break;
      case 'fence':
        if (!roleMatches(rsc, c)) return;
        resourceLocation(rsc, undefined, MINUS_INFINITY, '__loss_of_ticket__');
        for (const node of rsc.runningOn.slice()) fenceNode(rsc.cluster, node, 'deadman ticket was lost', false);
        break;
      case 'freeze':
        if (!roleMatches(rsc, c)) return;
        rsc.managed = false;
        rsc.blocked = true;
        break;
    }
  } else if (!promotedOnly || c.lossPolicy === 'stop') {
    resourceLocation(rsc, undefined, MINUS_INFINITY, ticket.granted ? '__ticket_standby__' : '__no_ticket__');
  }
}

function lossPolicyOf(ws: WorkingSet, text: string | undefined, role: number): LossPolicy {
  // fencing a node for a lost ticket needs fencing; without it the resources are stopped
  if (eqCase(text, 'fence')) return ws.flags.stonithEnabled ? 'fence' : 'stop';
  if (eqCase(text, 'freeze')) return 'freeze';
  if (eqCase(text, 'demote')) return 'demote';
  if (eqCase(text, 'stop')) return 'stop';
  return role === Role.promoted ? 'demote' : 'stop';
}

function newTicketConstraint(ws: WorkingSet, id: string, rsc: Resource, ticket: Ticket, roleText: string | undefined, loss: string | undefined): void {
  const role = roleText === undefined || eqCase(roleText, 'Started') ? Role.unknown : parseRoleN(roleText);
  const c: TicketConstraint = { id, rsc, ticket, role, lossPolicy: lossPolicyOf(ws, loss, role) };
  rsc.ticketConstraints.push(c);
  ws.ticketConstraints.push(c);
  if (!ticket.granted || ticket.standby) constraintsForTicket(rsc, c);
}

function unpackTicketSet(ws: WorkingSet, set: XmlElement, ticket: Ticket, loss: string | undefined): boolean {
  const setId = set.get('id');
  if (setId === undefined) return false;
  const role = set.get('role');
  for (const ref of set.elements('resource_ref')) {
    const rsc = findConstraintResource(ws, ref.get('id'));
    if (rsc === undefined) return false;
    newTicketConstraint(ws, setId, rsc, ticket, role, loss);
  }
  return true;
}

function unpackSimpleTicket(ws: WorkingSet, xml: XmlElement, id: string, ticket: Ticket): void {
  let rsc = findConstraintResource(ws, xml.get('rsc'));
  if (rsc === undefined) return;
  const instance = xml.get('rsc-instance');
  if (instance !== undefined) {
    if (rsc.variant !== 'clone') return;
    rsc = rsc.children.find((c) => c.id.endsWith(`:${instance}`));
    if (rsc === undefined) return;
  }
  newTicketConstraint(ws, id, rsc, ticket, xml.get('rsc-role'), xml.get('loss-policy'));
}

/** A copy with templates and tags expanded into sets; undefined when none, null when invalid. */
function expandTicketTags(ws: WorkingSet, xml: XmlElement): XmlElement | undefined | null {
  const expanded = expandTagsInSets(ws, xml);
  if (expanded !== undefined) return expanded;
  const rscId = xml.get('rsc');
  if (rscId === undefined) return undefined;
  const found = resourceOrTag(ws, rscId);
  if (found === undefined) return null;
  if (found.kind === 'resource') return undefined;
  const role = xml.get('rsc-role');
  const copy = xml.clone();
  const set = tagToSet(ws, copy, 'rsc', false);
  if (set === null) return null;
  if (set === undefined) return undefined;
  if (role !== undefined) {
    set.set('role', role);
    copy.remove('rsc-role');
  }
  return copy;
}

/** One rsc_ticket element (Pacemaker's pcmk__unpack_rsc_ticket). */
export function unpackRscTicket(ws: WorkingSet, original: XmlElement): void {
  const id = original.get('id');
  const ticketId = original.get('ticket');
  if (id === undefined || ticketId === undefined) return;
  const ticket = ticketFor(ws, ticketId);
  const expanded = expandTicketTags(ws, original);
  if (expanded === null) return;
  const xml = expanded ?? original;
  let anySets = false;
  for (const setRef of xml.elements('resource_set')) {
    anySets = true;
    const set = expandIdref(setRef, ws.idIndex);
    if (set === undefined || !unpackTicketSet(ws, set, ticket, xml.get('loss-policy'))) return;
  }
  if (!anySets) unpackSimpleTicket(ws, original, id, ticket);
}

/**
 * Pacemaker's pcmk__require_promotion_tickets: a resource that needs a ticket to be promoted is
 * banned everywhere while that ticket is revoked or in standby (used by promotable clones).
 */
export function requirePromotionTickets(rsc: Resource): void {
  for (const c of rsc.ticketConstraints) {
    if (c.role === Role.promoted && (!c.ticket.granted || c.ticket.standby)) {
      resourceLocation(rsc, undefined, MINUS_INFINITY, '__stateful_without_ticket__');
    }
  }
}
