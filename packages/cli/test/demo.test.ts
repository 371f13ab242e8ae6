// The demo: the embedded guide cluster, and the story the demo tells from the scheduler's own
// computations. Each page's Transition Summary is checked against Pacemaker's in
// test/guide-scenario.test.ts; here, what the demo adds: the pages in order, the status once the
// stack runs, the highlights read from the graph, what is still stopped, and the text.

import { readFileSync } from 'node:fs';
import { Cib } from '@hacluster/cib';
import { describe, expect, it } from 'vitest';
import { describeCluster } from '../src/demo/describe.js';
import { demo, DEMO_CIB_URL } from '../src/demo/main.js';
import { renderPages } from '../src/demo/render.js';
import { tellStory, type Page } from '../src/demo/story.js';

const guide = () => Cib.parse(readFileSync(DEMO_CIB_URL, 'utf8'), 'guide-cluster.xml');

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

  it('tells the story from the first start to the move', async () => {
    const pages = await tellStory(guide());
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
    // DRBD and DLM start first; what needs DRBD promoted waits for the promotion scores...
    expect(summaryOf(first)).toContainEqual(expect.stringMatching(/^Start\s+drbd_datos:0\s+\( node01 \)$/));
    expect(first?.plan.ok && first.plan.stillStopped).toEqual(['clvmd-clone', 'sharedFS-clone', 'res_libvirtd-clone', 'ubuntu']);
    // ...which the next page publishes, and the whole stack then runs.
    expect(second?.event).toBe('the promotable resources report promotion scores (master-drbd_datos=10000 on node01, master-drbd_datos=10000 on node02)');
    expect(summaryOf(second)).toContainEqual(expect.stringMatching(/^Promote\s+drbd_datos:1\s+\( Unpromoted -> Promoted node02 \)$/));
    expect(second?.plan.ok && second.plan.stillStopped).toEqual([]);
    expect(second?.status).toMatch(/Clone Set: drbd_datos-clone \[drbd_datos\] \(promotable\):\n\s+\* Promoted: \[ node01 node02 \]/);
    expect(second?.status).toMatch(/ubuntu\t\(ocf:heartbeat:VirtualDomain\):\t Started node01/);

    expect(highlightsOf(standby)).toEqual(['ubuntu live-migrates from node01 to node02 (migrate_to, then migrate_from; no restart)']);
    expect(highlightsOf(fails)).toEqual(['node01 is fenced first; waiting for it: ubuntu start on node02']);
    expect(highlightsOf(unfenced)).toEqual(['node01 is down and fencing is disabled: it is taken as cleanly stopped, so what ran there counts as stopped and nothing waits for fencing']);
    // the device that fences node02 may run only on node01, which is gone
    expect(unfenced?.plan.ok && unfenced.plan.stillStopped).toEqual(['fence_n02_ipmi']);
    expect(summaryOf(vmFails)).toEqual([expect.stringMatching(/^Recover\s+ubuntu\s+\( node01 \)$/)]);
    expect(highlightsOf(moved)).toEqual(['ubuntu live-migrates from node01 to node02 (migrate_to, then migrate_from; no restart)']);

    const text = renderPages(pages);
    expect(text).toContain('3. node01 in standby: pcs node standby node01\n   Transition Summary:\n');
    expect(text).toContain('\n   → still stopped afterwards: clvmd-clone, sharedFS-clone, res_libvirtd-clone, ubuntu\n');
    expect(text).toContain('\n   The cluster now:\n');
  });

  it("says so when the scheduler cannot plan a page, instead of inventing one", () => {
    const text = renderPages([{ title: 'First start', event: 'both nodes join', plan: { ok: false, by: 'scheduler', reason: 'drbd_datos-clone: promotable clones are not supported by this scheduler yet' } }]);
    expect(text).toBe('1. First start: both nodes join\n   The scheduler cannot plan this yet: drbd_datos-clone: promotable clones are not supported by this scheduler yet\n');
    const refused = renderPages([{ title: 'ubuntu moved to node02', event: 'pcs resource move-with-constraint ubuntu node02', plan: { ok: false, by: 'pcs', reason: "Error: bundle/clone/group/resource 'ubuntu' does not exist" } }]);
    expect(refused).toContain("\n   pcs refused: Error: bundle/clone/group/resource 'ubuntu' does not exist\n");
  });
});
