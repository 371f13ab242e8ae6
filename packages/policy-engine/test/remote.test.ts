// Pacemaker Remote and guest nodes: nodes created from the resources that connect to them, the
// orderings that keep actions on such nodes inside their connection's lifetime, fencing when the
// connection cannot be recovered, and the graph's routing through the connection's host.

import { describe, expect, it } from 'vitest';
import { schedule } from '../src/schedule.js';
import { graphActionDetails, graphAction } from '../src/output/graph.js';
import { formatClusterStatus } from '../src/output/cluster-status.js';
import { remoteNodeState } from '../src/stages/remote-orderings.js';
import type { Action, WorkingSet } from '../src/model/types.js';
import { dummy, probedStopped, started, unpack, type CibSpec, type HistoryOp } from './helpers.js';

const remote = (id: string) => `<primitive id="${id}" class="ocf" provider="pacemaker" type="remote"/>`;
const guestVm = (id: string, node: string) =>
  `<primitive id="${id}" class="ocf" provider="pacemaker" type="Dummy"><meta_attributes id="${id}-m"><nvpair id="${id}-rn" name="remote-node" value="${node}"/></meta_attributes></primitive>`;

/** A node_state for a remote or guest node, with resource history in the helpers' format. */
function remoteState(name: string, history: HistoryOp[]): string {
  const ops = history
    .map(
      (op, i) =>
        `<lrm_resource id="${op.rsc}" class="ocf" provider="pacemaker" type="Dummy"><lrm_rsc_op id="${op.rsc}_last_${i}" operation_key="${op.rsc}_${op.task}_0" operation="${op.task}" ` +
        `transition-key="${i + 1}:1:${op.task === 'monitor' ? 7 : 0}:00000000-0000-0000-0000-000000000000" transition-magic="0:${op.rc};${i + 1}:1:${op.task === 'monitor' ? 7 : 0}:00000000-0000-0000-0000-000000000000" ` +
        `call-id="${i + 1}" rc-code="${op.rc}" op-status="0" interval="0" last-rc-change="1700000000" exec-time="1" queue-time="0" on_node="${name}"/></lrm_resource>`,
    )
    .join('');
  return `<node_state id="${name}" remote_node="true" uname="${name}"><lrm id="${name}"><lrm_resources>${ops}</lrm_resources></lrm></node_state>`;
}

const before = (action: Action) => action.before.map((l) => l.action.uuid);
const find = (ws: WorkingSet, uuid: string, node: string) => ws.actions.find((a) => a.uuid === uuid && a.node?.uname === node)!;
const summaryOf = (ws: WorkingSet) => schedule(ws).summary.map((l) => l.replace(/\s+/g, ' '));

describe('remote nodes', () => {
  const spec: CibSpec = {
    nodes: [{ name: 'n1', history: [probedStopped('remote1'), probedStopped('A')] }],
    resources: remote('remote1') + dummy('A'),
    constraints: '<rsc_location id="l" rsc="A" node="remote1" score="100"/>',
  };

  it('creates a remote node for each ocf:pacemaker:remote resource', () => {
    const ws = unpack(spec);
    const node = ws.nodeByUname.get('remote1')!;
    expect(node.type).toBe('remote');
    expect(node.remoteRsc).toBe(ws.resourceById.get('remote1'));
    expect(node.attrs.get('#kind')).toBe('remote');
    expect(formatClusterStatus(ws)).toContain('  * RemoteOFFLINE: [ remote1 ]');
  });

  it('starts the connection first, then probes and starts resources on the remote node', () => {
    const ws = unpack(spec);
    expect(summaryOf(ws)).toEqual(['Start remote1 ( n1 )', 'Start A ( remote1 )']);
    expect(before(find(ws, 'A_start_0', 'remote1'))).toContain('remote1_start_0');
    expect(before(find(ws, 'A_monitor_0', 'remote1'))).toContain('remote1_start_0');
    // the graph routes actions on remote1 through the connection's host
    const attrs = Object.fromEntries(graphAction(find(ws, 'A_start_0', 'remote1')).attrs);
    expect(attrs['router_node']).toBe('n1');
  });

  it('stops resources on a remote node before its connection goes away', () => {
    const ws = unpack({
      nodes: [{ name: 'n1', history: [probedStopped('remote1'), started('remote1'), probedStopped('A')] }],
      resources: remote('remote1') + dummy('A', { 'target-role': 'Stopped' }),
      constraints: '<rsc_location id="l" rsc="remote1" node="n1" score="-INFINITY"/>',
      extraStatus: remoteState('remote1', [{ rsc: 'A', task: 'start', rc: 0 }]),
    });
    expect(summaryOf(ws)).toEqual(['Stop remote1 ( n1 ) due to node availability', 'Stop A ( remote1 ) due to node availability']);
    expect(before(find(ws, 'remote1_stop_0', 'n1'))).toContain('A_stop_0');
  });

  it('fences a remote node whose connection cannot be recovered while resources are active there', () => {
    const ws = unpack({
      nodes: [{ name: 'n1', state: 'unclean', history: [probedStopped('remote1'), started('remote1')] }, { name: 'n2', history: [probedStopped('remote1'), probedStopped('A')] }],
      options: { 'fencing-enabled': 'true', 'have-watchdog': 'true' },
      resources: remote('remote1') + dummy('A'),
      constraints: '<rsc_location id="l" rsc="remote1" node="n2" score="-INFINITY"/><rsc_location id="a" rsc="A" node="n2" score="-INFINITY"/>',
      extraStatus: remoteState('remote1', [{ rsc: 'A', task: 'start', rc: 0 }]),
    });
    const summary = summaryOf(ws);
    expect(remoteNodeState(ws.nodeByUname.get('remote1')!)).toBe('failed');
    expect(summary).toContain("Fence (reboot) remote1 'resources are active but connection is unrecoverable'");
    expect(summary).toContain("Fence (reboot) n1 'peer is no longer part of the cluster'");
  });
});

