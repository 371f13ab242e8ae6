// The XML tree the CIB lives in. It keeps everything a faithful round trip needs: element and
// attribute order, comments, processing instructions, whitespace text, and the exact source text
// of every start tag that has not been edited since it was parsed.

import { attributesOfStartTag, escapeAttribute, unescapeText } from './escape.js';

export type XmlNode = XmlElement | XmlText | XmlComment | XmlCData | XmlProcessingInstruction | XmlDoctype;

export class XmlText {
  readonly kind = 'text' as const;
  /** Source form, entities not decoded (what is written back). Text nodes are never edited in
   * place (the parser shares one node among identical whitespace runs): replace them instead. */
  readonly raw: string;
  constructor(raw: string) {
    this.raw = raw;
  }
  static fromValue(value: string): XmlText {
    return new XmlText(escapeText(value));
  }
  get value(): string {
    return unescapeText(this.raw);
  }
  get isWhitespace(): boolean {
    return /^[ \t\r\n]*$/.test(this.raw);
  }
}

export class XmlComment {
  readonly kind = 'comment' as const;
  constructor(public content: string) {}
}

export class XmlCData {
  readonly kind = 'cdata' as const;
  constructor(public content: string) {}
}

export class XmlProcessingInstruction {
  readonly kind = 'pi' as const;
  /** Everything between `<?` and `?>`, e.g. `xml version="1.0"`. */
  constructor(public content: string) {}
}

export class XmlDoctype {
  readonly kind = 'doctype' as const;
  /** Everything between `<!DOCTYPE` and the closing `>`. */
  constructor(public content: string) {}
}

/**
 * An element. Attributes are a flat list [name0, value0, name1, value1, …] of decoded values,
 * which keeps their order and is cheap for the few attributes CIB elements carry.
 */
export class XmlElement {
  readonly kind = 'element' as const;
  name: string;
  children: XmlNode[];
  /** Decoded attributes; read from rawStart on first use (most of a big status is never read). */
  private _attrs: string[] | undefined;
  parent: XmlElement | null = null;
  /**
   * The start tag as it was written in the source, from `<` up to (not including) the `>` or
   * `/>` that ends it. Dropped as soon as an attribute changes, so the tag is written anew.
   */
  rawStart: string | undefined;
  /** The end tag as written, when it was not the plain `</name>`. */
  rawEnd: string | undefined;

  /** `attrs` undefined means: read them from `rawStart` when asked. */
  constructor(name: string, attrs?: string[], children: XmlNode[] = [], rawStart?: string) {
    this.name = name;
    this._attrs = attrs ?? (rawStart === undefined ? [] : undefined);
    this.children = children;
    this.rawStart = rawStart;
    for (const c of children) if (c.kind === 'element') c.parent = this;
  }

  /** Attributes as a flat list [name0, value0, name1, value1, …] of decoded values. */
  get attrs(): string[] {
    return (this._attrs ??= attributesOfStartTag(this.rawStart ?? ''));
  }

  set attrs(list: string[]) {
    this._attrs = list;
    this.rawStart = undefined;
  }

  /** Builds an element from a record; attribute order is the record's key order. */
  static create(name: string, attributes: Record<string, string | undefined> = {}, children: XmlElement[] = []): XmlElement {
    const attrs: string[] = [];
    for (const [k, v] of Object.entries(attributes)) if (v !== undefined) attrs.push(k, v);
    return new XmlElement(name, attrs, children);
  }

  get id(): string | undefined {
    return this.get('id');
  }

  get(name: string): string | undefined {
    const a = this.attrs;
    for (let i = 0; i < a.length; i += 2) if (a[i] === name) return a[i + 1];
    return undefined;
  }

  has(name: string): boolean {
    return this.get(name) !== undefined;
  }

