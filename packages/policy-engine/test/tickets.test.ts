// Ticket constraints: the ticket state read from the status section, and what each loss-policy
// does to resources when their ticket is revoked or put in standby.

import { describe, expect, it } from 'vitest';
import { MINUS_INFINITY } from '@hacluster/cib';
import { schedule } from '../src/schedule.js';
import { unpackConstraints } from '../src/stages/constraints.js';
import { dummy, probedStopped, started, unpack, type CibSpec } from './helpers.js';

const ticketState = (attrs: string) => `<tickets><ticket_state id="tA" ${attrs}/></tickets>`;

function spec(loss: string | undefined, state: string | undefined, active: boolean, role = 'Started'): CibSpec {
  const history = active ? [probedStopped('A'), started('A')] : [probedStopped('A')];
  return {
    nodes: [{ name: 'n1', history }, { name: 'n2', history: [probedStopped('A')] }],
    // a watchdog stands in for a fencing device
    options: { 'fencing-enabled': 'true', 'have-watchdog': 'true' },
    resources: dummy('A'),
    constraints: `<rsc_ticket id="t" rsc="A" rsc-role="${role}" ticket="tA"${loss ? ` loss-policy="${loss}"` : ''}/>`,
    ...(state !== undefined ? { extraStatus: ticketState(state) } : {}),
  };
}

const summaryOf = (s: CibSpec) => schedule(unpack(s)).summary.map((l) => l.replace(/\s+/g, ' '));

describe('tickets: state', () => {
  it('reads granted, standby and last-granted from the status section', () => {
    const ws = unpack({ nodes: ['n1'], extraStatus: ticketState('granted="true" standby="true" last-granted="1331670761"') });
    expect(ws.tickets.get('tA')).toMatchObject({ granted: true, standby: true, lastGranted: 1331670761 });
    expect(ws.tickets.get('tA')!.state.get('standby')).toBe('true');
  });
  it('creates a revoked ticket for a constraint naming an unknown one', () => {
    const ws = unpack({ nodes: ['n1'], resources: dummy('A'), constraints: '<rsc_ticket id="t" rsc="A" ticket="tX"/>' });
    unpackConstraints(ws);
    expect(ws.tickets.get('tX')).toMatchObject({ granted: false, standby: false });
    expect(ws.resourceById.get('A')!.allowedNodes.get('1')!.weight).toBe(MINUS_INFINITY);
  });
});

describe('tickets: loss-policy', () => {
  it('starts a resource whose ticket is granted', () => {
    expect(summaryOf(spec('stop', 'granted="true"', false))).toEqual(['Start A ( n1 )']);
  });
  it('keeps a resource stopped without its ticket', () => {
    expect(summaryOf(spec('stop', undefined, false))).toEqual([]);
  });
  it('stops an active resource when the ticket is lost (stop, and demote for a non-promoted role)', () => {
    expect(summaryOf(spec('stop', 'granted="false"', true))).toEqual(['Stop A ( n1 ) due to node availability']);
    expect(summaryOf(spec('demote', 'granted="false"', true))).toEqual(['Stop A ( n1 ) due to node availability']);
  });
  it('stops an active resource when its ticket goes to standby', () => {
    expect(summaryOf(spec('freeze', 'granted="true" standby="true"', true))).toEqual(['Stop A ( n1 ) due to node availability']);
  });
  it('fences the nodes running the resource when a deadman ticket is lost', () => {
    const summary = summaryOf(spec('fence', 'granted="false"', true));
    expect(summary[0]).toBe("Fence (reboot) n1 'deadman ticket was lost'");
  });
  it('falls back to stop for loss-policy=fence without fencing', () => {
    const s = spec('fence', 'granted="false"', true);
    s.options = { 'fencing-enabled': 'false' };
    expect(summaryOf(s)).toContain('Stop A ( n1 ) due to node availability');
  });
  it('freezes an active resource in place when the ticket is lost', () => {
    const ws = unpack(spec('freeze', 'granted="false"', true));
    const result = schedule(ws);
    expect(result.summary).toEqual([]);
    expect(ws.resourceById.get('A')).toMatchObject({ managed: false, blocked: true });
  });
});
