// `resource move-with-constraint` (and `resource move` on a file) without a node: away from the
// one node the resource runs on, as crm_resource --move does.

import { afterEach, describe, expect, it } from 'vitest';
import { cibText } from '../../src/pcs/lib/commands/cluster-cib.js';
import { moveWithConstraint } from '../../src/pcs/lib/commands/resource/move.js';
import { LibraryError } from '../../src/pcs/lib/reports/item.js';
import { testEnv, type TestEnv } from './helpers.js';
import { heldByStickiness } from './running-cluster.js';

let t: TestEnv;
afterEach(() => t?.cleanup());

describe('moving a resource without naming a node', () => {
  it('bans it from the node it runs on', () => {
    t = testEnv(heldByStickiness());
    moveWithConstraint(t.env, { resource: 'd1', promoted: false });
    expect(cibText(t.next(), 'constraints')).toContain('<rsc_location id="cli-ban-d1-on-node01" rsc="d1" role="Started" node="node01" score="-INFINITY"/>');
    expect(t.reports.map((r) => r.message.code)).toEqual(['RESOURCE_BAN_CONSTRAINT_CREATED']);
  });

  it('gives the ban a lifetime as a dated rule', () => {
    t = testEnv(heldByStickiness());
    moveWithConstraint(t.env, { resource: 'g1', promoted: false, lifetime: 'PT1H', now: new Date('2026-01-01T00:00:00Z') });
    const xml = cibText(t.next(), 'constraints');
    expect(xml).toContain('<rsc_location id="cli-ban-g1-on-node02" rsc="g1" role="Started">');
    expect(xml).toContain('<date_expression id="cli-ban-g1-on-node02-lifetime" operation="lt" end="2026-01-01 01:00:00Z"/>');
  });

  it('refuses a stopped resource, a clone, and leaves the file as it was', () => {
    t = testEnv(heldByStickiness().replace(/<status>[\s\S]*<\/status>/, '<status/>'));
    const before = cibText(t.env);
    expect(() => moveWithConstraint(t.env, { resource: 'd1', promoted: false })).toThrow(LibraryError);
    expect(() => moveWithConstraint(t.next(), { resource: 'c1-clone', promoted: false })).toThrow(LibraryError);
    expect(cibText(t.next())).toBe(before);
  });
});
