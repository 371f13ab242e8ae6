// Shared meta-attribute maps: actions configured alike hold one map, and a change to one action's
// meta-attributes never shows in another's.

import { describe, expect, it } from 'vitest';
import { schedule } from '../src/schedule.js';
import { deleteActionMeta, setActionMeta } from '../src/actions/action-meta.js';
import { getPseudoOp } from '../src/actions/action.js';
import type { Action, WorkingSet } from '../src/model/types.js';
import { dummy, unpack } from './helpers.js';

function probes(ws: WorkingSet, rsc: string): Action[] {
  return ws.actions.filter((a) => a.uuid === `${rsc}_monitor_0`);
}

function scheduled(): WorkingSet {
  const ws = unpack({ nodes: ['n1', 'n2', 'n3'], resources: dummy('A') + dummy('B') });
  schedule(ws);
  return ws;
}

describe('action meta-attributes', () => {
  it('gives the probes of one resource one map, expecting "not running"', () => {
    const ws = scheduled();
    const [p1, p2, p3] = probes(ws, 'A');
    expect(p3).toBeDefined();
    expect(p1!.meta).toBe(p2!.meta);
    expect(p1!.meta).toBe(p3!.meta);
    expect(p1!.ownMeta).toBeUndefined();
    expect(p1!.meta.get('op_target_rc')).toBe('7');
    expect(p1!.meta.get('timeout')).toBe('20000');
    // another resource's probes have their own map
    expect(probes(ws, 'B')[0]!.meta).not.toBe(p1!.meta);
  });

  it('changes one action without changing the actions it shared a map with', () => {
    const ws = scheduled();
    const [p1, p2, p3] = probes(ws, 'A');
    const before = p2!.meta;
    setActionMeta(p1!, 'timeout', '5000');
    expect(p1!.meta.get('timeout')).toBe('5000');
    expect(p2!.meta).toBe(before);
    expect(p2!.meta.get('timeout')).toBe('20000');
    // the same change gives the same map
    setActionMeta(p3!, 'timeout', '5000');
    expect(p3!.meta).toBe(p1!.meta);
    deleteActionMeta(p3!, 'op_target_rc');
    expect(p3!.meta.has('op_target_rc')).toBe(false);
    expect(p1!.meta.get('op_target_rc')).toBe('7');
    // setting a value already there changes nothing
    setActionMeta(p2!, 'timeout', '20000');
    expect(p2!.meta).toBe(before);
  });

  it('changes a map held by one action in place', () => {
    // a cluster-wide action (no resource, no configuration to share)
    const own = getPseudoOp(scheduled(), 'all_stopped');
    expect(own.ownMeta).toBe(own.meta);
    const map = own.meta;
    setActionMeta(own, 'op_no_wait', 'true');
    expect(own.meta).toBe(map);
    expect(own.meta.get('op_no_wait')).toBe('true');
  });
});
