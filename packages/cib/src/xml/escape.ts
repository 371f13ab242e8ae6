// Entity handling. Only the five predefined entities and character references exist in a CIB:
// Pacemaker's schemas have no DTD, so no other entity can be declared.

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/**
 * Decodes entity and character references. Returns undefined for an unknown or malformed
 * reference, with the offset of the `&` in `bad`, so the parser can report where it is.
 */
export function decodeReferences(raw: string, bad?: { at: number }): string | undefined {
  let amp = raw.indexOf('&');
  if (amp < 0) return raw;
  let out = '';
  let from = 0;
  while (amp >= 0) {
    const semi = raw.indexOf(';', amp + 1);
    if (semi < 0) {
      if (bad) bad.at = amp;
      return undefined;
    }
    const name = raw.slice(amp + 1, semi);
    let ch: string | undefined;
    if (name.charCodeAt(0) === 35 /* # */) {
      const code = name[1] === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      const digits = name[1] === 'x' ? name.slice(2) : name.slice(1);
      if (digits.length > 0 && /^[0-9a-fA-F]+$/.test(digits) && Number.isFinite(code) && code > 0 && code <= 0x10ffff) {
        ch = String.fromCodePoint(code);
      }
    } else {
      ch = NAMED[name];
    }
    if (ch === undefined) {
      if (bad) bad.at = amp;
      return undefined;
    }
    out += raw.slice(from, amp) + ch;
    from = semi + 1;
    amp = raw.indexOf('&', from);
  }
  return out + raw.slice(from);
}

/** Text content: references decoded. Malformed references are left as they are. */
export function unescapeText(raw: string): string {
  return decodeReferences(raw) ?? raw;
}

/**
 * Attribute value as an XML processor reports it: references decoded and literal tab, newline
 * and carriage return normalised to spaces (XML 1.0 §3.3.3); escaped ones (`&#10;`) survive.
 */
export function unescapeAttribute(raw: string, bad?: { at: number }): string | undefined {
  const normalised = /[\t\n\r]/.test(raw) ? raw.replace(/\r\n|[\t\n\r]/g, ' ') : raw;
  return decodeReferences(normalised, bad);
}

const ATTR_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  '\n': '&#10;',
  '\t': '&#9;',
  '\r': '&#13;',
};

/** Escapes a value for a double-quoted attribute. */
export function escapeAttribute(value: string): string {
  return /[&<>"\n\t\r]/.test(value) ? value.replace(/[&<>"\n\t\r]/g, (c) => ATTR_ESCAPES[c]!) : value;
}

/**
 * The attributes of a start tag that the parser has already checked (`<name a="1" b='2'`),
 * as a flat list of names and decoded values.
 */
export function attributesOfStartTag(tag: string): string[] {
  const out: string[] = [];
  const n = tag.length;
  let i = 1;
  while (i < n && !isTagSpace(tag.charCodeAt(i))) i++; // element name
  for (;;) {
    while (i < n && isTagSpace(tag.charCodeAt(i))) i++;
    if (i >= n) return out;
    const eq = tag.indexOf('=', i);
    if (eq < 0) return out;
    const name = tag.slice(i, eq).trimEnd();
    let q = eq + 1;
    while (q < n && isTagSpace(tag.charCodeAt(q))) q++;
    const quote = tag[q];
    const close = tag.indexOf(quote === "'" ? "'" : '"', q + 1);
    if (close < 0) return out;
    const raw = tag.slice(q + 1, close);
    out.push(name, isPlainValue(raw) ? raw : (unescapeAttribute(raw) ?? raw));
    i = close + 1;
  }
}

/** Whether an attribute value reads as written: no reference and no white space to normalise. */
function isPlainValue(raw: string): boolean {
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 38 || c === 9 || c === 10 || c === 13) return false;
  }
  return true;
}

function isTagSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13;
}
