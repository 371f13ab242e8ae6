// `resource status node=NODE`: crm_mon's per-node view of the resource list.

import { afterEach, describe, expect, it } from 'vitest';
import { resourcesStatus } from '../../src/pcs/lib/commands/status.js';
import { testEnv, type TestEnv } from './helpers.js';
import { heldByStickiness } from './running-cluster.js';

let t: TestEnv;
afterEach(() => t?.cleanup());

describe('resource status for one node', () => {
  it('leaves out what runs elsewhere and lists clone instances of that node only', async () => {
    t = testEnv(heldByStickiness());
    const all = await resourcesStatus(t.env, { inactive: true });
    expect(all.lines).toContain('    * Started: [ node01 node02 ]');
    const one = await resourcesStatus(t.next(), { inactive: true, node: 'node01' });
    expect(one.lines).toEqual(['  * d1\t(ocf:pacemaker:Dummy):\t Started node01', '  * Clone Set: c1-clone [c1]:', '    * Started: [ node01 ]']);
    const other = await resourcesStatus(t.next(), { inactive: true, node: 'NODE02' });
    expect(other.lines).toEqual(['  * Resource Group: g1:', '    * g1a\t(ocf:pacemaker:Dummy):\t Started node02', '  * Clone Set: c1-clone [c1]:', '    * Started: [ node02 ]']);
  });

  it('keeps stopped resources, and of a stopped clone only that node', async () => {
    t = testEnv(heldByStickiness().replace(/<status>[\s\S]*<\/status>/, '<status/>'));
    const one = await resourcesStatus(t.env, { inactive: true, node: 'node02' });
    expect(one.lines).toEqual([
      '  * d1\t(ocf:pacemaker:Dummy):\t Stopped',
      '  * Resource Group: g1:',
      '    * g1a\t(ocf:pacemaker:Dummy):\t Stopped',
      '  * Clone Set: c1-clone [c1]:',
      '    * Stopped: [ node02 ]',
    ]);
  });
});
