// Clone notifications (notify=true): the pre/post pseudo-actions around the clone's start and
// stop, each instance's notify actions and their environment, notifications after fencing, and
// how crm_simulate records the notifications it pretends to run.

import { describe, expect, it } from 'vitest';
import { schedule } from '../src/schedule.js';
import type { Action } from '../src/model/types.js';
import { newRscPseudoAction } from '../src/actions/action.js';
import { cloneNotifications } from '../src/variants/clone/notify/index.js';
import { simulateCluster } from '../src/simulate/simulate.js';
import { cibRoot, clone, dummy, probedStopped, started, unpack, type CibSpec } from './helpers.js';
import { actionLabel as label, findAction as action } from './inspect.js';

function run(spec: CibSpec) {
  const ws = unpack(spec);
  const result = schedule(ws);
  const inGraph = new Set(result.graph.synapses.map((s) => s.action));
  return { ws, result, inGraph };
}

/** The graph's actions, as uuid@node. */
function graphActions(inGraph: Set<Action>): string[] {
  return [...inGraph].map(label).sort();
}

/** The actions an action waits for in the graph. */
function graphInputs(run: ReturnType<typeof runStart>, uuid: string, node?: string): string[] {
  const synapse = run.result.graph.synapses.find((s) => s.action.uuid === uuid && (node === undefined || s.action.node?.uname === node));
  if (synapse === undefined) throw new Error(`${uuid} is not in the graph`);
  return synapse.inputs.map(label).sort();
}

/** The notify environment of an action, without the notify_ prefix. */
function environment(a: Action): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of a.meta) if (k.startsWith('notify_')) out[k.slice('notify_'.length)] = v;
  return out;
}

const notifyClone = (meta: Record<string, string> = {}) => clone('C', dummy('A'), { notify: 'true', ...meta });

/** A:0 runs on n1; n2 has been probed; A:1 is to start on n2. */
function runStart() {
  return run({
    nodes: [
      { name: 'n1', history: [probedStopped('A'), started('A')] },
      { name: 'n2', history: [probedStopped('A')] },
    ],
    resources: notifyClone(),
  });
}

