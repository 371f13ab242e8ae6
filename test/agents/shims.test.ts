// The attribute tools called as library functions (what their bins run), for what the
// differential test cannot show: no CIB at all, nodes the cluster has not seen yet, crm_node.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { crmAttribute } from '../../packages/cli/src/shims/crm_attribute.js';
import { crmNode } from '../../packages/cli/src/shims/crm_node.js';
import type { ToolIo } from '../../packages/cli/src/shims/io.js';
import { twoNodeCib } from '../support/cib-files.js';

function io(env: Record<string, string | undefined>): ToolIo & { stdout: string; stderr: string } {
  const o = { env, stdout: '', stderr: '', out: (t: string) => (o.stdout += t), err: (t: string) => (o.stderr += t) };
  return o;
}

describe('attribute tools without a cluster', () => {
  it('say that there is no CIB to talk to unless CIB_file names one (exit 102)', () => {
    const t = io({});
    expect(crmAttribute(['-N', 'node1', '-n', 'x', '-G'], t)).toBe(102);
    expect(t.stderr).toBe('crm_attribute: Could not connect to the CIB: there is no live cluster here; set CIB_file to a CIB file\n');
  });

  it('give a configured node its node_state when a transient attribute is first set, and bump num_updates', () => {
    const file = twoNodeCib({ status: '' });
    const t = io({ CIB_file: file });
    expect(crmAttribute(['--promotion=drbd-r0', '--node', 'node2', '--update', '100'], t)).toBe(0);
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('<node_state id="2" uname="node2">');
    expect(text).toContain('<nvpair id="status-2-master-drbd-r0" name="master-drbd-r0" value="100"/>');
    expect(text).toMatch(/epoch="5" num_updates="1"/);
    expect(crmAttribute(['-N', 'node1', '-n', 'site', '-v', 'paris'], t)).toBe(0);
    expect(readFileSync(file, 'utf8')).toMatch(/epoch="6" num_updates="0"/);
  });

  it('crm_node lists the nodes with their membership and names this node', () => {
    const t = io({ CIB_file: twoNodeCib({ status: '    <node_state id="1" uname="node1" in_ccm="true" crmd="online"/>\n' }), HACLUSTER_NODE: 'node1' });
    expect(crmNode(['-l'], t)).toBe(0);
    expect(crmNode(['-n'], t)).toBe(0);
    expect(crmNode(['-i'], t)).toBe(0);
    expect(crmNode(['-p'], t)).toBe(0);
    expect(t.stdout).toBe('1 node1 member\n2 node2 lost\nnode1\n1\nnode1\n');
    expect(crmNode(['--bogus'], t)).toBe(64);
  });
});
