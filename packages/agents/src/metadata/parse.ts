// Reads agent meta-data XML. Meta-data is only read, never written back, so the general-purpose
// fast-xml-parser serves (order-preserving mode keeps parameters and actions in their order).

import { XMLParser } from 'fast-xml-parser';
import type { AgentAction, AgentMetadata, AgentParameter } from './model.js';

type Node = Record<string, unknown> & { ':@'?: Record<string, string> };

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: true,
});

export class MetadataError extends Error {
  readonly code = 'AGENT_METADATA_INVALID';
}

function tagOf(n: Node): string | undefined {
  return Object.keys(n).find((k) => k !== ':@');
}

function children(n: Node): Node[] {
  const t = tagOf(n);
  return t ? ((n[t] as Node[]) ?? []) : [];
}

function attrs(n: Node): Record<string, string> {
  return n[':@'] ?? {};
}

function find(list: Node[], tag: string): Node | undefined {
  return list.find((c) => tagOf(c) === tag);
}

function findAll(list: Node[], tag: string): Node[] {
  return list.filter((c) => tagOf(c) === tag);
}

function text(n: Node | undefined): string {
  if (!n) return '';
  let s = '';
  for (const c of children(n)) {
    if ('#text' in c) s += String(c['#text']);
    else s += text(c);
  }
  return s;
}

/** Text of the English (or first) description among several lang variants. */
function description(list: Node[], tag: string): string {
  const all = findAll(list, tag);
  const en = all.find((n) => (attrs(n)['lang'] ?? 'en') === 'en') ?? all[0];
  return text(en).trim();
}

function bool(v: string | undefined): boolean {
  return v === '1' || v === 'true' || v === 'yes';
}

export function parseMetadata(xml: string): AgentMetadata {
  let doc: Node[];
  try {
    doc = parser.parse(xml) as Node[];
  } catch (e) {
    throw new MetadataError(`meta-data is not well-formed XML: ${e instanceof Error ? e.message : String(e)}`);
  }
  const root = find(doc, 'resource-agent');
  if (!root) throw new MetadataError('meta-data has no <resource-agent> element');
  const top = children(root);
  const parameters: AgentParameter[] = [];
  for (const p of findAll(children(find(top, 'parameters') ?? {}), 'parameter')) {
    const a = attrs(p);
    const kids = children(p);
    const content = find(kids, 'content');
    const ca = content ? attrs(content) : {};
    const deprecated = find(kids, 'deprecated');
    parameters.push({
      name: a['name'] ?? '',
      required: bool(a['required']),
      unique: bool(a['unique']),
      uniqueGroup: a['unique-group'],
      reloadable: bool(a['reloadable']),
      type: ca['type'] ?? 'string',
      default: ca['default'],
      options: content ? findAll(children(content), 'option').map((o) => attrs(o)['value'] ?? '') : [],
      shortdesc: description(kids, 'shortdesc'),
      longdesc: description(kids, 'longdesc'),
      deprecated: deprecated !== undefined || bool(a['deprecated']),
      replacedWith: deprecated ? findAll(children(deprecated), 'replaced-with').map((r) => attrs(r)['name'] ?? '') : [],
      obsoletes: a['obsoletes'],
      advanced: bool(a['advanced']),
    });
  }
  const actions: AgentAction[] = findAll(children(find(top, 'actions') ?? {}), 'action').map((n) => {
    const a = attrs(n);
    return {
      name: a['name'] ?? '',
      timeout: a['timeout'],
      interval: a['interval'],
      role: a['role'],
      depth: a['depth'],
      startDelay: a['start-delay'],
      attributes: Object.entries(a),
    };
  });
  const ra = attrs(root);
  return {
    name: ra['name'] ?? '',
    agentVersion: ra['version'],
    ocfVersion: text(find(top, 'version')).trim() || undefined,
    // Fence agents give their short description as an attribute of <resource-agent>.
    shortdesc: description(top, 'shortdesc') || (ra['shortdesc'] ?? '').trim(),
    longdesc: description(top, 'longdesc'),
    parameters,
    actions,
  };
}
