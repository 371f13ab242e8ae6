import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  applyPatch,
  Cib,
  CibError,
  diffCibs,
  parsePatchXml,
  patchToXml,
  sameElement,
  VERSION_FIELDS,
  insertElement,
  parseXml,
  removeElement,
  type XmlElement,
  type CibPatch,
} from '../src/index.js';
import { longestIncreasingRun } from '../src/patch/diff.js';
import { missingReason, sharedPath } from '../../../test/support/corpus.js';
import { mutate, seededRandom } from './support/mutate.js';
import { problemsOf } from './support/problems.js';

const IGNORE_VERSION = new Set(VERSION_FIELDS);

const BASE = `<cib crm_feature_set="3.16.1" validate-with="pacemaker-3.9" epoch="5" num_updates="3" admin_epoch="0">
  <configuration>
    <crm_config>
      <cluster_property_set id="cib-bootstrap-options">
        <nvpair id="opt-stonith" name="stonith-enabled" value="false"/>
      </cluster_property_set>
    </crm_config>
    <nodes>
      <node id="1" uname="node1"/>
      <node id="2" uname="node2"/>
    </nodes>
    <resources>
      <!-- the web tier -->
      <primitive id="ip" class="ocf" provider="heartbeat" type="IPaddr2">
        <instance_attributes id="ip-params">
          <nvpair id="ip-params-ip" name="ip" value="192.168.122.120"/>
        </instance_attributes>
      </primitive>
      <group id="web">
        <primitive id="fs" class="ocf" provider="heartbeat" type="Filesystem"/>
        <primitive id="apache" class="ocf" provider="heartbeat" type="apache"/>
      </group>
    </resources>
    <constraints>
      <rsc_location id="loc-ip" rsc="ip" node="node1" score="50"/>
    </constraints>
  </configuration>
  <status>
    <node_state id="1" uname="node1" in_ccm="true" crmd="online"/>
  </status>
</cib>
`;

const base = () => Cib.parse(BASE);

/** A copy of BASE edited by `edit`. */
function edited(edit: (cib: Cib) => void, from: Cib = base()): Cib {
  const c = from.clone();
  edit(c);
  return c;
}

const el = (cib: Cib, id: string) => cib.ids().get(id)!;
const xml = (text: string) => parseXml(text).root;
const drop = (e: XmlElement) => removeElement(e);

