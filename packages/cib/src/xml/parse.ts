// A non-validating XML 1.0 parser for CIB documents. Written for two things a general-purpose
// library did not give together: an exact round trip (every start tag's source text is kept, so an
// unedited document is written back byte for byte) and speed on 40 MB status sections. It checks
// well-formedness (tags balanced, attributes quoted and unique, references known) and reports
// errors with line and column. DTDs are kept verbatim but not interpreted.

import { CibError } from '../errors.js';
import { unescapeAttribute } from './escape.js';
import {
  XmlCData,
  XmlComment,
  XmlDoctype,
  XmlDocument,
  XmlElement,
  XmlProcessingInstruction,
  XmlText,
  type XmlNode,
} from './tree.js';

export interface ParseOptions {
  /** Named in error messages. */
  file?: string;
}

const LT = 60, GT = 62, SLASH = 47, EQ = 61, QUOT = 34, APOS = 39, BANG = 33, QMARK = 63;

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13;
}

function isNameStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 58 || c >= 0x80;
}

function isNameChar(c: number): boolean {
  return isNameStart(c) || (c >= 48 && c <= 57) || c === 45 || c === 46;
}

export function parseXml(text: string, options: ParseOptions = {}): XmlDocument {
  return new Parser(text, options.file).parse();
}

class Parser {
  private pos = 0;
  /** Offset of the next '&' at or after the current tag (references are rare: find each once). */
  private nextAmp = -1;
  /** Offset of the next '<' after the attribute being read (found once per tag, not per attribute). */
  private nextLt = -1;
  /** Start and end offsets of the attribute names of the tag being read (for duplicates). */
  private readonly nameSpans: number[] = [];
  /** Whitespace runs between elements repeat endlessly; one string each is enough. */
  private readonly whitespace = new Map<string, XmlText>();
  constructor(
    private readonly s: string,
    private readonly file: string | undefined,
  ) {}

  fail(at: number, detail: string): never {
    let line = 1;
    let lineStart = 0;
    for (let i = s_indexOf(this.s, '\n', 0, at); i >= 0 && i < at; i = s_indexOf(this.s, '\n', i + 1, at)) {
      line++;
      lineStart = i + 1;
    }
    const problem = { code: 'XML_SYNTAX' as const, detail, line, column: at - lineStart + 1 };
    throw new CibError(this.file ? { ...problem, file: this.file } : problem);
  }

  parse(): XmlDocument {
    const s = this.s;
    const top: XmlNode[] = [];
    const stack: XmlElement[] = [];
    let sawRoot = false;
    const n = s.length;
    while (this.pos < n) {
      const lt = s.indexOf('<', this.pos);
      const textEnd = lt < 0 ? n : lt;
      if (textEnd > this.pos) {
        const raw = s.slice(this.pos, textEnd);
        const parent = stack[stack.length - 1];
        if (parent) {
          parent.children.push(this.textNode(raw));
        } else {
          if (!/^[\s\uFEFF]*$/.test(raw)) this.fail(this.pos + raw.search(/[^\s\uFEFF]/), 'text outside the root element');
          top.push(new XmlText(raw));
        }
        if (raw.indexOf('&') >= 0 && parent) this.checkReferences(raw, this.pos);
      }
      if (lt < 0) break;
      this.pos = lt;
      const c = s.charCodeAt(lt + 1);
      let node: XmlNode | undefined;
      if (c === SLASH) {
        const open = stack.pop();
        const end = s.indexOf('>', lt);
        if (end < 0) this.fail(lt, 'unterminated end tag');
        const name = s.slice(lt + 2, end).trimEnd();
        if (!open) this.fail(lt, `end tag </${name}> without a start tag`);
        if (name !== open.name) this.fail(lt, `end tag </${name}> does not match <${open.name}>`);
        // Keep the end tag's own form when it is unusual, or when it closes an empty element
        // (so `<x></x>` is not written back as `<x/>`).
        if (end !== lt + 2 + name.length || open.children.length === 0) open.rawEnd = s.slice(lt, end + 1);
        this.pos = end + 1;
        continue;
      } else if (c === BANG) {
        node = this.parseBang(lt, stack.length === 0);
      } else if (c === QMARK) {
        const end = s.indexOf('?>', lt + 2);
        if (end < 0) this.fail(lt, 'unterminated processing instruction');
        node = new XmlProcessingInstruction(s.slice(lt + 2, end));
        this.pos = end + 2;
      } else {
        const el = this.parseStartTag(lt);
        const parent = stack[stack.length - 1];
        if (parent) {
          el.parent = parent;
          parent.children.push(el);
        } else {
          if (sawRoot) this.fail(lt, `a second root element <${el.name}>`);
          sawRoot = true;
          top.push(el);
        }
        if (s.charCodeAt(this.pos - 2) !== SLASH) stack.push(el);
        continue;
      }
      const parent = stack[stack.length - 1];
      if (parent) parent.children.push(node);
      else top.push(node);
    }
    if (stack.length) this.fail(n, `missing end tag for <${stack[stack.length - 1]!.name}>`);
    if (!sawRoot) this.fail(n, 'no root element');
    return new XmlDocument(top);
  }

  private textNode(raw: string): XmlText {
    if (raw.length > 80 || !/^[ \t\r\n]*$/.test(raw)) return new XmlText(raw);
    let t = this.whitespace.get(raw);
    if (!t) this.whitespace.set(raw, (t = new XmlText(raw)));
    return t;
  }

