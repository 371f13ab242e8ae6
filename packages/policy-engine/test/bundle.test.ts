// Bundles: the resources a <bundle> generates per replica (container, IP address, connection and
// guest node, the instance of the bundled primitive), how they are placed and ordered, how the
// history of the primitive inside maps to its replica, and how a bundle shows in the status.

import { describe, expect, it } from 'vitest';
import { schedule } from '../src/schedule.js';
import { graphAction } from '../src/output/graph.js';
import { formatClusterStatus } from '../src/output/cluster-status.js';
import { resourceParams } from '../src/unpack/params.js';
import type { Action, WorkingSet } from '../src/model/types.js';
import { dummy, started, unpack, type CibSpec } from './helpers.js';

interface BundleOptions {
  replicas?: number;
  perHost?: number;
  ipRangeStart?: string;
  controlPort?: string;
  primitive?: boolean;
  extra?: string;
}

function bundle(id: string, o: BundleOptions = {}): string {
  const docker = `<docker image="example/web" replicas="${o.replicas ?? 2}"${o.perHost !== undefined ? ` replicas-per-host="${o.perHost}"` : ''}/>`;
  const attrs = [o.ipRangeStart !== undefined ? `ip-range-start="${o.ipRangeStart}"` : '', o.controlPort !== undefined ? `control-port="${o.controlPort}"` : ''].join(' ');
  const network = o.ipRangeStart !== undefined || o.controlPort !== undefined ? `<network ${attrs}><port-mapping id="${id}-port" port="80"/></network>` : '';
  return `<bundle id="${id}">${docker}${network}${o.extra ?? ''}${o.primitive === false ? '' : dummy('web')}</bundle>`;
}

const summaryOf = (ws: WorkingSet) => schedule(ws).summary.map((l) => l.replace(/\s+/g, ' '));
const find = (ws: WorkingSet, uuid: string, node: string) => ws.actions.find((a) => a.uuid === uuid && a.node?.uname === node);
/** The resource section of a status text. */
const resourceLines = (text: string) => text.split('\n').slice(text.split('\n').indexOf('Full List of Resources:'));
const before = (action: Action | undefined) => action?.before.map((l) => l.action.uuid) ?? [];