describe('notifications around a start', () => {
  it('tells the running instance before and every instance after, between the pseudo-actions', () => {
    const r = runStart();
    expect(graphActions(r.inGraph)).toEqual([
      // (the history has no recurring monitor for A:0 yet)
      'A:0_monitor_10000@n1',
      'A:0_post_notify_start_0@n1',
      'A:0_pre_notify_start_0@n1',
      'A:1_monitor_10000@n2',
      'A:1_post_notify_start_0@n2',
      'A:1_start_0@n2',
      'C_confirmed-post_notify_running_0',
      'C_confirmed-pre_notify_start_0',
      'C_post_notify_running_0',
      'C_pre_notify_start_0',
      'C_running_0',
      'C_start_0',
    ]);
    expect(graphInputs(r, 'A:0_pre_notify_start_0')).toEqual(['C_pre_notify_start_0']);
    expect(graphInputs(r, 'C_confirmed-pre_notify_start_0')).toEqual(['A:0_pre_notify_start_0@n1', 'C_pre_notify_start_0']);
    expect(graphInputs(r, 'C_start_0')).toEqual(['C_confirmed-pre_notify_start_0']);
    expect(graphInputs(r, 'C_post_notify_running_0')).toEqual(['C_confirmed-pre_notify_start_0', 'C_running_0']);
    expect(graphInputs(r, 'C_confirmed-post_notify_running_0')).toEqual([
      'A:0_post_notify_start_0@n1',
      'A:1_post_notify_start_0@n2',
      'C_post_notify_running_0',
    ]);
    // the new instance is monitored once everyone has been told
    expect(graphInputs(r, 'A:1_monitor_10000')).toEqual(['A:1_start_0@n2', 'C_confirmed-post_notify_running_0']);
  });

  it('gives the notifications and the start the notify environment', () => {
    const r = runStart();
    const lists = {
      active_resource: 'A:0',
      active_uname: 'n1',
      inactive_resource: 'A:1',
      start_resource: 'A:1',
      start_uname: 'n2',
      stop_resource: ' ',
      stop_uname: ' ',
      promote_resource: ' ',
      promote_uname: ' ',
      demote_resource: ' ',
      demote_uname: ' ',
      promoted_resource: ' ',
      promoted_uname: ' ',
      master_resource: ' ',
      master_uname: ' ',
      unpromoted_resource: ' ',
      unpromoted_uname: ' ',
      slave_resource: ' ',
      slave_uname: ' ',
      available_uname: 'n1 n2',
      all_uname: 'n1 n2',
    };
    expect(environment(action(r.ws, 'A:1_start_0'))).toEqual(lists);
    expect(environment(action(r.ws, 'A:0_pre_notify_start_0'))).toEqual({
      ...lists,
      type: 'pre',
      operation: 'start',
      key_type: 'pre',
      key_operation: 'start',
    });
    // the post-notifications are keyed by the notified action, but say which pseudo-action they follow
    expect(environment(action(r.ws, 'A:1_post_notify_start_0'))).toEqual({
      ...lists,
      type: 'post',
      operation: 'start',
      key_type: 'post',
      key_operation: 'running',
    });
  });

  it('writes the notify environment as CRM_meta_notify_* attributes in the graph', () => {
    const r = runStart();
    const details = r.result.graph.details(action(r.ws, 'A:0_post_notify_start_0'));
    const attrs = Object.fromEntries(details.attributes);
    expect(attrs['CRM_meta_notify_start_resource']).toBe('A:1');
    expect(attrs['CRM_meta_notify_inactive_resource']).toBe('A:1');
    expect(attrs['CRM_meta_notify_key_operation']).toBe('running');
    expect(attrs['CRM_meta_notify']).toBe('true');
    expect(r.result.graph.form(action(r.ws, 'A:0_post_notify_start_0')).attrs).toContainEqual(['operation', 'notify']);
  });

  it('lists as available only the nodes the clone may run on', () => {
    const r = run({
      nodes: [{ name: 'n1' }, { name: 'n2' }, { name: 'n3' }],
      options: { 'symmetric-cluster': 'false' },
      resources: notifyClone(),
      constraints: '<rsc_location id="l1" rsc="C" node="n1" score="10"/><rsc_location id="l3" rsc="C" node="n3" score="10"/>',
    });
    const env = environment(action(r.ws, 'A:0_start_0'));
    expect(env['available_uname']).toBe('n1 n3');
    expect(env['all_uname']).toBe('n1 n2 n3');
  });

  it('schedules no notification when nothing changes', () => {
    const r = run({
      nodes: [
        { name: 'n1', history: [probedStopped('A'), started('A')] },
        { name: 'n2', history: [probedStopped('A'), started('A')] },
      ],
      resources: notifyClone(),
    });
    expect([...r.inGraph].filter((a) => a.task === 'notify' || a.task === 'notified')).toEqual([]);
  });
});

describe('notifications around a stop', () => {
  it('tells the stopping instance before its stop but not after', () => {
    const r = run({
      nodes: [
        { name: 'n1', history: [probedStopped('A'), started('A')] },
        { name: 'n2', history: [probedStopped('A'), started('A')] },
      ],
      resources: notifyClone(),
      constraints: '<rsc_location id="ban" rsc="C" node="n2" score="-INFINITY"/>',
    });
    const notifies = [...r.inGraph].filter((a) => a.task === 'notify' && a.rsc?.variant === 'primitive').map(label).sort();
    expect(notifies).toEqual(['A:0_post_notify_stop_0@n1', 'A:0_pre_notify_stop_0@n1', 'A:1_pre_notify_stop_0@n2']);
    expect(environment(action(r.ws, 'A:1_stop_0'))).toMatchObject({ stop_resource: 'A:1', stop_uname: 'n2', active_resource: 'A:0 A:1', active_uname: 'n1 n2' });
    expect(graphInputs(r, 'C_stop_0')).toEqual(['C_confirmed-pre_notify_stop_0']);
    expect(graphInputs(r, 'C_post_notify_stopped_0')).toEqual(['C_confirmed-pre_notify_stop_0', 'C_stopped_0']);
  });

  it('notifies the stop before the start when the clone restarts an instance elsewhere', () => {
    const r = run({
      nodes: [
        { name: 'n1', history: [probedStopped('A'), started('A')] },
        { name: 'n2', history: [probedStopped('A')] },
      ],
      resources: clone('C', dummy('A'), { notify: 'true', 'clone-max': '1' }),
      constraints: '<rsc_location id="move" rsc="C" node="n2" score="INFINITY"/>',
    });
    expect(graphInputs(r, 'C_pre_notify_start_0')).toEqual(['C_confirmed-post_notify_stopped_0']);
  });
});

