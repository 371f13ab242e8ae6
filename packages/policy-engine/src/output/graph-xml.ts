// The transition graph as XML, formatted as Pacemaker writes it (two-space indentation, empty
// elements self-closed). Written synapse by synapse into a growing UTF-8 buffer, so a large graph
// (tens of megabytes) does not keep hundreds of thousands of string pieces alive; an action's
// short form (as a synapse input) is made once however many synapses it triggers.

import { escapeAttribute } from '@hacluster/cib';
import type { Action } from '../model/types.js';
import type { GraphAction, GraphActionDetails, TransitionGraph } from './graph.js';

/** An append-only UTF-8 buffer. */
class Utf8Writer {
  private buf = Buffer.allocUnsafe(1 << 16);
  private used = 0;

  write(text: string): void {
    const need = this.used + text.length * 3;
    if (need > this.buf.length) {
      const grown = Buffer.allocUnsafe(Math.max(this.buf.length * 2, need));
      this.buf.copy(grown, 0, 0, this.used);
      this.buf = grown;
    }
    this.used += this.buf.write(text, this.used, 'utf8');
  }

  bytes(): Buffer {
    return this.buf.subarray(0, this.used);
  }
}

function attrs(list: readonly [string, string][]): string {
  let s = '';
  for (let i = 0; i < list.length; i++) {
    const a = list[i]!;
    s += ` ${a[0]}="${escapeAttribute(a[1])}"`;
  }
  return s;
}

function shortForm(graph: TransitionGraph, action: Action, cache: Map<Action, string>): string {
  let text = cache.get(action);
  if (text === undefined) {
    const a = graph.form(action);
    text = `<${a.element}${attrs(a.attrs)}/>`;
    cache.set(action, text);
  }
  return text;
}

function writeAction(a: GraphAction, d: GraphActionDetails): string {
  let s = `      <${a.element}${attrs(a.attrs)}${d.elementAttrs ? attrs(d.elementAttrs) : ''}>\n`;
  if (d.resource) s += `        <${d.resource[0]}${attrs(d.resource[1])}/>\n`;
  s += `        <attributes${attrs(d.attributes)}`;
  if (d.params && d.params.length) {
    s += '>\n';
    for (const [name, value] of d.params) s += `          <param name="${escapeAttribute(name)}" value="${escapeAttribute(value)}"/>\n`;
    s += '        </attributes>\n';
  } else {
    s += '/>\n';
  }
  if (d.downed) {
    s += '        <downed>\n';
    for (const id of d.downed) s += `          <node id="${escapeAttribute(id)}"/>\n`;
    s += '        </downed>\n';
  }
  return `${s}      </${a.element}>\n`;
}

/** The graph as UTF-8 XML bytes (what --save-graph writes). */
export function graphToXmlBytes(graph: TransitionGraph): Buffer {
  const out = new Utf8Writer();
  const head = `<transition_graph${attrs(graph.attrs)}`;
  if (graph.synapses.length === 0) {
    out.write(`${head}/>\n`);
    return out.bytes();
  }
  out.write(`${head}>\n`);
  const inputs = new Map<Action, string>();
  for (const s of graph.synapses) {
    let text = `  <synapse id="${s.id}"${s.priority > 0 ? ` priority="${s.priority}"` : ''}>\n    <action_set>\n${writeAction(graph.form(s.action), graph.details(s.action))}    </action_set>\n`;
    if (s.inputs.length === 0) {
      text += '    <inputs/>\n';
    } else {
      text += '    <inputs>\n';
      for (const input of s.inputs) text += `      <trigger>\n        ${shortForm(graph, input, inputs)}\n      </trigger>\n`;
      text += '    </inputs>\n';
    }
    out.write(`${text}  </synapse>\n`);
  }
  out.write('</transition_graph>\n');
  return out.bytes();
}

/** The graph as XML text. */
export function graphToXml(graph: TransitionGraph): string {
  return graphToXmlBytes(graph).toString('utf8');
}