  private parseBang(lt: number, atTop: boolean): XmlNode {
    const s = this.s;
    if (s.startsWith('<!--', lt)) {
      const end = s.indexOf('-->', lt + 4);
      if (end < 0) this.fail(lt, 'unterminated comment');
      this.pos = end + 3;
      return new XmlComment(s.slice(lt + 4, end));
    }
    if (s.startsWith('<![CDATA[', lt)) {
      if (atTop) this.fail(lt, 'CDATA section outside the root element');
      const end = s.indexOf(']]>', lt + 9);
      if (end < 0) this.fail(lt, 'unterminated CDATA section');
      this.pos = end + 3;
      return new XmlCData(s.slice(lt + 9, end));
    }
    if (s.startsWith('<!DOCTYPE', lt) && atTop) {
      let i = lt + 9;
      let depth = 0;
      for (; i < s.length; i++) {
        const ch = s.charCodeAt(i);
        if (ch === 91 /* [ */) depth++;
        else if (ch === 93 /* ] */) depth--;
        else if (ch === GT && depth === 0) break;
      }
      if (i >= s.length) this.fail(lt, 'unterminated DOCTYPE');
      this.pos = i + 1;
      return new XmlDoctype(s.slice(lt + 9, i));
    }
    return this.fail(lt, "unexpected '<!'");
  }

  /**
   * Checks a start tag and makes its element. Attribute values are not decoded here: the element
   * reads them from its source text when first asked (see XmlElement.attrs).
   */
  private parseStartTag(lt: number): XmlElement {
    const s = this.s;
    let i = lt + 1;
    if (!isNameStart(s.charCodeAt(i))) this.fail(i, "'<' not followed by an element name");
    while (i < s.length && isNameChar(s.charCodeAt(i))) i++;
    const name = s.slice(lt + 1, i);
    const names = this.nameSpans;
    names.length = 0;
    for (;;) {
      const before = i;
      while (i < s.length && isSpace(s.charCodeAt(i))) i++;
      const c = s.charCodeAt(i);
      if (c === GT) {
        this.pos = i + 1;
        break;
      }
      if (c === SLASH) {
        if (s.charCodeAt(i + 1) !== GT) this.fail(i, `expected '/>' in <${name}>`);
        this.pos = i + 2;
        break;
      }
      if (i >= s.length) this.fail(lt, `unterminated start tag <${name}>`);
      if (i === before) this.fail(i, `expected white space before an attribute in <${name}>`);
      if (!isNameStart(c)) this.fail(i, `unexpected character '${s[i]}' in <${name}>`);
      const nameStart = i;
      while (i < s.length && isNameChar(s.charCodeAt(i))) i++;
      const nameEnd = i;
      for (let k = 0; k < names.length; k += 2) {
        if (sameSpan(s, names[k]!, names[k + 1]!, nameStart, nameEnd)) {
          this.fail(nameStart, `duplicate attribute '${s.slice(nameStart, nameEnd)}' in <${name}>`);
        }
      }
      names.push(nameStart, nameEnd);
      while (i < s.length && isSpace(s.charCodeAt(i))) i++;
      if (s.charCodeAt(i) !== EQ) this.fail(i, `attribute '${s.slice(nameStart, nameEnd)}' of <${name}> has no value`);
      i++;
      while (i < s.length && isSpace(s.charCodeAt(i))) i++;
      const q = s.charCodeAt(i);
      if (q !== QUOT && q !== APOS) this.fail(i, `value of attribute '${s.slice(nameStart, nameEnd)}' of <${name}> is not quoted`);
      const close = s.indexOf(q === QUOT ? '"' : "'", i + 1);
      if (close < 0) this.fail(i, `unterminated value of attribute '${s.slice(nameStart, nameEnd)}' of <${name}>`);
      if (this.nextLt <= i) this.nextLt = indexOrEnd(s, '<', i + 1);
      const lt2 = this.nextLt;
      if (lt2 < close) this.fail(lt2, `'<' in the value of attribute '${s.slice(nameStart, nameEnd)}'`);
      if (this.nextAmp <= i) this.nextAmp = indexOrEnd(s, '&', i + 1);
      const amp = this.nextAmp;
      if (amp < close) {
        const bad = { at: 0 };
        if (unescapeAttribute(s.slice(i + 1, close), bad) === undefined) {
          this.fail(i + 1 + bad.at, `unknown or malformed reference in attribute '${s.slice(nameStart, nameEnd)}'`);
        }
      }
      i = close + 1;
    }
    const terminator = s.charCodeAt(this.pos - 2) === SLASH ? 2 : 1;
    return new XmlElement(name, undefined, [], s.slice(lt, this.pos - terminator));
  }

  private checkReferences(raw: string, at: number): void {
    let amp = raw.indexOf('&');
    while (amp >= 0) {
      const m = /^&(#[0-9]+|#x[0-9a-fA-F]+|amp|lt|gt|quot|apos);/.exec(raw.slice(amp, amp + 12));
      if (!m) this.fail(at + amp, 'unknown or malformed reference in text');
      amp = raw.indexOf('&', amp + 1);
    }
  }
}

function indexOrEnd(s: string, needle: string, from: number): number {
  const i = s.indexOf(needle, from);
  return i < 0 ? s.length : i;
}

function sameSpan(s: string, a0: number, a1: number, b0: number, b1: number): boolean {
  if (a1 - a0 !== b1 - b0) return false;
  for (let k = 0; k < a1 - a0; k++) if (s.charCodeAt(a0 + k) !== s.charCodeAt(b0 + k)) return false;
  return true;
}

function s_indexOf(s: string, needle: string, from: number, limit: number): number {
  const i = s.indexOf(needle, from);
  return i >= limit ? -1 : i;
}