describe('notifications when fencing implies a stop', () => {
  const spec: CibSpec = {
    nodes: [
      { name: 'n1', state: 'unclean', history: [probedStopped('A'), started('A')] },
      { name: 'n2', history: [probedStopped('A'), started('A')] },
    ],
    options: { 'fencing-enabled': 'true' },
    resources: `<primitive id="fence" class="stonith" type="fence_dummy"/>${notifyClone()}`,
  };

  it('does not tell the node being fenced, and tells the others after the fencing', () => {
    const r = run(spec);
    const onN1 = [...r.inGraph].filter((a) => a.task === 'notify' && a.node?.uname === 'n1');
    expect(onN1).toEqual([]);
    const instance = r.ws.actions.find((a) => a.task === 'stop' && a.node?.uname === 'n1' && a.rsc?.parent?.id === 'C')!;
    const id = instance.rsc!.id;
    // the instance's own post-notification pseudo-actions follow the fencing
    expect(graphInputs(r, `${id}_post_notify_stonith_0`)).toEqual(['stonith-n1-reboot@n1']);
    const survivor = r.ws.resourceById.get('C')!.children.find((c) => c.runningOn[0]?.uname === 'n2')!;
    const told = action(r.ws, `${survivor.id}_post_notify_stop_0`, 'n2');
    expect(r.inGraph.has(told)).toBe(true);
    expect(told.before.map((l) => l.action.uuid)).toContain(`${id}_post_notify_stonith_0`);
    // its environment names the fenced instance alone (the first list given wins)
    expect(environment(told)).toMatchObject({ stop_resource: id, stop_uname: 'n1' });
  });
});

describe('simulating notifications', () => {
  it('records each notification under its own key, leaving the start as the last operation', () => {
    const root = cibRoot({
      nodes: [
        { name: 'n1', history: [probedStopped('A'), started('A')] },
        { name: 'n2', history: [probedStopped('A')] },
      ],
      resources: notifyClone(),
    });
    const r = simulateCluster(root, { process: true, simulate: true });
    const executed = r.stdout.slice(r.stdout.indexOf('Executing Cluster Transition:'), r.stdout.indexOf('Revised Cluster Status:'));
    expect(executed).toMatch(/Resource action: A\s+notify on n1/);
    expect(executed).toContain('Pseudo action:   C_confirmed-post_notify_running_0');
    const revised = r.stdout.slice(r.stdout.indexOf('Revised Cluster Status:'));
    expect(revised).toContain('Started: [ n1 n2 ]');
  });
});

describe('promote and demote notifications', () => {
  it('orders every notification round after the demote one, and the promote one after all', () => {
    const ws = unpack({ nodes: ['n1'], resources: notifyClone() });
    const c = ws.resourceById.get('C')!;
    const pseudo = (task: string) => newRscPseudoAction(c, task, true, true);
    // the clone's own pseudo-actions, then the promotable feature's
    const [start, running, stop, stopped] = [pseudo('start'), pseudo('running'), pseudo('stop'), pseudo('stopped')];
    const [promote, promoted, demote, demoted] = [pseudo('promote'), pseudo('promoted'), pseudo('demote'), pseudo('demoted')];
    cloneNotifications.createNotifyPseudoActions(c, { start, started: running, stop, stopped });
    cloneNotifications.createPromotableNotifyPseudoActions!(c, 'promote', promote, promoted);
    cloneNotifications.createPromotableNotifyPseudoActions!(c, 'demote', demote, demoted);
    const before = (uuid: string) => action(ws, uuid).before.map((l) => l.action.uuid).sort();
    expect(before('C_pre_notify_promote_0')).toEqual([
      'C_confirmed-post_notify_demoted_0',
      'C_confirmed-post_notify_running_0',
      'C_confirmed-post_notify_stopped_0',
    ]);
    expect(before('C_pre_notify_start_0')).toEqual(['C_confirmed-post_notify_demoted_0', 'C_confirmed-post_notify_stopped_0']);
    expect(before('C_pre_notify_stop_0')).toEqual(['C_confirmed-post_notify_demoted_0']);
    expect(before('C_post_notify_promoted_0')).toEqual(['C_confirmed-pre_notify_promote_0', 'C_promoted_0']);
  });
});