describe('diffCibs', () => {
  it('finds nothing between a CIB and itself, nor when only the layout differs', () => {
    expect(diffCibs(base(), base()).changes).toEqual([]);
    const compact = Cib.parse(BASE.replace(/>\s+</g, '><'));
    expect(diffCibs(base(), compact).changes).toEqual([]);
  });

  it('leaves the version counters out unless asked', () => {
    const bumped = edited((c) => c.root.set('epoch', '9'));
    expect(diffCibs(base(), bumped).changes).toEqual([]);
    expect(diffCibs(base(), bumped).target).toEqual({ adminEpoch: 0, epoch: 9, numUpdates: 3 });
    expect(diffCibs(base(), bumped, { withVersion: true }).changes).toEqual([
      { operation: 'modify', path: '/cib', attributes: [{ name: 'epoch', operation: 'set', value: '9', original: '5' }], result: bumped.root.attributes() },
    ]);
  });

  it('writes create, delete, modify and move changes addressed by id, with positions counting comments', () => {
    const modified = Cib.parse(
      BASE.replace('<rsc_location id="loc-ip" rsc="ip" node="node1" score="50"/>', '<rsc_location id="loc-ip" rsc="ip" node="node2"/>')
        .replace(
          /<group id="web">\n(.*)\n(.*)\n/,
          '<group id="web">\n$2\n$1\n',
        )
        .replace('<node id="2" uname="node2"/>\n', '')
        .replace('    </resources>', '      <primitive id="extra" class="ocf" provider="pacemaker" type="Dummy"/>\n    </resources>'),
    );
    const patch = diffCibs(base(), modified);
    expect(patch.changes).toEqual([
      { operation: 'delete', path: "/cib/configuration/nodes/node[@id='2']" },
      { operation: 'move', path: "/cib/configuration/resources/group[@id='web']/primitive[@id='apache']", position: 0 },
      {
        operation: 'create',
        path: '/cib/configuration/resources',
        position: 3,
        xml: '<primitive id="extra" class="ocf" provider="pacemaker" type="Dummy"/>',
      },
      {
        operation: 'modify',
        path: "/cib/configuration/constraints/rsc_location[@id='loc-ip']",
        attributes: [
          { name: 'node', operation: 'set', value: 'node2', original: 'node1' },
          { name: 'score', operation: 'unset', original: '50' },
        ],
        result: { id: 'loc-ip', rsc: 'ip', node: 'node2' },
      },
    ]);
    // Plain data: it survives JSON.
    expect(JSON.parse(JSON.stringify(patch))).toEqual(patch);
  });

  it('records the fewest moves: only what left a longest run in order', () => {
    expect([...longestIncreasingRun([2, 0, 1, -1, 3])].sort()).toEqual([1, 2, 4]);
    expect(longestIncreasingRun([]).size).toBe(0);
    expect(longestIncreasingRun([3, 2, 1, 0]).size).toBe(1);
  });

  it('addresses elements without ids by their rank among namesakes', () => {
    const a = Cib.parse('<cib epoch="1" num_updates="0" admin_epoch="0"><configuration><x/><x a="1"/></configuration><status/></cib>');
    const b = Cib.parse('<cib epoch="1" num_updates="0" admin_epoch="0"><configuration><x/><x a="2"/></configuration><status/></cib>');
    const patch = diffCibs(a, b);
    expect(patch.changes.map((c) => c.path)).toEqual(['/cib/configuration/x[2]']);
    applyPatch(a, patch);
    expect(a.root.first('configuration')!.elements('x').map((e) => e.get('a'))).toEqual([undefined, '2']);
  });
});

