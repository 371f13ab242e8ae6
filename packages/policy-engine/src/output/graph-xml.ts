// The transition graph as XML, formatted as Pacemaker writes it (two-space indentation, empty
// elements self-closed). Written synapse by synapse into a growing UTF-8 buffer, so a large graph
// (tens of megabytes) does not keep hundreds of thousands of string pieces alive; an action's
// short form (as a synapse input) is made once however many synapses it triggers.

import { escapeAttribute } from '@hacluster/cib';
import type { Action } from '../model/types.js';
import type { GraphAction, GraphActionDetails, TransitionGraph } from './graph.js';

const CHUNK = 1 << 20;

/** UTF-8 output in chunks of about a megabyte, handed to a sink as each fills. */
class Utf8Writer {
  private buf = Buffer.allocUnsafe(CHUNK);
  private used = 0;
  constructor(private readonly sink: (chunk: Buffer) => void) {}

  write(text: string): void {
    if (this.used + text.length * 3 > this.buf.length) {
      this.flush();
      if (text.length * 3 > this.buf.length) this.buf = Buffer.allocUnsafe(text.length * 3);
    }
    this.used += this.buf.write(text, this.used, 'utf8');
  }

  flush(): void {
    if (this.used === 0) return;
    this.sink(this.buf.subarray(0, this.used));
    this.buf = Buffer.allocUnsafe(CHUNK);
    this.used = 0;
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

/**
 * Writes the graph as UTF-8 XML, a chunk at a time, to `sink` (--save-graph streams it to the
 * file: at 64 nodes and 10,000 unprobed resources the graph is hundreds of megabytes).
 */
export function writeGraphXml(graph: TransitionGraph, sink: (chunk: Buffer) => void): void {
  const out = new Utf8Writer(sink);
  const head = `<transition_graph${attrs(graph.attrs)}`;
  if (graph.synapses.length === 0) {
    out.write(`${head}/>\n`);
    out.flush();
    return;
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
  out.flush();
}

/** The graph as UTF-8 XML bytes. */
export function graphToXmlBytes(graph: TransitionGraph): Buffer {
  const chunks: Buffer[] = [];
  writeGraphXml(graph, (c) => chunks.push(c));
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
}

/** The graph as XML text. */
export function graphToXml(graph: TransitionGraph): string {
  return graphToXmlBytes(graph).toString('utf8');
}
