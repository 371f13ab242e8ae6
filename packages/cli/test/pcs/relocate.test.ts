// `resource relocate`: the plan comes from the scheduler with stickiness set aside.

import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { relocateClear, relocateConstraints, relocateDryRun, relocateShow, statusAndTransition } from '../../src/pcs/lib/commands/resource/relocate.js';
import { LibraryError } from '../../src/pcs/lib/reports/item.js';
import { testEnv, type TestEnv } from './helpers.js';
import { heldByStickiness, settle, twoNodeCib } from './running-cluster.js';

let t: TestEnv;
afterEach(() => t?.cleanup());

describe('resource relocate', () => {
  it('pins each resource that stickiness holds away from its preferred node, and writes nothing on a dry run', async () => {
    t = testEnv(heldByStickiness());
    const before = readFileSync(t.file, 'utf8');
    expect(await relocateDryRun(t.env, [])).toEqual([
      { id: 'pcs-relocate-d1', resource: 'd1', node: 'node02' },
      { id: 'pcs-relocate-g1a', resource: 'g1a', node: 'node01' },
    ]);
    expect(t.reports.map((r) => r.message.code)).toEqual(['RELOCATE_CONSTRAINT_PLANNED', 'RELOCATE_CONSTRAINT_PLANNED']);
    expect(readFileSync(t.file, 'utf8')).toBe(before);
  });

  it('limits the plan to the resources named, and refuses unknown ones', async () => {
    t = testEnv(heldByStickiness());
    expect(await relocateConstraints(t.env, ['g1'])).toEqual([{ id: 'pcs-relocate-g1a', resource: 'g1a', node: 'node01' }]);
    expect(await relocateConstraints(t.next(), ['c1-clone'])).toEqual([]);
    await expect(relocateConstraints(t.next(), ['nope'])).rejects.toThrow(LibraryError);
  });

  it('pins a promotable clone where it would be promoted, in the role the schema names', async () => {
    const promotable = twoNodeCib(`      <clone id="s1-clone">
        <meta_attributes id="s1-clone-meta"><nvpair id="s1-clone-promotable" name="promotable" value="true"/></meta_attributes>
        <primitive id="s1" class="ocf" type="Stateful" provider="pacemaker"/>
      </clone>`);
    const running = settle(promotable, ['node01', 'node02']).replace(
      /<constraints>\s*<\/constraints>/,
      '<constraints><rsc_location id="l" rsc="s1-clone"><rule id="l-r" role="Promoted" score="100"><expression id="l-e" attribute="#uname" operation="eq" value="node02"/></rule></rsc_location></constraints>',
    );
    t = testEnv(running);
    expect(await relocateConstraints(t.env, [])).toEqual([{ id: 'pcs-relocate-s1-clone', resource: 's1-clone', node: 'node02', role: 'Promoted' }]);
    t.cleanup();
    t = testEnv(running.replace('validate-with="pacemaker-3.9"', 'validate-with="pacemaker-3.5"'));
    expect((await relocateConstraints(t.env, []))[0]?.role).toBe('Master');
  });

  it('plans nothing where no node is up', async () => {
    t = testEnv();
    expect(await relocateDryRun(t.env, [])).toEqual([]);
    expect(t.reports.map((r) => r.message.code)).toEqual(['RELOCATE_NOTHING_TO_MOVE']);
  });

  it('shows the status and the moves the scheduler would make without stickiness', async () => {
    t = testEnv(heldByStickiness());
    const lines = await relocateShow(t.env);
    expect(lines[0]).toBe('Current cluster status:');
    expect(lines).toContain('    * d1\t(ocf:pacemaker:Dummy):\t Started node01');
    const summary = lines.slice(lines.indexOf('Transition Summary:'));
    expect(summary.map((l) => l.replace(/ +/g, ' '))).toEqual(['Transition Summary:', ' * Move d1 ( node01 -> node02 )', ' * Move g1a ( node02 -> node01 )']);
  });

  it('keeps from the simulation text the status, its resources and the transition summary', () => {
    const text = ['Current cluster status:', '  * Node List:', '', '  * Full List of Resources:', '    * d1', '', 'Transition Summary:', '  * Move d1', '', 'Executing Cluster Transition:', '  * x'];
    expect(statusAndTransition(text)).toEqual(['Current cluster status:', '  * Node List:', '', '  * Full List of Resources:', '    * d1', '', 'Transition Summary:', '  * Move d1']);
  });

  it('clears constraints an interrupted relocation left, and only those', () => {
    t = testEnv(heldByStickiness().replace('<constraints>', '<constraints>\n      <rsc_location id="pcs-relocate-d1" rsc="d1" node="node02" score="INFINITY"/>'));
    relocateClear(t.env);
    const after = readFileSync(t.file, 'utf8');
    expect(after).not.toContain('pcs-relocate-d1');
    expect(after).toContain('id="l-d1"');
  });
});