describe('applyPatch', () => {
  it('turns the original into the modified CIB, byte for byte apart from the version, and bumps epoch', () => {
    const modified = edited((c) => {
      el(c, 'ip-params-ip').set('value', '10.0.0.1');
      const apache = el(c, 'apache');
      insertElement(apache.parent!, apache, el(c, 'fs'));
    });
    const target = base();
    const result = applyPatch(target, diffCibs(base(), modified));
    expect(result.bump).toBe('epoch');
    expect(result.version).toEqual({ adminEpoch: 0, epoch: 6, numUpdates: 0 });
    expect(target.toXml()).toBe(modified.toXml().replace('epoch="5" num_updates="3"', 'epoch="6" num_updates="0"'));
  });

  it('moves num_updates only for a change of the status', () => {
    const modified = edited((c) => c.scope('status')!.first('node_state')!.set('crmd', 'offline'));
    const target = base();
    const result = applyPatch(target, diffCibs(base(), modified));
    expect(result.bump).toBe('num_updates');
    expect(target.version).toEqual({ adminEpoch: 0, epoch: 5, numUpdates: 4 });
  });

  it('applies to a CIB that has moved on elsewhere, keeping both sets of changes', () => {
    const mine = edited((c) => el(c, 'loc-ip').set('score', '100'));
    const theirs = edited((c) => {
      el(c, 'opt-stonith').set('value', 'true');
      insertElement(c.scope('resources')!, xml('<primitive id="other" class="ocf" provider="pacemaker" type="Dummy"/>'));
      c.root.set('epoch', '7');
    });
    const result = applyPatch(theirs, diffCibs(base(), mine));
    expect(result.applied).toBe(1);
    expect(el(theirs, 'loc-ip').get('score')).toBe('100');
    expect(el(theirs, 'opt-stonith').get('value')).toBe('true');
    expect(theirs.version.epoch).toBe(8);
  });

  it('creates constraints whose resource sets refer to existing resources (a reference is not a second use of an id)', () => {
    const modified = edited((c) =>
      insertElement(
        c.scope('constraints')!,
        xml('<rsc_colocation id="c1" score="INFINITY"><resource_set id="c1-set"><resource_ref id="ip"/><resource_ref id="web"/></resource_set></rsc_colocation>'),
      ),
    );
    const target = base();
    applyPatch(target, diffCibs(base(), modified));
    expect(target.toXml()).toBe(modified.toXml().replace('epoch="5" num_updates="3"', 'epoch="6" num_updates="0"'));
  });

  it('accepts a change the target already has, and reports it as already applied', () => {
    const modified = edited((c) => {
      el(c, 'loc-ip').set('score', '100');
      drop(el(c, '2'));
    });
    const patch = diffCibs(base(), modified);
    const target = base();
    applyPatch(target, patch);
    const before = target.toXml();
    const again = applyPatch(target, patch);
    expect(again.applied).toBe(0);
    expect(again.alreadyApplied.length).toBe(patch.changes.length);
    expect(again.bump).toBe('none');
    expect(target.toXml()).toBe(before);
  });

  it('refuses conflicting changes, names each path, and leaves the target untouched', () => {
    const mine = edited((c) => {
      el(c, 'loc-ip').set('score', '100'); // they change it too
      el(c, 'apache').set('description', 'web server'); // they delete it
      insertElement(c.scope('nodes')!, xml('<node id="3" uname="node3"/>')); // they use id 3 elsewhere
    });
    const theirs = edited((c) => {
      el(c, 'loc-ip').set('score', '-INFINITY');
      drop(el(c, 'apache'));
      insertElement(el(c, 'cib-bootstrap-options'), xml('<nvpair id="3" name="x" value="y"/>'));
    });
    const before = theirs.toXml();
    const problems = problemsOf(() => applyPatch(theirs, diffCibs(base(), mine)));
    expect(theirs.toXml()).toBe(before);
    expect(problems).toEqual([
      { code: 'PATCH_CONFLICT', path: '/cib/configuration/nodes', conflict: 'id-in-use', element: 'node', id: '3', usedAt: "/cib/configuration/crm_config/cluster_property_set[@id='cib-bootstrap-options']/nvpair[@id='3']" },
      {
        code: 'PATCH_CONFLICT',
        path: "/cib/configuration/resources/group[@id='web']/primitive[@id='apache']",
        conflict: 'missing-element',
      },
      {
        code: 'PATCH_CONFLICT',
        path: "/cib/configuration/constraints/rsc_location[@id='loc-ip']",
        conflict: 'attribute-changed',
        attribute: 'score',
        original: '50',
        patched: '100',
        found: '-INFINITY',
      },
    ]);
    const message = new CibError(problems[2]!).message;
    expect(message).toContain("rsc_location[@id='loc-ip']");
    expect(message).toContain("attribute 'score' was '50'");
  });

  it('refuses to create below an element that is gone, or an element that exists with other content', () => {
    const mine = edited((c) => {
      insertElement(el(c, 'ip-params'), xml('<nvpair id="ip-params-mask" name="cidr_netmask" value="24"/>'));
      insertElement(c.scope('constraints')!, xml('<rsc_order id="o1" first="ip" then="web"/>'));
    });
    const theirs = edited((c) => {
      drop(el(c, 'ip-params'));
      insertElement(c.scope('constraints')!, xml('<rsc_order id="o1" first="web" then="ip"/>'));
    });
    const problems = problemsOf(() => applyPatch(theirs, diffCibs(base(), mine)));
    expect(problems.map((p) => p.code === 'PATCH_CONFLICT' && p.conflict)).toEqual(['missing-parent', 'already-exists']);
  });

  it('rejects malformed patches as BAD_PATCH', () => {
    const bad = (patch: unknown) => problemsOf(() => applyPatch(base(), patch as CibPatch))[0]!.code;
    expect(bad({ format: 2, changes: [{ operation: 'frobnicate', path: '/cib' }] })).toBe('BAD_PATCH');
    expect(bad({ format: 2, changes: [{ operation: 'move', path: '/cib/configuration' }] })).toBe('BAD_PATCH');
    expect(bad({ format: 2, changes: [{ operation: 'delete', path: 'cib/configuration' }] })).toBe('BAD_PATCH');
    expect(bad({ format: 2, changes: [{ operation: 'delete', path: "/cib/x[@id='a" }] })).toBe('BAD_PATCH');
    expect(bad({ format: 2, changes: [{ operation: 'create', path: '/cib', position: 0, xml: '<a><b></a>' }] })).toBe('BAD_PATCH');
    expect(bad({ format: 2, changes: [{ operation: 'delete', path: '/cib' }] })).toBe('BAD_PATCH');
  });
});

