// The transition graph's XML: actions alike share one attributes template (the node filled in per
// action), and the streamed text says exactly what the graph's structured view says.

import { describe, expect, it } from 'vitest';
import { escapeAttribute } from '@hacluster/cib';
import { graphToXml } from '../src/output/graph-xml.js';
import { AttributeTemplates } from '../src/output/graph-attributes.js';
import type { TransitionGraph } from '../src/output/graph.js';
import { run, findAction } from './inspect.js';
import { dummy, fencing, started } from './helpers.js';

/** The graph written from its structured view (form and details), the plainest way. */
function plainXml(graph: TransitionGraph): string {
  const attrs = (list: readonly (readonly [string, string])[]) => list.map(([k, v]) => ` ${k}="${escapeAttribute(v)}"`).join('');
  let s = `<transition_graph${attrs(graph.attrs)}>\n`;
  for (const syn of graph.synapses) {
    const a = graph.form(syn.action);
    const d = graph.details(syn.action);
    s += `  <synapse id="${syn.id}"${syn.priority > 0 ? ` priority="${syn.priority}"` : ''}>\n    <action_set>\n`;
    s += `      <${a.element}${attrs(a.attrs)}${attrs(d.elementAttrs ?? [])}>\n`;
    if (d.resource) s += `        <${d.resource[0]}${attrs(d.resource[1])}/>\n`;
    if (d.params) {
      s += `        <attributes${attrs(d.attributes)}>\n`;
      for (const [k, v] of d.params) s += `          <param name="${k}" value="${escapeAttribute(v)}"/>\n`;
      s += '        </attributes>\n';
    } else {
      s += `        <attributes${attrs(d.attributes)}/>\n`;
    }
    if (d.downed) s += `        <downed>\n${d.downed.map((id) => `          <node id="${id}"/>\n`).join('')}        </downed>\n`;
    s += `      </${a.element}>\n    </action_set>\n`;
    if (syn.inputs.length === 0) {
      s += '    <inputs/>\n';
    } else {
      s += '    <inputs>\n';
      for (const input of syn.inputs) {
        const i = graph.form(input);
        s += `      <trigger>\n        <${i.element}${attrs(i.attrs)}/>\n      </trigger>\n`;
      }
      s += '    </inputs>\n';
    }
    s += '  </synapse>\n';
  }
  return `${s}</transition_graph>\n`;
}

describe('transition graph XML', () => {
  const spec = {
    nodes: ['n1', 'n2', { name: 'n3', state: 'unclean' as const, history: [started('A')] }],
    options: { 'stonith-enabled': 'true' },
    resources: `${fencing('fence')}${dummy('A')}<clone id="C">${dummy('B', { 'target-role': 'Started' })}</clone>`,
  };

  it('shares one attributes template between the probes of a resource, naming each probe its node', () => {
    const { ws, graph } = run(spec);
    const p1 = findAction(ws, 'A_monitor_0', 'n1');
    const p2 = findAction(ws, 'A_monitor_0', 'n2');
    expect(graph.attributeTemplate(p1)).toBe(graph.attributeTemplate(p2));
    const onNode = (a: typeof p1) => Object.fromEntries(graph.details(a).attributes);
    const [id1, id2] = [p1.node!.id, p2.node!.id];
    expect(id1).not.toBe(id2);
    expect(onNode(p1)).toMatchObject({ CRM_meta_on_node: 'n1', CRM_meta_on_node_uuid: id1 });
    expect(onNode(p2)).toMatchObject({ CRM_meta_on_node: 'n2', CRM_meta_on_node_uuid: id2 });
    const xml = graphToXml(graph);
    expect(xml).toContain(`operation_key="A_monitor_0" on_node="n1" on_node_uuid="${id1}">`);
    expect(xml).toMatch(new RegExp(`operation_key="A_monitor_0" on_node="n2"[^]*?CRM_meta_on_node="n2" CRM_meta_on_node_uuid="${id2}"`));
  });

  it('answers each action the template of its own inputs, whatever was asked just before', () => {
    const { ws } = run(spec);
    const a1 = findAction(ws, 'A_monitor_0', 'n1');
    const a2 = findAction(ws, 'A_monitor_0', 'n2');
    const b1 = findAction(ws, 'B:0_monitor_0', 'n1');
    const templates = new AttributeTemplates();
    const named = templates.get(a1, true);
    const unnamed = templates.get(a1, false);
    expect(unnamed).not.toBe(named);
    expect(unnamed.holes).toEqual([]);
    expect(named.holes.map((h) => h.field)).toEqual(['uname', 'id']);
    expect(templates.get(a2, true)).toBe(named);
    const other = templates.get(b1, true);
    expect(other).not.toBe(named);
    expect(templates.get(a1, false)).toBe(unnamed);
    expect(templates.get(a2, true)).toBe(named);
    // a template's names in code-unit order, as Pacemaker sorts them
    const names = named.attributes.map(([k]) => k);
    expect(names).toEqual([...names].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0)));
  });

  it('writes what the structured view says, for resource, pseudo and fencing actions alike', () => {
    const { graph } = run(spec);
    const elements = new Set(graph.synapses.map((s) => graph.form(s.action).element));
    expect([...elements].sort()).toEqual(['crm_event', 'pseudo_event', 'rsc_op']);
    expect(graphToXml(graph)).toBe(plainXml(graph));
  });
});
