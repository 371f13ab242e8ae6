// Content equality of XML subtrees: what Pacemaker considers "the same CIB". Layout (whitespace
// between elements) and attribute order do not count; names, attribute values, comments, text
// and the order of children do.

import type { XmlElement, XmlNode } from './tree.js';

/** The children that carry content: elements, comments, CDATA and non-whitespace text. */
export function significantChildren(el: XmlElement): XmlNode[] {
  const out: XmlNode[] = [];
  for (const c of el.children) {
    if (c.kind === 'text' && c.isWhitespace) continue;
    if (c.kind === 'pi' || c.kind === 'doctype') continue;
    out.push(c);
  }
  return out;
}

/** Same attribute names with the same values, in any order. */
export function sameAttributes(a: XmlElement, b: XmlElement, ignore?: ReadonlySet<string>): boolean {
  // Unedited tags read from identical source text are equal without decoding them.
  if (!ignore && a.rawStart !== undefined && a.rawStart === b.rawStart) return true;
  const x = a.attrs;
  const y = b.attrs;
  let count = 0;
  for (let i = 0; i < x.length; i += 2) {
    const name = x[i]!;
    if (ignore?.has(name)) continue;
    if (b.get(name) !== x[i + 1]) return false;
    count++;
  }
  let other = 0;
  for (let i = 0; i < y.length; i += 2) if (!ignore?.has(y[i]!)) other++;
  return count === other;
}

export function sameNode(a: XmlNode, b: XmlNode): boolean {
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case 'element':
      return sameElement(a, b as XmlElement);
    case 'text':
      return a.value === (b as typeof a).value;
    case 'comment':
    case 'cdata':
    case 'pi':
    case 'doctype':
      return a.content === (b as typeof a).content;
  }
}

/** Do two elements hold the same content (see the file comment)? */
export function sameElement(a: XmlElement, b: XmlElement, ignoreAttributes?: ReadonlySet<string>): boolean {
  if (a === b) return true;
  if (a.name !== b.name || !sameAttributes(a, b, ignoreAttributes)) return false;
  const x = significantChildren(a);
  const y = significantChildren(b);
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) if (!sameNode(x[i]!, y[i]!)) return false;
  return true;
}