describe('bundle unpacking', () => {
  const spec: CibSpec = { nodes: ['n1', 'n2'], resources: bundle('b', { ipRangeStart: '192.168.1.254' }) };

  it('generates a container, an IP address and a connection per replica, and clones the primitive', () => {
    const ws = unpack(spec);
    const b = ws.resourceById.get('b')!;
    expect(b.children.map((c) => c.id)).toEqual(['b-docker-0', 'b-ip-192.168.1.254', 'b-0', 'b-docker-1', 'b-ip-192.168.2.1', 'b-1', 'b-clone']);
    expect(ws.resourceById.get('b-clone')!.children.map((c) => c.id)).toEqual(['web:0', 'web:1']);
    // one replica per host: not unique
    expect(b.unique).toBe(false);
    expect(ws.resourceById.get('b-clone')!.unique).toBe(false);
  });

  it('makes each connection a guest node that only its own replica instance may use', () => {
    const ws = unpack(spec);
    const node = ws.nodeByUname.get('b-0')!;
    expect(node.type).toBe('remote');
    expect(node.attrs.get('#kind')).toBe('container');
    expect(node.remoteRsc!.id).toBe('b-0');
    expect(node.remoteRsc!.container!.id).toBe('b-docker-0');
    const instance = ws.resourceById.get('web:0')!;
    expect([...instance.allowedNodes.keys()]).toEqual(['b-0']);
    expect(instance.allowedNodes.get('b-0')!.weight).toBe(500);
    expect(instance.meta.get('external-ip')).toBe('192.168.1.254');
    // the containers are never allowed on bundle nodes
    expect(ws.resourceById.get('b-docker-1')!.allowedNodes.has('b-0')).toBe(false);
  });

  it('runs each container with every replica\'s host entry, its port mappings and its log directory', () => {
    const ws = unpack(spec);
    const params = resourceParams(ws.resourceById.get('b-docker-1')!, undefined);
    expect(params.get('image')).toBe('example/web');
    expect(params.get('run_cmd')).toBe('/usr/sbin/pacemaker-remoted');
    expect(params.get('run_opts')).toBe(
      ' --restart=no -h b-1 -e PCMK_stderr=1 -e PCMK_remote_port=3121 -v /etc/pacemaker/authkey:/etc/pacemaker/authkey' +
        ' -v /var/log/pacemaker/bundles/b-1:/var/log -p 192.168.2.1:80:80 -p 192.168.2.1:3121:3121' +
        // (two spaces: upstream adds a separator before the host options, which start with one)
        '  --add-host=b-0:192.168.1.254 --add-host=b-1:192.168.2.1',
    );
    expect(params.get('mount_points')).toBe('/var/log/pacemaker/bundles/b-1');
    expect(resourceParams(ws.resourceById.get('b-1')!, undefined).get('addr')).toBe('192.168.2.1');
  });

  it('runs containers alone when no primitive is bundled', () => {
    const ws = unpack({ nodes: ['n1'], resources: bundle('b', { primitive: false, replicas: 3 }) });
    expect(ws.resourceById.get('b')!.children.map((c) => c.id)).toEqual(['b-docker-0', 'b-docker-1', 'b-docker-2']);
    expect(ws.nodeByUname.get('b-0')).toBeUndefined();
    expect(resourceParams(ws.resourceById.get('b-docker-0')!, undefined).get('run_cmd')).toBeUndefined();
  });

  it('drops a bundle whose primitive the cluster could not reach (no IP range, no control port)', () => {
    const ws = unpack({ nodes: ['n1'], resources: bundle('b') + dummy('other') });
    expect(ws.resourceById.get('b')).toBeUndefined();
    expect(ws.resourceById.get('other')).toBeDefined();
  });

  it('maps history of the bundled primitive on a bundle node to that replica\'s instance', () => {
    const history = `<node_state id="b-1" remote_node="true" uname="b-1"><lrm id="b-1"><lrm_resources><lrm_resource id="web" class="ocf" provider="pacemaker" type="Dummy"><lrm_rsc_op id="web_last_0" operation_key="web_start_0" operation="start" transition-key="1:1:0:00000000-0000-0000-0000-000000000000" transition-magic="0:0;1:1:0:00000000-0000-0000-0000-000000000000" call-id="1" rc-code="0" op-status="0" interval="0" last-rc-change="1700000000" exec-time="1" queue-time="0" on_node="b-1"/></lrm_resource></lrm_resources></lrm></node_state>`;
    // replica 1's container and connection run on n2, so b-1 is up and its history is read
    const container = { ...started('b-docker-1'), agent: { class: 'ocf', provider: 'heartbeat', type: 'docker' } };
    const connection = { ...started('b-1', 3), agent: { class: 'ocf', provider: 'pacemaker', type: 'remote' } };
    const ws = unpack({ ...spec, nodes: ['n1', { name: 'n2', history: [container, connection] }], extraStatus: history });
    expect(ws.resourceById.get('web:1')!.runningOn.map((n) => n.uname)).toEqual(['b-1']);
    expect(ws.resourceById.get('web:0')!.runningOn).toEqual([]);
    expect(summaryOf(ws).filter((l) => l.includes('web'))).toEqual(['Start web:0 ( b-0 )']);
  });
});

