// The transition graph as XML, formatted as Pacemaker writes it (two-space indentation, empty
// elements self-closed). Written synapse by synapse straight into UTF-8 chunks (Utf8Writer), so a
// large graph (tens of megabytes) is never held as strings; what synapses repeat (an action as an
// input, the attributes of actions alike, a resource's element) is encoded once.

import { escapeAttribute } from '@hacluster/cib';
import type { Action, Node } from '../model/types.js';
import type { GraphAction, GraphElementDetails, Synapse, TransitionGraph } from './graph.js';
import type { AttributeTemplate, NodeField } from './graph-attributes.js';
import { Utf8Writer } from './utf8-writer.js';

/** escapeAttribute, answering quickly for the usual value that needs no escaping. */
function esc(value: string): string {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === 38 || c === 60 || c === 62 || c === 34 || c === 10 || c === 9 || c === 13) return escapeAttribute(value);
  }
  return value;
}

function attrs(list: readonly [string, string][]): string {
  let s = '';
  for (let i = 0; i < list.length; i++) {
    const a = list[i]!;
    s += ` ${a[0]}="${esc(a[1])}"`;
  }
  return s;
}

/** An AttributeTemplate's <attributes> element, encoded: the node's values go between the parts. */
interface EncodedTemplate {
  parts: Buffer[];
  fields: NodeField[];
}

function encodeTemplate(t: AttributeTemplate): EncodedTemplate {
  const parts: Buffer[] = [];
  const fields: NodeField[] = [];
  let s = '        <attributes';
  let hole = 0;
  t.attributes.forEach(([name, value], i) => {
    const h = t.holes[hole];
    if (h !== undefined && h.index === i) {
      parts.push(Buffer.from(`${s} ${name}="`));
      fields.push(h.field);
      s = '"';
      hole++;
    } else {
      s += ` ${name}="${esc(value)}"`;
    }
  });
  if (t.params.length) {
    s += '>\n';
    for (const [name, value] of t.params) s += `          <param name="${esc(name)}" value="${esc(value)}"/>\n`;
    s += '        </attributes>\n';
  } else {
    s += '/>\n';
  }
  parts.push(Buffer.from(s));
  return { parts, fields };
}

// The fixed text between the variable pieces of a synapse, joined where pieces meet.
const SYNAPSE_OPEN = Buffer.from('  <synapse id="');
const ACTION_SET_OPEN = Buffer.from('>\n    <action_set>\n      ');
const TAG_END = Buffer.from('>\n');
const TRIGGER_FIRST = Buffer.from('      <trigger>\n        ');
const TRIGGER_NEXT = Buffer.from('/>\n      </trigger>\n      <trigger>\n        ');
const TRIGGER_LAST = Buffer.from('/>\n      </trigger>\n    </inputs>\n  </synapse>\n');

/** What follows an action's attributes: its end tag, the action set's, and the inputs' start. */
function actionEnds(element: GraphAction['element']): { noInputs: Buffer; inputs: Buffer } {
  const end = `      </${element}>\n    </action_set>\n`;
  return { noInputs: Buffer.from(`${end}    <inputs/>\n  </synapse>\n`), inputs: Buffer.from(`${end}    <inputs>\n`) };
}

const ACTION_ENDS: Record<GraphAction['element'], { noInputs: Buffer; inputs: Buffer }> = {
  rsc_op: actionEnds('rsc_op'),
  pseudo_event: actionEnds('pseudo_event'),
  crm_event: actionEnds('crm_event'),
};

/**
 * Writes one graph's synapses. What many synapses repeat is made once per write: an action's
 * start tag (a resource's start waits for its probe on every node, and the probe has a synapse of
 * its own), the <attributes> of actions that differ only in their node (the graph shares one
 * template between them, encoded here once), and a resource's element.
 */
