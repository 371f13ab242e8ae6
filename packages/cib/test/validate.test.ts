import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  checkSchema,
  Cib,
  DEFAULT_SCHEMA_DIR,
  elementPath,
  insertElement,
  isNote,
  parsePath,
  parseXml,
  renderProblem,
  resolvePath,
  validateCib,
  type CibProblem,
} from '../src/index.js';
import { missingReason, sharedPath } from '../../../test/support/corpus.js';

const cibWith = (configuration: string, validateWith = 'pacemaker-3.9') =>
  Cib.parse(
    `<cib crm_feature_set="3.16.1" validate-with="${validateWith}" epoch="1" num_updates="0" admin_epoch="0">\n` +
      `  <configuration>\n    <crm_config/>\n${configuration}\n  </configuration>\n  <status/>\n</cib>\n`,
  );

const texts = (ps: CibProblem[]) => ps.map(renderProblem);
const structural = (configuration: string) => validateCib(cibWith(configuration), { schema: false });

describe('structural checks name the element and its id', () => {
  it('finds a primitive without class, type or provider, and an op without interval', () => {
    const ps = structural(`<nodes/><resources>
      <primitive id="d1" type="Dummy"/>
      <primitive id="d2" class="ocf" type="Dummy"/>
      <primitive id="d3" class="systemd"><operations><op id="d3-mon" name="monitor"/></operations></primitive>
      <primitive id="d4" class="magic" type="x"/>
      <primitive id="d5" template="tpl"/>
      <template id="tpl" class="lsb" type="foo"/>
    </resources><constraints/>`);
    expect(texts(ps)).toEqual([
      "primitive 'd1' has no class",
      "primitive 'd2' has no provider (an ocf agent is named by its provider too)",
      "primitive 'd3' has no type",
      "op 'd3-mon' has no interval",
      'primitive \'d4\' has class="magic", expected ocf, lsb, heartbeat, stonith, upstart, service, systemd, nagios',
    ]);
    expect(ps[0]).toEqual({ code: 'MISSING_ATTRIBUTE', element: 'primitive', id: 'd1', path: "/cib/configuration/resources/primitive[@id='d1']", attribute: 'class' });
  });

  it('finds missing and invalid ids, by path where there is no id', () => {
    const ps = structural(`<nodes><node id="1" uname="n1"/></nodes><resources>
      <primitive class="lsb" type="a"/>
      <primitive id="2bad" class="lsb" type="b"><instance_attributes id="p"><nvpair name="x" value="1"/><nvpair id-ref="q"/></instance_attributes></primitive>
    </resources><constraints/>`);
    expect(ps.filter((p) => p.code !== 'DANGLING_REFERENCE')).toEqual([
      { code: 'MISSING_ID', element: 'primitive', path: '/cib/configuration/resources/primitive[1]' },
      { code: 'INVALID_ID', element: 'primitive', id: '2bad', path: "/cib/configuration/resources/primitive[@id='2bad']" },
      { code: 'MISSING_ID', element: 'nvpair', path: "/cib/configuration/resources/primitive[@id='2bad']/instance_attributes[@id='p']/nvpair[1]" },
    ]);
    expect(renderProblem(ps[0]!)).toBe('primitive at /cib/configuration/resources/primitive[1] has no id');
  });

  it('finds empty groups, tags and sets, and clones that do not hold one resource', () => {
    const ps = structural(`<nodes/><resources>
      <group id="g"/>
      <clone id="c"><primitive id="c1" class="lsb" type="a"/><primitive id="c2" class="lsb" type="a"/></clone>
      <master id="m"/>
    </resources><constraints><rsc_order id="o" kind="Mandatory"><resource_set id="s"/></rsc_order></constraints><tags><tag id="t"/></tags>`);
    expect(texts(ps)).toEqual([
      "group 'g' has no primitive",
      "clone 'c' must hold exactly one primitive or group, it holds 2",
      "master 'm' must hold exactly one primitive or group, it holds 0",
      "resource_set 's' has no resource_ref",
      "tag 't' has no obj_ref",
    ]);
  });

  it('checks constraints, rules and their values', () => {
    const ps = structural(`<nodes/><resources><primitive id="a" class="lsb" type="a"/></resources><constraints>
      <rsc_location id="l1" rsc="a"/>
      <rsc_location id="l2" rsc="a" node="n1" score="lots"/>
      <rsc_location id="l3" rsc="a"><rule id="r" score="INFINITY" boolean-op="xor"><expression id="e1" attribute="#uname" operation="eq"/><expression id="e2" attribute="x" operation="defined"/><date_expression id="d" operation="in_range"/></rule></rsc_location>
      <rsc_colocation id="c1" rsc="a" score="INFINITY" rsc-role="Boss"/>
      <rsc_order id="o1" first="a" then="a" then-action="launch"/>
      <rsc_ticket id="t1" rsc="a" loss-policy="panic"/>
    </constraints>`);
    expect(texts(ps)).toEqual([
      "rsc_location 'l1' has no node (nor a rule)",
      "rsc_location 'l1' has no score",
      'rsc_location \'l2\' has score="lots", expected an integer, INFINITY or -INFINITY',
      'rule \'r\' has boolean-op="xor", expected and, or',
      "expression 'e1' has no value (operation eq compares with a value)",
      "date_expression 'd' has no start (nor end, which in_range needs one of)",
      "rsc_colocation 'c1' has no with-rsc",
      'rsc_colocation \'c1\' has rsc-role="Boss", expected Started, Stopped, Promoted or Unpromoted (or Master, Slave)',
      'rsc_order \'o1\' has then-action="launch", expected start, promote, demote, stop',
      "rsc_ticket 't1' has no ticket",
      'rsc_ticket \'t1\' has loss-policy="panic", expected stop, demote, fence, freeze',
    ]);
  });
});

