import { describe, expect, it } from 'vitest';
import { Cib, readScope, renderProblem, replaceScope, SCOPES, scopeXml } from '../src/index.js';
import { problemOf } from './support/problems.js';

const TEXT = `<cib epoch="4" num_updates="2" admin_epoch="0" validate-with="pacemaker-3.9">
  <configuration>
    <crm_config/>
    <nodes/>
    <resources>
      <!-- web -->
      <group id="g">
        <primitive id="a" class="ocf" provider="heartbeat" type="Dummy"/>
      </group>
    </resources>
    <constraints/>
  </configuration>
  <status/>
</cib>
`;

describe('reading a scope', () => {
  it('gives the section, printed from the margin as cibadmin --query --scope does', () => {
    const cib = Cib.parse(TEXT);
    expect(readScope(cib, 'resources').name).toBe('resources');
    expect(scopeXml(cib, 'resources')).toBe(
      '<resources>\n  <!-- web -->\n  <group id="g">\n    <primitive id="a" class="ocf" provider="heartbeat" type="Dummy"/>\n  </group>\n</resources>\n',
    );
    expect(scopeXml(cib, 'status')).toBe('<status/>\n');
  });

  it('refuses unknown scopes and names missing sections', () => {
    const cib = Cib.parse(TEXT);
    expect(problemOf(() => readScope(cib, 'resource'))).toEqual({ code: 'UNKNOWN_SCOPE', scope: 'resource' });
    expect(renderProblem(problemOf(() => readScope(cib, 'resource')))).toMatch(/^unknown CIB scope 'resource' \(known: configuration, nodes/);
    expect(problemOf(() => readScope(cib, 'tags'))).toEqual({ code: 'MISSING_SECTION', section: 'tags' });
  });

  it('knows the twelve scopes', () => {
    expect(SCOPES).toEqual(['configuration', 'nodes', 'resources', 'constraints', 'crm_config', 'rsc_defaults', 'op_defaults', 'fencing-topology', 'acls', 'alerts', 'tags', 'status']);
  });
});

describe('replacing a scope', () => {
  it('puts the new section in place with the layout around it, bumps epoch, and leaves the rest byte for byte', () => {
    const cib = Cib.parse(TEXT);
    const bump = replaceScope(cib, 'constraints', '<constraints>\n<rsc_location id="l" rsc="g" node="n1" score="10"/>\n</constraints>');
    expect(bump).toBe('epoch');
    expect(cib.toXml()).toBe(
      TEXT.replace('epoch="4" num_updates="2"', 'epoch="5" num_updates="0"').replace(
        '    <constraints/>\n',
        '    <constraints>\n      <rsc_location id="l" rsc="g" node="n1" score="10"/>\n    </constraints>\n',
      ),
    );
  });

  it('moves num_updates for the status, nothing for the same content, and creates a missing section in schema order', () => {
    const cib = Cib.parse(TEXT);
    expect(replaceScope(cib, 'status', '<status><node_state id="1" uname="n1"/></status>')).toBe('num_updates');
    expect(cib.version).toEqual({ adminEpoch: 0, epoch: 4, numUpdates: 3 });
    expect(replaceScope(cib, 'resources', scopeXml(cib, 'resources').replace(/\n\s*/g, ''))).toBe('none');
    expect(cib.version).toEqual({ adminEpoch: 0, epoch: 4, numUpdates: 3 });
    replaceScope(cib, 'rsc_defaults', '<rsc_defaults><meta_attributes id="d"><nvpair id="d-s" name="resource-stickiness" value="1"/></meta_attributes></rsc_defaults>');
    expect(cib.configuration.elements().map((e) => e.name)).toEqual(['crm_config', 'nodes', 'resources', 'constraints', 'rsc_defaults']);
    expect(cib.version.epoch).toBe(5);
  });

  it('refuses XML whose root is not the scope, unknown scopes and malformed XML, leaving the CIB as it was', () => {
    const cib = Cib.parse(TEXT);
    expect(problemOf(() => replaceScope(cib, 'resources', '<constraints/>'))).toEqual({ code: 'SCOPE_MISMATCH', scope: 'resources', found: 'constraints' });
    expect(problemOf(() => replaceScope(cib, 'resourcez', '<resourcez/>'))).toEqual({ code: 'UNKNOWN_SCOPE', scope: 'resourcez' });
    expect(problemOf(() => replaceScope(cib, 'resources', '<resources>\n  <primitive id="x">\n</resources>', { file: 'new.xml' }))).toMatchObject({
      code: 'XML_SYNTAX',
      line: 3,
      column: 1,
      file: 'new.xml',
    });
    expect(cib.toXml()).toBe(TEXT);
  });
});
