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

const SYNAPSE_OPEN = Buffer.from('  <synapse id="');
const ACTION_SET_OPEN = Buffer.from('>\n    <action_set>\n      ');
const TAG_END = Buffer.from('>\n');
const ACTION_SET_CLOSE = Buffer.from('    </action_set>\n');
const NO_INPUTS = Buffer.from('    <inputs/>\n');
const INPUTS_OPEN = Buffer.from('    <inputs>\n');
const INPUTS_CLOSE = Buffer.from('    </inputs>\n');
const TRIGGER_OPEN = Buffer.from('      <trigger>\n        ');
const TRIGGER_CLOSE = Buffer.from('/>\n      </trigger>\n');
const SYNAPSE_CLOSE = Buffer.from('  </synapse>\n');

const ACTION_ENDS: Record<GraphAction['element'], Buffer> = {
  rsc_op: Buffer.from('      </rsc_op>\n'),
  pseudo_event: Buffer.from('      </pseudo_event>\n'),
  crm_event: Buffer.from('      </crm_event>\n'),
};

/**
 * Writes one graph's synapses. What many synapses repeat is made once per write: an action's
 * start tag (a resource's start waits for its probe on every node, and the probe has a synapse of
 * its own), the <attributes> of actions that differ only in their node (the graph shares one
 * template between them, encoded here once), and a resource's element.
 */
class SynapseWriter {
  /** An action's start tag without its end ("<rsc_op id=… operation=…") and its end tag. */
  private readonly tags = new Map<Action, { start: string; end: Buffer }>();
  private readonly templates = new Map<AttributeTemplate, EncodedTemplate>();
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
    this.action(s.action);
    out.bytes(ACTION_SET_CLOSE);
    if (s.inputs.length === 0) {
      out.bytes(NO_INPUTS);
    } else {
      out.bytes(INPUTS_OPEN);
      for (const input of s.inputs) {
        out.bytes(TRIGGER_OPEN);
        out.text(this.tag(input).start);
        out.bytes(TRIGGER_CLOSE);
      }
      out.bytes(INPUTS_CLOSE);
    }
    out.bytes(SYNAPSE_CLOSE);
  }

  private action(action: Action): void {
    const out = this.out;
    const d = this.graph.elementDetails(action);
    const tag = this.tag(action);
    out.text(tag.start);
    if (d.elementAttrs) out.text(attrs(d.elementAttrs));
    out.bytes(TAG_END);
    if (d.resource) out.bytes(this.resourceLine(d.resource));
    this.attributes(action);
    if (d.downed) {
      let s = '        <downed>\n';
      for (const id of d.downed) s += `          <node id="${esc(id)}"/>\n`;
      out.text(`${s}        </downed>\n`);
    }
    out.bytes(tag.end);
  }

  private tag(action: Action): { start: string; end: Buffer } {
    let tag = this.tags.get(action);
    if (tag === undefined) {
      const a = this.graph.form(action);
      tag = { start: `<${a.element}${attrs(a.attrs)}`, end: ACTION_ENDS[a.element] };
      this.tags.set(action, tag);
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
      line = Buffer.from(`        <${resource[0]}${attrs(resource[1])}/>\n`);
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