describe('the hosts of guest nodes', () => {
  const vm = `<primitive id="vm" class="ocf" provider="pacemaker" type="Dummy"><meta_attributes id="vm-m"><nvpair id="vm-rn" name="remote-node" value="guest1"/></meta_attributes></primitive>`;
  const spec = (meta: Record<string, string>): CibSpec => ({
    nodes: [
      { name: 'n1', history: [probedStopped('vm'), started('vm'), { rsc: 'guest1', task: 'start', rc: 0, callId: 3 }] },
      { name: 'n2', history: [probedStopped('vm')] },
    ],
    resources: vm + notifyClone(meta),
    extraStatus: '<node_state id="guest1" remote_node="true" uname="guest1" in_ccm="true" crmd="online"><lrm id="guest1"><lrm_resources/></lrm></node_state>',
  });

  it('lists every node by its host when the clone asks for host attributes', () => {
    const r = run(spec({ 'container-attribute-target': 'host' }));
    const env = environment(action(r.ws, 'A:0_start_0'));
    expect(env['all_uname']).toBe('guest1 n1 n2');
    // the guest is named by the node its container runs on
    expect(env['all_hosts']).toBe('n1 n1 n2');
  });

  it('leaves the hosts out otherwise', () => {
    const r = run(spec({}));
    expect(environment(action(r.ws, 'A:0_start_0'))['all_hosts']).toBeUndefined();
  });
});

describe('notifications around a promotion', () => {
  /** A:0 and A:1 run unpromoted on n1 and n2; n1 has the higher promotion score. */
  const promotion = (): CibSpec => ({
    nodes: [
      { name: 'n1', transient: { 'master-A': '10' }, history: [probedStopped('A'), started('A')] },
      { name: 'n2', transient: { 'master-A': '5' }, history: [probedStopped('A'), started('A')] },
    ],
    resources: notifyClone({ promotable: 'true' }),
  });

  it('tells every instance before and after the promote, listing the promotion and the roles', () => {
    const r = run(promotion());
    const promoted = r.ws.resourceById.get('C')!.children.find((c) => c.runningOn[0]?.uname === 'n1')!.id;
    const other = r.ws.resourceById.get('C')!.children.find((c) => c.runningOn[0]?.uname === 'n2')!.id;
    const notifies = [...r.inGraph].filter((a) => a.task === 'notify' && a.rsc?.variant === 'primitive').map(label).sort();
    expect(notifies).toEqual(
      [`${promoted}_pre_notify_promote_0@n1`, `${promoted}_post_notify_promote_0@n1`, `${other}_pre_notify_promote_0@n2`, `${other}_post_notify_promote_0@n2`].sort(),
    );
    const env = environment(action(r.ws, `${other}_pre_notify_promote_0`, 'n2'));
    expect(env).toMatchObject({
      type: 'pre',
      operation: 'promote',
      promote_resource: promoted,
      promote_uname: 'n1',
      // roles as they are now: both unpromoted, under both names
      unpromoted_resource: 'A:0 A:1',
      unpromoted_uname: 'n1 n2',
      slave_resource: 'A:0 A:1',
      promoted_resource: ' ',
      master_resource: ' ',
      active_resource: 'A:0 A:1',
    });
    expect(graphInputs(r, 'C_promote_0')).toContain('C_confirmed-pre_notify_promote_0');
    expect(graphInputs(r, 'C_post_notify_promoted_0')).toEqual(expect.arrayContaining(['C_confirmed-pre_notify_promote_0', 'C_promoted_0']));
  });
});