describe('bundle scheduling', () => {
  it('starts each replica on its own host: IP address, container, connection, then the instance inside', () => {
    const ws = unpack({ nodes: ['n1', 'n2'], resources: bundle('b', { ipRangeStart: '10.0.0.1' }) });
    expect(summaryOf(ws)).toEqual([
      'Start b-ip-10.0.0.1 ( n1 )',
      'Start b-docker-0 ( n1 )',
      'Start b-0 ( n1 )',
      'Start web:0 ( b-0 )',
      'Start b-ip-10.0.0.2 ( n2 )',
      'Start b-docker-1 ( n2 )',
      'Start b-1 ( n2 )',
      'Start web:1 ( b-1 )',
    ]);
    expect(before(find(ws, 'b-docker-0_start_0', 'n1'))).toContain('b-ip-10.0.0.1_start_0');
    expect(before(find(ws, 'b-0_start_0', 'n1'))).toContain('b-docker-0_start_0');
    expect(before(find(ws, 'web:0_start_0', 'b-0'))).toContain('b-0_start_0');
    // the graph routes the instance's actions through the container's host
    const attrs = Object.fromEntries(graphAction(find(ws, 'web:0_start_0', 'b-0')!).attrs);
    expect(attrs['router_node']).toBe('n1');
  });

  it('leaves a replica whose container cannot be placed blocked (as Pacemaker 2.1.5 does)', () => {
    const ws = unpack({
      nodes: ['n1', 'n2'],
      resources: bundle('b', { controlPort: '3121' }),
      constraints: '<rsc_location id="ban" rsc="b" node="n2" score="-INFINITY"/>',
    });
    // the connection may go elsewhere than its container (nested remotes), but cannot start
    expect(summaryOf(ws)).toEqual([
      'Start b-docker-0 ( n1 )',
      'Start b-0 ( n1 )',
      'Start web:0 ( b-0 )',
      'Start b-1 ( n2 ) due to unrunnable b-docker-1 start (blocked)',
      'Start web:1 ( b-1 ) due to unrunnable b-docker-1 start (blocked)',
    ]);
  });

  it('resolves a connection without an address of its own to its container\'s host', () => {
    const ws = unpack({ nodes: ['n1'], resources: bundle('b', { controlPort: '3121', replicas: 1 }) });
    expect(resourceParams(ws.resourceById.get('b-0')!, undefined).get('addr')).toBe('#uname');
    const { graph } = schedule(ws);
    const start = graph.synapses.map((s) => graph.form(s.action)).find((a) => a.attrs.some(([k, v]) => k === 'operation_key' && v === 'b-0_start_0'))!;
    expect(graph.details(start.action).attributes).toContainEqual(['addr', 'n1']);
  });
});

describe('bundle status', () => {
  it('shows a header and one line per replica, named after the replica and placed on the container\'s host', () => {
    const ws = unpack({ nodes: ['n1', 'n2'], resources: bundle('b', { ipRangeStart: '10.0.0.1' }) });
    const text = formatClusterStatus(ws);
    expect(text).toContain('  * Container bundle set: b [example/web]:\n');
    expect(text).toContain('    * b-0 (10.0.0.1)\t(ocf:pacemaker:Dummy):\t Stopped\n');
    expect(text).toContain('    * b-1 (10.0.0.2)\t(ocf:pacemaker:Dummy):\t Stopped\n');
  });

  it('lists only the named parts of each replica when the bundle itself is not named (as crm_mon --resource)', () => {
    const ws = unpack({ nodes: ['n1'], resources: bundle('b', { controlPort: '3121' }) });
    expect(resourceLines(formatClusterStatus(ws, { onlyResources: new Set(['web']) }))).toEqual([
      'Full List of Resources:',
      '  * Container bundle set: b [example/web]:',
      '    * Replica[0]',
      '      * web\t(ocf:pacemaker:Dummy):\t Stopped',
      '    * Replica[1]',
      '      * web\t(ocf:pacemaker:Dummy):\t Stopped',
      '',
    ]);
    expect(formatClusterStatus(ws, { onlyResources: new Set(['b-docker-1']) })).toContain('    * Replica[1]\n      * b-docker-1\t(ocf:heartbeat:docker):\t Stopped\n');
    expect(formatClusterStatus(ws, { onlyResources: new Set(['other']) })).not.toContain('Container bundle');
  });

  it('shows every implicit resource of each replica with --show-detail', () => {
    const ws = unpack({ nodes: ['n1'], resources: bundle('b', { ipRangeStart: '10.0.0.1', replicas: 1 }) });
    // (a single replica has no "Replica[0]" line, but its list is nested all the same, as crm_mon's)
    expect(resourceLines(formatClusterStatus(ws, { showImplicit: true }))).toEqual([
      'Full List of Resources:',
      '  * Container bundle: b [example/web]:',
      '      * b-ip-10.0.0.1\t(ocf:heartbeat:IPaddr2):\t Stopped',
      '      * web\t(ocf:pacemaker:Dummy):\t Stopped',
      '      * b-docker-0\t(ocf:heartbeat:docker):\t Stopped',
      '      * b-0\t(ocf:pacemaker:remote):\t Stopped',
      '',
    ]);
  });
});