  /** Sets an attribute, keeping its position if it exists and appending it otherwise. */
  set(name: string, value: string): this {
    const a = this.attrs;
    for (let i = 0; i < a.length; i += 2) {
      if (a[i] === name) {
        if (a[i + 1] !== value) {
          a[i + 1] = value;
          this.rawStart = undefined;
        }
        return this;
      }
    }
    a.push(name, value);
    this.rawStart = undefined;
    return this;
  }

  /** Removes an attribute; returns whether it was there. */
  remove(name: string): boolean {
    const a = this.attrs;
    for (let i = 0; i < a.length; i += 2) {
      if (a[i] === name) {
        a.splice(i, 2);
        this.rawStart = undefined;
        return true;
      }
    }
    return false;
  }

  /** Attribute names in document order. */
  attributeNames(): string[] {
    const out: string[] = [];
    for (let i = 0; i < this.attrs.length; i += 2) out.push(this.attrs[i]!);
    return out;
  }

  /** Attributes as a record (insertion order = document order). */
  attributes(): Record<string, string> {
    const out: Record<string, string> = {};
    for (let i = 0; i < this.attrs.length; i += 2) out[this.attrs[i]!] = this.attrs[i + 1]!;
    return out;
  }

  /** Child elements, skipping text, comments and the like. */
  elements(name?: string): XmlElement[] {
    const out: XmlElement[] = [];
    for (const c of this.children) if (c.kind === 'element' && (name === undefined || c.name === name)) out.push(c);
    return out;
  }

  /** First child element, optionally with the given name. */
  first(name?: string): XmlElement | undefined {
    for (const c of this.children) if (c.kind === 'element' && (name === undefined || c.name === name)) return c;
    return undefined;
  }

  /** Depth of the element below the document (the root element is 0). */
  get depth(): number {
    let d = 0;
    for (let p = this.parent; p; p = p.parent) d++;
    return d;
  }

  /** Walks the element and every element below it, depth first, in document order. */
  *descendants(): Generator<XmlElement> {
    const stack: XmlElement[] = [this];
    while (stack.length) {
      const el = stack.pop()!;
      yield el;
      for (let i = el.children.length - 1; i >= 0; i--) {
        const c = el.children[i]!;
        if (c.kind === 'element') stack.push(c);
      }
    }
  }

  /** The text content of the element (decoded), concatenating text and CDATA children. */
  get textContent(): string {
    let s = '';
    for (const c of this.children) {
      if (c.kind === 'text') s += c.value;
      else if (c.kind === 'cdata') s += c.content;
      else if (c.kind === 'element') s += c.textContent;
    }
    return s;
  }

  /** A deep copy; the copy keeps the raw source forms and has no parent. */
  clone(): XmlElement {
    const copy = new XmlElement(
      this.name,
      this._attrs?.slice(),
      this.children.map((c) => cloneNode(c)),
      this.rawStart,
    );
    copy.rawEnd = this.rawEnd;
    return copy;
  }
}

export function cloneNode(node: XmlNode): XmlNode {
  switch (node.kind) {
    case 'element':
      return node.clone();
    case 'text':
      return new XmlText(node.raw);
    case 'comment':
      return new XmlComment(node.content);
    case 'cdata':
      return new XmlCData(node.content);
    case 'pi':
      return new XmlProcessingInstruction(node.content);
    case 'doctype':
      return new XmlDoctype(node.content);
  }
}

/** A whole document: what comes before and after the root element is kept too. */
export class XmlDocument {
  constructor(public children: XmlNode[]) {}

  get root(): XmlElement {
    for (const c of this.children) if (c.kind === 'element') return c;
    throw new Error('document has no root element');
  }

  set root(el: XmlElement) {
    const i = this.children.findIndex((c) => c.kind === 'element');
    el.parent = null;
    if (i < 0) this.children.push(el);
    else this.children[i] = el;
  }

  clone(): XmlDocument {
    return new XmlDocument(this.children.map((c) => cloneNode(c)));
  }
}

function escapeText(value: string): string {
  return value.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

export { escapeAttribute };
