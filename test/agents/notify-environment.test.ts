// A clone notification from the scheduler to the agent: the notify action's CRM_meta_*
// attributes in the transition graph are what the controller hands the executor as the
// operation's meta attributes, and the agent must see each of them as OCF_RESKEY_CRM_meta_*,
// value for value (an empty list stays a single space, as agents have always been given it).

import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Executor, defaultAgentPaths, type ResourceSpec } from '@hacluster/agents';
import { Cib } from '@hacluster/cib';
import { schedule, unpackCluster } from '@hacluster/policy-engine';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function scratch(): string {
  const d = mkdtempSync(join(tmpdir(), 'notify-env-'));
  dirs.push(d);
  return d;
}

const nodeState = (id: string, uname: string) =>
  `<node_state id="${id}" uname="${uname}" in_ccm="true" crmd="online" join="member" expected="member"><lrm id="${id}"><lrm_resources/></lrm></node_state>`;

/** Two nodes and a notify=true clone of ocf:test:envdump, nothing running yet. */
const CIB = `<cib crm_feature_set="3.19.0" validate-with="pacemaker-3.10" epoch="1" num_updates="0" admin_epoch="0" have-quorum="1" dc-uuid="1" execution-date="1700000100">
<configuration><crm_config><cluster_property_set id="o"><nvpair id="o-f" name="stonith-enabled" value="false"/></cluster_property_set></crm_config>
<nodes><node id="1" uname="n1"/><node id="2" uname="n2"/></nodes>
<resources><clone id="C"><meta_attributes id="C-m"><nvpair id="C-m-n" name="notify" value="true"/></meta_attributes>
<primitive id="A" class="ocf" provider="test" type="envdump"/></clone></resources><constraints/></configuration>
<status>${nodeState('1', 'n1')}${nodeState('2', 'n2')}</status></cib>`;

/** The graph attributes of A:0's post-start notification. */
function scheduledNotification(): Map<string, string> {
  const ws = unpackCluster(Cib.parse(CIB, 'notify.xml').root, {});
  const { graph } = schedule(ws);
  const synapse = graph.synapses.find((s) => s.action.uuid === 'A:0_post_notify_start_0');
  if (synapse === undefined) throw new Error('no post-start notification for A:0 in the graph');
  return new Map(graph.details(synapse.action).attributes);
}

describe('clone notifications reach the agent', () => {
  it('gives the agent every CRM_meta_notify_* attribute of the graph action as OCF_RESKEY_CRM_meta_notify_*', async () => {
    const attributes = scheduledNotification();
    const notifyAttrs = [...attributes].filter(([k]) => k.startsWith('CRM_meta_notify_'));
    // the environment as the scheduler computed it: both instances start, on both nodes
    expect(Object.fromEntries(notifyAttrs)).toMatchObject({
      CRM_meta_notify_type: 'post',
      CRM_meta_notify_operation: 'start',
      CRM_meta_notify_start_resource: 'A:0 A:1',
      CRM_meta_notify_start_uname: 'n1 n2',
      CRM_meta_notify_active_resource: ' ',
      CRM_meta_notify_inactive_resource: 'A:0 A:1',
      CRM_meta_notify_all_uname: 'n1 n2',
    });

    const root = scratch();
    const agentDir = join(root, 'resource.d', 'test');
    mkdirSync(agentDir, { recursive: true });
    const dump = join(root, 'notify.env');
    // records its notify environment, NUL-separated so that values keep their spaces
    writeFileSync(join(agentDir, 'envdump'), `#!/bin/sh\n[ "$1" = notify ] && env -0 > ${dump}\nexit 0\n`);
    chmodSync(join(agentDir, 'envdump'), 0o755);

    // what the controller does with a graph action: CRM_meta_<name> becomes meta <name>
    const meta: Record<string, string> = {};
    for (const [k, v] of attributes) if (k.startsWith('CRM_meta_')) meta[k.slice('CRM_meta_'.length)] = v;
    const params: Record<string, string> = {};
    for (const [k, v] of attributes) if (!k.startsWith('CRM_meta_') && k !== 'crm_feature_set') params[k] = v;
    const rsc: ResourceSpec = { id: 'A:0', agent: { class: 'ocf', provider: 'test', type: 'envdump' }, params, meta };
    const ex = new Executor({ paths: { ...defaultAgentPaths(), ocfRoot: root, builtinResourceD: undefined } });
    const result = await ex.run({ resource: rsc, action: 'notify', timeoutMs: Number(meta['timeout'] ?? 20_000) });
    expect(result.rc).toBe(0);

    const seen = new Map<string, string>();
    for (const entry of readFileSync(dump, 'utf8').split('\0')) {
      const eq = entry.indexOf('=');
      if (eq > 0) seen.set(entry.slice(0, eq), entry.slice(eq + 1));
    }
    const agentView = Object.fromEntries([...seen].filter(([k]) => k.startsWith('OCF_RESKEY_CRM_meta_notify_')));
    expect(agentView).toEqual(Object.fromEntries(notifyAttrs.map(([k, v]) => [`OCF_RESKEY_${k}`, v])));
    expect(seen.get('OCF_RESKEY_CRM_meta_clone')).toBe('0');
  });
});