describe('ids and references', () => {
  it('finds ids used twice, but lets a remote node share its id with its connection resource', () => {
    const ps = structural(`<nodes><node id="remote1" uname="remote1" type="remote"/><node id="1" uname="n1"/><node id="1" uname="n2"/></nodes><resources>
      <primitive id="remote1" class="ocf" provider="pacemaker" type="remote"/>
      <primitive id="web" class="lsb" type="a"><meta_attributes id="web"/></primitive>
    </resources><constraints/>`);
    expect(texts(ps)).toEqual([
      "id '1' is used twice: by node at /cib/configuration/nodes/node[@id='1'] and by node at /cib/configuration/nodes/node[@id='1']",
      "id 'web' is used twice: by primitive at /cib/configuration/resources/primitive[@id='web'] and by meta_attributes at /cib/configuration/resources/primitive[@id='web']/meta_attributes[@id='web']",
    ]);
  });

  it('finds constraints on missing resources, id-refs to nothing, missing templates, tag members and fencing devices', () => {
    const ps = structural(`<nodes/><resources>
      <primitive id="a" class="lsb" type="a"><meta_attributes id-ref="nowhere"/></primitive>
      <primitive id="b" template="no-template"/>
      <primitive id="fence1" class="stonith" type="fence_xvm"/>
    </resources><constraints>
      <rsc_colocation id="c" rsc="a" with-rsc="ghost" score="INFINITY"/>
      <rsc_order id="o" kind="Optional"><resource_set id="s"><resource_ref id="a"/><resource_ref id="phantom"/></resource_set></rsc_order>
      <rsc_location id="l" rsc="tagged" node="n1" score="1"/>
    </constraints><fencing-topology><fencing-level id="fl" index="1" target="n1" devices="fence1,a"/></fencing-topology>
    <tags><tag id="tagged"><obj_ref id="a"/><obj_ref id="gone"/></tag></tags>`);
    expect(texts(ps)).toEqual([
      "meta_attributes at /cib/configuration/resources/primitive[@id='a']/meta_attributes: id-ref 'nowhere' does not name a <meta_attributes>",
      "primitive 'b': template 'no-template' does not name a template",
      "rsc_colocation 'c': with-rsc 'ghost' does not name a resource, template or tag",
      "resource_ref at /cib/configuration/constraints/rsc_order[@id='o']/resource_set[@id='s']/resource_ref[@id='phantom']: id 'phantom' does not name a resource, template or tag",
      "fencing-level 'fl': devices 'a' does not name a fencing device (a stonith primitive)",
      "obj_ref at /cib/configuration/tags/tag[@id='tagged']/obj_ref[@id='gone']: id 'gone' does not name anything in the configuration",
    ]);
  });

  it('finds nothing wrong in a sound configuration', () => {
    expect(
      structural(`<nodes><node id="1" uname="n1"/></nodes><resources>
      <primitive id="ip" class="ocf" provider="heartbeat" type="IPaddr2"><operations><op id="ip-mon" name="monitor" interval="10s"/></operations></primitive>
      <clone id="c"><group id="g"><primitive id="fs" class="ocf" provider="heartbeat" type="Filesystem"/></group></clone>
    </resources><constraints><rsc_order id="o" first="ip" then="c" kind="Mandatory"/><rsc_location id="l" rsc="ip"><rule id="r" score="-INFINITY"><expression id="r-e" attribute="#uname" operation="eq" value="n1"/></rule></rsc_location></constraints>`),
    ).toEqual([]);
  });
});

