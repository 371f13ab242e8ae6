// Writes the tree back. Unedited start tags come out exactly as they were read; edited or new
// ones are written in Pacemaker's style: double quotes, attributes in order, `<x/>` when empty.

import { escapeAttribute } from './escape.js';
import { XmlDocument, type XmlElement, type XmlNode } from './tree.js';

export function serializeXml(doc: XmlDocument | XmlElement): string {
  const out: string[] = [];
  if (doc instanceof XmlDocument) for (const c of doc.children) writeNode(c, out);
  else writeElement(doc, out);

  return out.join('');
}

/** The start tag of an element without its terminator (`>` or `/>`). */
export function startTag(el: XmlElement): string {
  if (el.rawStart !== undefined) return el.rawStart;
  let s = '<' + el.name;
  const a = el.attrs;
  for (let i = 0; i < a.length; i += 2) s += ' ' + a[i] + '="' + escapeAttribute(a[i + 1]!) + '"';
  return s;
}

function writeNode(node: XmlNode, out: string[]): void {
  switch (node.kind) {
    case 'element':
      writeElement(node, out);
      return;
    case 'text':
      out.push(node.raw);
      return;
    case 'comment':
      out.push('<!--', node.content, '-->');
      return;
    case 'cdata':
      out.push('<![CDATA[', node.content, ']]>');
      return;
    case 'pi':
      out.push('<?', node.content, '?>');
      return;
    case 'doctype':
      out.push('<!DOCTYPE', node.content, '>');
      return;
  }
}

function writeElement(el: XmlElement, out: string[]): void {
  const start = startTag(el);
  if (el.children.length === 0) {
    if (el.rawEnd === undefined) out.push(start, '/>');
    else out.push(start, '>', el.rawEnd);
    return;
  }
  out.push(start, '>');
  for (const c of el.children) writeNode(c, out);
  out.push(el.rawEnd ?? '</' + el.name + '>');
}
