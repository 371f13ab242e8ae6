// The demo: the embedded guide cluster, and the story the demo tells from the scheduler's own
// computations. What the scheduler must decide for the guide's cluster is checked against
// Pacemaker in test/guide-scenario.test.ts; here the story's machinery (transitions run one
// after another, the edits made with pcs, the highlights read from the graph) is checked on the
// same cluster with DRBD as a plain clone, which needs neither promotion nor notifications.

import { readFileSync } from 'node:fs';
import { appendNew, Cib, removeElement } from '@hacluster/cib';
import { describe, expect, it } from 'vitest';
import { describeCluster } from '../src/demo/describe.js';
import { demo, DEMO_CIB_URL } from '../src/demo/main.js';
import { renderPages } from '../src/demo/render.js';
import { plan, tellStory, type Page } from '../src/demo/story.js';

const guide = () => Cib.parse(readFileSync(DEMO_CIB_URL, 'utf8'), 'guide-cluster.xml');

/** The guide's cluster without promotion or notifications: DRBD started like the other clones. */
function withPlainDrbd(): Cib {
  const cib = guide();
  for (const el of [...cib.root.descendants()]) {
    if (el.name === 'nvpair' && ['promotable', 'promoted-max', 'promoted-node-max', 'notify'].includes(el.get('name') ?? '')) removeElement(el);
    for (const attr of ['first-action', 'then-action']) if (el.get(attr) === 'promote') el.set(attr, 'start');
    for (const attr of ['rsc-role', 'with-rsc-role']) if (el.get(attr) === 'Promoted') el.set(attr, 'Started');
  }
  return cib;
}

const summaryOf = (p: Page | undefined) => (p?.plan.ok ? p.plan.summary : [`not planned: ${p?.plan.ok === false ? p.plan.reason : 'no page'}`]);
const highlightsOf = (p: Page | undefined) => (p?.plan.ok ? p.plan.highlights : []);

describe('the demo', () => {
  it("describes the embedded cluster as the guide's chapter 11 leaves it", () => {
    const text = describeCluster(guide());
    expect(text).toContain('  node01: online\n  node02: online\n');
    expect(text).toContain('  promotable clone drbd_datos-clone\n    drbd_datos (ocf:linbit:drbd)\n');
    expect(text).toContain('  ubuntu (ocf:heartbeat:VirtualDomain)\n');
    expect(text).toContain('  order start dlm-clone then promote drbd_datos-clone\n');
    expect(text).toContain('  order start res_libvirtd-clone then start ubuntu (not symmetrical)\n');
    expect(text).toContain('  colocation clvmd-clone with Promoted drbd_datos-clone (INFINITY)\n');
  });

  it("shows the cluster's status before the story", async () => {
    const text = await demo(guide());
    expect(text).toContain('Status (as crm_mon shows it):\nNode List:\n  * Online: [ node01 node02 ]\n');
    expect(text).toContain('  * Clone Set: drbd_datos-clone [drbd_datos] (promotable):\n    * Stopped: [ node01 node02 ]\n');
    expect(text).toMatch(/\n1\. First start: /);
  });

  it('tells the story from the first start to the move (DRBD as a plain clone)', async () => {
    const pages = await tellStory(withPlainDrbd());
    expect(pages.map((p) => p.title)).toEqual([
      'First start',
      'First start, second transition',
      'node01 in standby',
      'node01 fails',
      'node01 fails, fencing disabled',
      'ubuntu fails',
      'ubuntu moved to node02',
    ]);
    const [first, second, standby, fails, unfenced, vmFails, moved] = pages;
    // Without promotion to wait for, the whole stack starts in the first transition...
    expect(summaryOf(first)).toHaveLength(13);
    expect(summaryOf(first)).toContainEqual(expect.stringMatching(/^Start\s+ubuntu\s+\( node01 \)$/));
    // ...and the next one has nothing left to do; the status shows everything running.
    expect(summaryOf(second)).toEqual([]);
    expect(first?.plan.ok && first.plan.stillStopped).toEqual([]);
    expect(second?.status).toMatch(/ubuntu\t\(ocf:heartbeat:VirtualDomain\):\t Started node01/);
    expect(second?.status).toMatch(/Clone Set: res_libvirtd-clone \[res_libvirtd\]:\n\s+\* Started: \[ node01 node02 \]/);

    expect(summaryOf(standby)).toContainEqual(expect.stringMatching(/^Migrate\s+ubuntu\s+\( node01 -> node02 \)$/));
    expect(highlightsOf(standby)).toEqual(['ubuntu live-migrates from node01 to node02 (migrate_to, then migrate_from; no restart)']);

    expect(summaryOf(fails)[0]).toBe("Fence (reboot) node01 'peer is no longer part of the cluster'");
    expect(highlightsOf(fails)).toEqual(['node01 is fenced first; waiting for it: ubuntu start on node02']);

    expect(summaryOf(unfenced)).toEqual([expect.stringMatching(/^Start\s+ubuntu\s+\( node02 \)$/)]);
    // the device that fences node02 may run only on node01, which is gone
    expect(unfenced?.plan.ok && unfenced.plan.stillStopped).toEqual(['fence_n02_ipmi']);
    expect(highlightsOf(unfenced)).toEqual([]);

    expect(summaryOf(vmFails)).toEqual([expect.stringMatching(/^Recover\s+ubuntu\s+\( node01 \)$/)]);

    expect(summaryOf(moved)).toEqual([expect.stringMatching(/^Migrate\s+ubuntu\s+\( node01 -> node02 \)$/)]);
    expect(highlightsOf(moved)).toEqual(['ubuntu live-migrates from node01 to node02 (migrate_to, then migrate_from; no restart)']);

    const text = renderPages(pages);
    expect(text).toContain('3. node01 in standby: pcs node standby node01\n   Transition Summary:\n');
    expect(text).toContain('   → ubuntu live-migrates from node01 to node02');
  });

  it('names what is still stopped after a transition', () => {
    const cib = withPlainDrbd();
    const constraints = cib.scope('constraints')!;
    for (const node of ['node01', 'node02']) appendNew(constraints, 'rsc_location', { id: `ban-ubuntu-${node}`, rsc: 'ubuntu', node, score: '-INFINITY' });
    const first = plan(cib);
    expect(first.ok && first.stillStopped).toEqual(['ubuntu']);
    expect(renderPages([{ title: 'First start', event: 'both nodes join', plan: first }])).toContain('\n   → still stopped afterwards: ubuntu\n');
  });

  it("says so when the scheduler cannot plan a page, instead of inventing one", () => {
    const text = renderPages([{ title: 'First start', event: 'both nodes join', plan: { ok: false, by: 'scheduler', reason: 'drbd_datos-clone: promotable clones are not supported by this scheduler yet' } }]);
    expect(text).toBe('1. First start: both nodes join\n   The scheduler cannot plan this yet: drbd_datos-clone: promotable clones are not supported by this scheduler yet\n');
    const refused = renderPages([{ title: 'ubuntu moved to node02', event: 'pcs resource move-with-constraint ubuntu node02', plan: { ok: false, by: 'pcs', reason: "Error: bundle/clone/group/resource 'ubuntu' does not exist" } }]);
    expect(refused).toContain("\n   pcs refused: Error: bundle/clone/group/resource 'ubuntu' does not exist\n");
  });
});
