// Edits that keep the document readable: a new element is put on its own line with the
// indentation its siblings have, and a removed element takes its line with it. A document written
// on one line (no whitespace between elements) stays on one line.

import { XmlElement, XmlText, type XmlComment, type XmlNode } from './tree.js';

const UNIT = '  ';

/** The indentation of an element's line, or undefined when it does not start a line. */
function lineIndent(el: XmlElement): string | undefined {
  const parent = el.parent;
  if (!parent) return '';
  const i = parent.children.indexOf(el);
  const prev = parent.children[i - 1];
  if (prev?.kind !== 'text') return undefined;
  const nl = prev.raw.lastIndexOf('\n');
  if (nl < 0) return undefined;
  const tail = prev.raw.slice(nl + 1);
  return /^[ \t]*$/.test(tail) ? tail : undefined;
}

/** Indentation for children of `parent`, or undefined when the parent is laid out compactly. */
function childIndent(parent: XmlElement): string | undefined {
  const firstChild = parent.first();
  if (firstChild) return lineIndent(firstChild);
  const own = lineIndent(parent);
  return own === undefined ? undefined : own + UNIT;
}

/** Puts whitespace into a freshly built subtree so that it prints as an indented block. */
function layOut(el: XmlElement, indent: string): void {
  if (el.children.length === 0) return;
  if (el.children.some((c) => c.kind !== 'element' && c.kind !== 'comment')) return; // mixed or already laid out
  const inner = indent + UNIT;
  const laid: XmlNode[] = [];
  for (const c of el.children as (XmlElement | XmlComment)[]) {
    laid.push(new XmlText('\n' + inner), c);
    if (c.kind === 'element') layOut(c, inner);
  }
  laid.push(new XmlText('\n' + indent));
  el.children = laid;
}

/**
 * Inserts `child` into `parent` before the element `before` (appends when it is undefined).
 * Returns the child.
 */
export function insertElement(parent: XmlElement, child: XmlElement, before?: XmlElement): XmlElement {
  if (child.parent) removeElement(child);
  child.parent = parent;
  insertNode(parent, child, before);
  return child;
}

/**
 * Inserts an element or a comment on its own line before the node `before` (appends when it is
 * undefined or not a child of `parent`). The caller has detached the node from any old parent.
 * A new element's subtree is laid out to match; `keepLayout` leaves a moved one as it is.
 */
export function insertNode(parent: XmlElement, child: XmlElement | XmlComment, before?: XmlNode, keepLayout = false): void {
  if (child.kind === 'element') child.parent = parent;
  const indent = childIndent(parent);
  const kids = parent.children;
  const at = before ? kids.indexOf(before) : -1;
  if (indent === undefined) {
    if (at < 0) kids.push(child);
    else kids.splice(at, 0, child);
    return;
  }
  if (child.kind === 'element' && !keepLayout) layOut(child, indent);
  if (at >= 0) {
    // [ws] before  →  [ws] child [ws'] before
    kids.splice(at, 0, child, new XmlText('\n' + indent));
    return;
  }
  if (kids.length === 0 || kids.every((c) => c.kind === 'text' && c.isWhitespace)) {
    const closing = lineIndent(parent) ?? '';
    parent.children = [new XmlText('\n' + indent), child, new XmlText('\n' + closing)];
    return;
  }
  // after the last node that is not trailing whitespace
  let end = kids.length;
  while (end > 0) {
    const k = kids[end - 1]!;
    if (k.kind === 'text' && k.isWhitespace) end--;
    else break;
  }
  kids.splice(end, 0, new XmlText('\n' + indent), child);
}

/** Appends a new element built from a name and attributes; returns it. */
export function appendNew(parent: XmlElement, name: string, attributes: Record<string, string | undefined> = {}): XmlElement {
  return insertElement(parent, XmlElement.create(name, attributes));
}

/** Removes an element together with the whitespace that put it on its own line. */
export function removeElement(el: XmlElement): void {
  const parent = el.parent;
  if (!parent) return;
  removeNode(parent, el);
}

/** Removes a child node (element, comment, …) of `parent` with the whitespace before it. */
export function removeNode(parent: XmlElement, node: XmlNode): void {
  const kids = parent.children;
  const i = kids.indexOf(node);
  if (i < 0) return;
  const prev = kids[i - 1];
  if (prev?.kind === 'text' && prev.isWhitespace && prev.raw.includes('\n')) kids.splice(i - 1, 2);
  else kids.splice(i, 1);
  if (node.kind === 'element') node.parent = null;
  if (kids.every((c) => c.kind === 'text' && c.isWhitespace)) parent.children = [];
}

/** Replaces `old` with `replacement` in place (same position, same surrounding whitespace). */
export function replaceElement(old: XmlElement, replacement: XmlElement): void {
  const parent = old.parent;
  if (!parent) throw new Error('cannot replace an element that has no parent');
  const i = parent.children.indexOf(old);
  if (replacement.parent) removeElement(replacement);
  parent.children[i] = replacement;
  replacement.parent = parent;
  old.parent = null;
  const indent = lineIndent(replacement);
  if (indent !== undefined) layOut(replacement, indent);
}

/**
 * Drops the whitespace between the elements of a subtree (where there is no other text), so
 * that inserting or replacing it lays it out to fit its new place.
 */
export function dropLayout(el: XmlElement): void {
  if (el.children.some((c) => (c.kind === 'text' && !c.isWhitespace) || c.kind === 'cdata')) return;
  el.children = el.children.filter((c) => c.kind !== 'text');
  for (const c of el.children) if (c.kind === 'element') dropLayout(c);
}