describe('guest nodes', () => {
  const spec: CibSpec = {
    nodes: [{ name: 'n1', history: [probedStopped('vm'), probedStopped('A')] }],
    resources: guestVm('vm', 'guest1') + dummy('A'),
    constraints: '<rsc_location id="l" rsc="A" node="guest1" score="100"/>',
  };

  it('generates the connection of a guest node, inside its container resource', () => {
    const ws = unpack(spec);
    const connection = ws.resourceById.get('guest1')!;
    expect(connection.container).toBe(ws.resourceById.get('vm'));
    expect(connection.meta.get('internal_rsc')).toBe('true');
    expect(ws.nodeByUname.get('guest1')!.attrs.get('#kind')).toBe('container');
    // the input document is left alone
    expect(ws.input.first('configuration')!.first('resources')!.elements().map((e) => e.get('id'))).toEqual(['vm', 'A']);
  });

  it('starts the container and the connection before resources on the guest, and says where the guest runs', () => {
    const ws = unpack(spec);
    expect(summaryOf(ws)).toEqual(['Start vm ( n1 )', 'Start A ( guest1 )', 'Start guest1 ( n1 )']);
    const start = find(ws, 'A_start_0', 'guest1');
    expect(before(start)).toEqual(expect.arrayContaining(['vm_start_0', 'guest1_start_0']));
    const details = Object.fromEntries(graphActionDetails(ws, start).attributes);
    expect(details['CRM_meta_physical_host']).toBe('n1');
  });

  it('gives a removed guest connection found in the history back to its container', () => {
    const state =
      `<node_state id="1" uname="n1" in_ccm="true" crmd="online" join="member" expected="member"><lrm id="1"><lrm_resources>` +
      `<lrm_resource id="vm" class="ocf" provider="pacemaker" type="Dummy"><lrm_rsc_op id="vm_last_0" operation_key="vm_start_0" operation="start" transition-key="1:1:0:x" transition-magic="0:0;1:1:0:x" call-id="1" rc-code="0" op-status="0" interval="0" on_node="n1"/></lrm_resource>` +
      `<lrm_resource id="guest1" class="ocf" provider="pacemaker" type="remote" container="vm"><lrm_rsc_op id="guest1_last_0" operation_key="guest1_start_0" operation="start" transition-key="2:1:0:x" transition-magic="0:0;2:1:0:x" call-id="2" rc-code="0" op-status="0" interval="0" on_node="n1"/></lrm_resource>` +
      `</lrm_resources></lrm></node_state>`;
    const ws = unpack({ nodes: [{ name: 'n1', state: 'none' }], resources: dummy('vm'), extraStatus: state });
    const connection = ws.resourceById.get('guest1')!;
    expect(connection.orphan).toBe(true);
    expect(connection.container).toBe(ws.resourceById.get('vm'));
    expect(ws.resourceById.get('vm')!.fillers).toContain(connection);
    expect(formatClusterStatus(ws)).toContain('GuestOnline: [ guest1 ]');
  });
});

describe('guest node orderings', () => {
  it('cancels a recurring monitor on a guest node whose connection goes away without waiting for a connection start', () => {
    const ws = unpack({
      nodes: [
        {
          name: 'n1',
          history: [
            probedStopped('vm'),
            started('vm'),
            { rsc: 'guest1', task: 'start', rc: 0, callId: 3, agent: { class: 'ocf', provider: 'pacemaker', type: 'remote' } },
            probedStopped('A'),
          ],
        },
      ],
      resources: guestVm('vm', 'guest1') + dummy('A', { maintenance: 'true' }),
      constraints: '<rsc_location id="l" rsc="vm" node="n1" score="-INFINITY"/>',
      extraStatus:
        remoteState('guest1', [{ rsc: 'A', task: 'start', rc: 0 }]).replace(
          '</lrm_resource>',
          `<lrm_rsc_op id="A_monitor_10000" operation_key="A_monitor_10000" operation="monitor" transition-key="9:1:0:00000000-0000-0000-0000-000000000000" transition-magic="0:0;9:1:0:00000000-0000-0000-0000-000000000000" call-id="9" rc-code="0" op-status="0" interval="10000" last-rc-change="1700000000" exec-time="1" queue-time="0" on_node="guest1"/></lrm_resource>`,
        ),
    });
    schedule(ws);
    const cancel = ws.actions.find((a) => a.task === 'cancel' && a.node?.uname === 'guest1')!;
    expect(cancel).toBeDefined();
    expect(before(cancel)).not.toContain('guest1_start_0');
  });
});
