// The transition graph as XML, formatted as Pacemaker writes it (two-space indentation, empty
// elements self-closed).

import { escapeAttribute } from '@hacluster/cib';
import type { GraphAction, TransitionGraph } from './graph.js';

function attrText(attrs: readonly [string, string][]): string {
  return attrs.map(([k, v]) => ` ${k}="${escapeAttribute(v)}"`).join('');
}

function writeAction(lines: string[], indent: string, a: GraphAction, details: boolean): void {
  const head = `${indent}<${a.element}${attrText(a.attrs)}`;
  if (!details) {
    lines.push(`${head}/>`);
    return;
  }
  lines.push(`${head}>`);
  const inner = `${indent}  `;
  if (a.resource) lines.push(`${inner}<${a.resource[0]}${attrText(a.resource[1])}/>`);
  if (a.attributes) {
    if (a.params && a.params.length) {
      lines.push(`${inner}<attributes${attrText(a.attributes)}>`);
      for (const [name, value] of a.params) lines.push(`${inner}  <param${attrText([['name', name], ['value', value]])}/>`);
      lines.push(`${inner}</attributes>`);
    } else {
      lines.push(`${inner}<attributes${attrText(a.attributes)}/>`);
    }
  }
  if (a.downed) {
    lines.push(`${inner}<downed>`);
    for (const id of a.downed) lines.push(`${inner}  <node id="${escapeAttribute(id)}"/>`);
    lines.push(`${inner}</downed>`);
  }
  lines.push(`${indent}</${a.element}>`);
}

export function graphToXml(graph: TransitionGraph): string {
  const lines: string[] = [];
  const head = `<transition_graph${attrText(graph.attrs)}`;
  if (graph.synapses.length === 0) return `${head}/>\n`;
  lines.push(`${head}>`);
  for (const s of graph.synapses) {
    lines.push(`  <synapse id="${s.id}"${s.priority > 0 ? ` priority="${s.priority}"` : ''}>`);
    lines.push('    <action_set>');
    writeAction(lines, '      ', s.action, true);
    lines.push('    </action_set>');
    if (s.inputs.length === 0) {
      lines.push('    <inputs/>');
    } else {
      lines.push('    <inputs>');
      for (const input of s.inputs) {
        lines.push('      <trigger>');
        writeAction(lines, '        ', input, false);
        lines.push('      </trigger>');
      }
      lines.push('    </inputs>');
    }
    lines.push('  </synapse>');
  }
  lines.push('</transition_graph>');
  return `${lines.join('\n')}\n`;
}