describe("Pacemaker's XML form", () => {
  it('writes and reads <diff format="2">', () => {
    const modified = edited((c) => {
      el(c, 'ip').set('description', 'the "virtual" IP');
      insertElement(c.scope('constraints')!, xml('<rsc_order id="o1" first="ip" then="web"/>'));
    });
    const patch = diffCibs(base(), modified);
    const text = patchToXml(patch);
    expect(text).toContain('<diff format="2">\n  <version>\n    <source admin_epoch="0" epoch="5" num_updates="3"/>');
    expect(text).toContain(`<change operation="modify" path="/cib/configuration/resources/primitive[@id='ip']">`);
    expect(text).toContain('<change-attr name="description" operation="set" value="the &quot;virtual&quot; IP"/>');
    const back = parsePatchXml(text);
    expect(back.source).toEqual(patch.source);
    // Pacemaker's form has no original values; everything else comes back.
    expect(back.changes).toEqual(
      patch.changes.map((c) => (c.operation === 'modify' ? { ...c, attributes: c.attributes.map(({ original: _o, ...a }) => a) } : c)),
    );
  });

  it('refuses other formats and unknown operations', () => {
    expect(problemsOf(() => parsePatchXml('<diff format="1"/>'))[0]).toMatchObject({ code: 'BAD_PATCH' });
    expect(problemsOf(() => parsePatchXml('<diff format="2"><change operation="x" path="/cib"/></diff>'))[0]).toMatchObject({ code: 'BAD_PATCH' });
    expect(problemsOf(() => parsePatchXml('<patch/>'))[0]).toMatchObject({ code: 'BAD_PATCH' });
  });
});

const xmlDir = sharedPath('conformance', 'scheduler', 'xml');

describe('diff then patch on edited copies of the shared CIBs', () => {
  if (!xmlDir) {
    it.skip(missingReason('conformance/scheduler/xml'), () => {});
    return;
  }
  const files = readdirSync(xmlDir).filter((f) => f.endsWith('.xml')).sort();
  const sample = files.filter((_, i) => i % 7 === 0);
  it(`rebuilds the edited CIB from the original and the patch (${sample.length} CIBs × 3 seeds)`, () => {
    const failures: string[] = [];
    for (const f of sample) {
      const original = Cib.parse(readFileSync(join(xmlDir, f), 'utf8'), f);
      for (const seed of [1, 2, 3]) {
        const modified = original.clone();
        const edits = mutate(modified, seededRandom(seed * 7919 + f.length), 6);
        const patch = JSON.parse(JSON.stringify(diffCibs(original, modified))) as CibPatch;
        const target = original.clone();
        applyPatch(target, patch);
        if (!sameElement(target.root, modified.root, IGNORE_VERSION)) failures.push(`${f} seed ${seed}: ${edits.join(', ')}`);
        const viaXml = original.clone();
        applyPatch(viaXml, parsePatchXml(patchToXml(patch)));
        if (!sameElement(viaXml.root, modified.root, IGNORE_VERSION)) failures.push(`${f} seed ${seed} (XML form): ${edits.join(', ')}`);
      }
    }
    expect(failures).toEqual([]);
  });
});