class SynapseWriter {
  /** An action's start tag without its end ("<rsc_op id=… operation=…"), by graph id. */
  private readonly tags: ({ start: string; element: GraphAction['element'] } | undefined)[] = [];
  private readonly templates = new Map<AttributeTemplate, EncodedTemplate>();
  /** A resource's element, after the end of its actions' start tags (">\n        <primitive …/>\n"). */
  private readonly resourceLines = new Map<NonNullable<GraphElementDetails['resource']>, Buffer>();
  constructor(
    private readonly graph: TransitionGraph,
    private readonly out: Utf8Writer,
  ) {}

  synapse(s: Synapse): void {
    const out = this.out;
    out.bytes(SYNAPSE_OPEN);
    out.text(s.priority > 0 ? `${s.id}" priority="${s.priority}"` : `${s.id}"`);
    out.bytes(ACTION_SET_OPEN);
    const ends = ACTION_ENDS[this.action(s.action)];
    if (s.inputs.length === 0) {
      out.bytes(ends.noInputs);
      return;
    }
    out.bytes(ends.inputs);
    out.bytes(TRIGGER_FIRST);
    for (let i = 0; i < s.inputs.length; i++) {
      if (i > 0) out.bytes(TRIGGER_NEXT);
      out.text(this.tag(s.inputs[i]!).start);
    }
    out.bytes(TRIGGER_LAST);
  }

  /** Writes the action up to its end tag; returns its element. */
  private action(action: Action): GraphAction['element'] {
    const out = this.out;
    const d = this.graph.elementDetails(action);
    const tag = this.tag(action);
    out.text(tag.start);
    if (d.elementAttrs) out.text(attrs(d.elementAttrs));
    out.bytes(d.resource ? this.resourceLine(d.resource) : TAG_END);
    this.attributes(action);
    if (d.downed) {
      let s = '        <downed>\n';
      for (const id of d.downed) s += `          <node id="${esc(id)}"/>\n`;
      out.text(`${s}        </downed>\n`);
    }
    return tag.element;
  }

  private tag(action: Action): { start: string; element: GraphAction['element'] } {
    const id = action.id;
    // graph ids are dense: the list grows to the largest id seen, without holes (a list with
    // holes would turn into a slow dictionary)
    while (this.tags.length <= id) this.tags.push(undefined);
    let tag = this.tags[id];
    if (tag === undefined) {
      const a = this.graph.form(action);
      tag = { start: `<${a.element}${attrs(a.attrs)}`, element: a.element };
      this.tags[id] = tag;
    }
    return tag;
  }

  private attributes(action: Action): void {
    const template = this.graph.attributeTemplate(action);
    let encoded = this.templates.get(template);
    if (encoded === undefined) {
      encoded = encodeTemplate(template);
      this.templates.set(template, encoded);
    }
    const { parts, fields } = encoded;
    this.out.bytes(parts[0]!);
    for (let i = 0; i < fields.length; i++) {
      this.out.text(esc(action.node![fields[i]!]));
      this.out.bytes(parts[i + 1]!);
    }
  }

  private resourceLine(resource: NonNullable<GraphElementDetails['resource']>): Buffer {
    let line = this.resourceLines.get(resource);
    if (line === undefined) {
      line = Buffer.from(`>\n        <${resource[0]}${attrs(resource[1])}/>\n`);
      this.resourceLines.set(resource, line);
    }
    return line;
  }
}

/**
 * Writes the graph as UTF-8 XML, a chunk at a time, to `sink` (--save-graph streams it to the
 * file: at 64 nodes and 10,000 unprobed resources the graph is hundreds of megabytes).
 */
export function writeGraphXml(graph: TransitionGraph, sink: (chunk: Buffer) => void): void {
  const out = new Utf8Writer(sink);
  const head = `<transition_graph${attrs(graph.attrs)}`;
  if (graph.synapses.length === 0) {
    out.text(`${head}/>\n`);
  } else {
    out.text(`${head}>\n`);
    const writer = new SynapseWriter(graph, out);
    for (const s of graph.synapses) writer.synapse(s);
    out.text('</transition_graph>\n');
  }
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
