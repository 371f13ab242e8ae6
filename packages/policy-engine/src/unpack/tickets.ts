// Ticket state from the status section (Pacemaker's unpack_tickets_state): <tickets> holds one
// <ticket_state> per ticket, saying whether this site holds it (granted) and whether it is
// temporarily out of use (standby). A ticket no entry mentions is revoked.

import type { XmlElement } from '@hacluster/cib';
import type { Ticket, WorkingSet } from '../model/types.js';
import { isTrue } from '../util/strings.js';

/** The ticket with this id, created revoked when neither the status nor a constraint named it yet. */
export function ticketFor(ws: WorkingSet, id: string): Ticket {
  let ticket = ws.tickets.get(id);
  if (ticket === undefined) {
    ticket = { id, granted: false, standby: false, lastGranted: 0, state: new Map() };
    ws.tickets.set(id, ticket);
  }
  return ticket;
}

function unpackTicketState(ws: WorkingSet, xml: XmlElement): void {
  const id = xml.get('id');
  if (id === undefined || id === '') return;
  const ticket = ticketFor(ws, id);
  const a = xml.attrs;
  for (let i = 0; i < a.length; i += 2) if (a[i] !== 'id') ticket.state.set(a[i]!, a[i + 1]!);
  ticket.granted = isTrue(ticket.state.get('granted'));
  const last = ticket.state.get('last-granted');
  if (last !== undefined && /^\s*[0-9]+/.test(last)) ticket.lastGranted = Number.parseInt(last, 10);
  ticket.standby = isTrue(ticket.state.get('standby'));
}

export function unpackTicketsState(ws: WorkingSet, tickets: XmlElement): void {
  for (const entry of tickets.elements('ticket_state')) unpackTicketState(ws, entry);
}