const haveXmllint = !spawnSync('xmllint', ['--version']).error;
const haveSchemas = existsSync(join(DEFAULT_SCHEMA_DIR, 'pacemaker-3.9.rng'));

describe("validation against Pacemaker's RelaxNG schema", () => {
  it('says why it skips when the schema is not there', () => {
    const ps = checkSchema(cibWith('<nodes/><resources/><constraints/>', 'pacemaker-99.0'));
    expect(ps).toHaveLength(1);
    expect(ps[0]).toMatchObject({ code: 'SCHEMA_UNAVAILABLE', schema: 'pacemaker-99.0' });
    expect(isNote(ps[0]!)).toBe(true);
    expect(checkSchema(cibWith('<nodes/><resources/><constraints/>', 'none'))[0]).toMatchObject({ code: 'SCHEMA_UNAVAILABLE' });
    const noTool = checkSchema(cibWith('<nodes/><resources/><constraints/>'), { xmllint: '/nonexistent/xmllint', schemaDir: DEFAULT_SCHEMA_DIR });
    expect(noTool[0]).toMatchObject({ code: 'SCHEMA_UNAVAILABLE' });
  });

  if (!haveXmllint || !haveSchemas) {
    it.skip(`skipped: xmllint (libxml2-utils) or the schemas in ${DEFAULT_SCHEMA_DIR} (pacemaker-common) are missing`, () => {});
    return;
  }

  it('accepts a valid CIB and reports the line and element of what the schema rejects', () => {
    expect(checkSchema(cibWith('    <nodes/>\n    <resources/>\n    <constraints/>'))).toEqual([]);
    const ps = checkSchema(cibWith('    <nodes/>\n    <resources>\n      <primitive id="p" class="ocf" provider="heartbeat" type="Dummy" colour="red"/>\n    </resources>\n    <constraints/>'));
    expect(ps.length).toBeGreaterThan(0);
    expect(ps[0]).toMatchObject({ code: 'SCHEMA_INVALID', schema: 'pacemaker-3.9', line: 6, element: 'primitive' });
  });

  const xmlDir = sharedPath('conformance', 'scheduler', 'xml');
  if (!xmlDir) {
    it.skip(missingReason('conformance/scheduler/xml'), () => {});
    return;
  }
  it('agrees with the schema on the shared CIBs and on broken copies of them', () => {
    const files = readdirSync(xmlDir).filter((f) => f.endsWith('.xml')).sort();
    const disagreements: string[] = [];
    let broken = 0;
    for (const f of files.filter((_, i) => i % 25 === 0)) {
      const cib = Cib.parse(readFileSync(join(xmlDir, f), 'utf8'), f);
      const schema = cib.root.get('validate-with') ?? 'none';
      if (!existsSync(join(DEFAULT_SCHEMA_DIR, `${schema}.rng`))) continue;
      const ours = validateCib(cib, { schema: false });
      const theirs = checkSchema(cib);
      if ((ours.length === 0) !== (theirs.length === 0)) disagreements.push(`${f}: ours ${texts(ours)} / schema ${texts(theirs)}`);
      // Break it in ways both should see: a primitive without class, an id used twice, a
      // constraint on a missing resource.
      const primitive = [...cib.configuration.descendants()].find((e) => e.name === 'primitive' && e.has('class'));
      const inCopy = (c: Cib) => resolvePath(c.root, parsePath(elementPath(primitive!)))!;
      const breakages: [string, (c: Cib) => void][] = [
        ['no class', (c) => inCopy(c).remove('class')],
        ['duplicate id', (c) => inCopy(c).set('id', c.scope('resources')!.elements().at(-1)!.get('id')!)],
        ['dangling', (c) => insertElement(c.ensureScope('constraints'), parseXml('<rsc_location id="x-dangling" rsc="x-missing" node="n" score="1"/>').root)],
      ];
      for (const [what, breakIt] of primitive ? breakages : []) {
        const copy = cib.clone();
        breakIt(copy);
        if (what === 'duplicate id' && copy.scope('resources')!.elements().length < 2) continue;
        broken++;
        const oursBroken = validateCib(copy, { schema: false });
        const schemaBroken = checkSchema(copy);
        if (oursBroken.length === 0 || schemaBroken.length === 0) disagreements.push(`${f} (${what}): ours ${texts(oursBroken)} / schema ${texts(schemaBroken)}`);
      }
    }
    expect(disagreements).toEqual([]);
    expect(broken).toBeGreaterThan(20);
  });
});
