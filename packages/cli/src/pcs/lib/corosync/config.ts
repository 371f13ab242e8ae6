// corosync.conf as a tree of sections holding ordered `name: value` attributes. The parser
// follows corosync's own reading rules (one item per line, `#` comments, `name {` opens a
// section, `}` closes it); the writer lays the file out as pcs does (four-space indent, a blank
// line between attributes and sections and between sibling sections), since tools and people
// diff the files pcs writes.

export class Section {
  readonly name: string;
  parent: Section | undefined;
  attributes: [string, string][] = [];
  sections: Section[] = [];

  constructor(name: string) {
    this.name = name;
  }

  get empty(): boolean {
    return this.attributes.length === 0 && this.sections.length === 0;
  }

  sectionsNamed(name?: string): Section[] {
    return this.sections.filter((s) => name === undefined || s.name === name);
  }

  attributesNamed(name?: string): [string, string][] {
    return this.attributes.filter(([n]) => name === undefined || n === name);
  }

  /** The value corosync uses: the last one given. */
  value(name: string): string | undefined {
    let found: string | undefined;
    for (const [n, v] of this.attributes) if (n === name) found = v;
    return found;
  }

  add(name: string, value: string): this {
    this.attributes.push([name, value]);
    return this;
  }

  /** Sets the first attribute of that name in place (dropping later ones), or appends it. */
  set(name: string, value: string): this {
    let found = false;
    this.attributes = this.attributes.flatMap(([n, v]): [string, string][] => {
      if (n !== name) return [[n, v]];
      if (found) return [];
      found = true;
      return [[name, value]];
    });
    if (!found) this.add(name, value);
    return this;
  }

  delete(name: string): this {
    this.attributes = this.attributes.filter(([n]) => n !== name);
    return this;
  }

  addSection(section: Section): this {
    section.parent?.deleteSection(section);
    section.parent = this;
    this.sections.push(section);
    return this;
  }

  deleteSection(section: Section): this {
    this.sections = this.sections.filter((s) => s !== section);
    section.parent = undefined;
    return this;
  }

  /** The section's text; the root section has no braces of its own. */
  export(indent = '    '): string {
    let lines = this.attributes.map(([n, v]) => `${n}: ${v}`);
    if (this.attributes.length && this.sections.length) lines.push('');
    this.sections.forEach((s, i) => {
      const text = s.export(indent).split('\n');
      if (text.length && !text[text.length - 1]!.trim()) text.pop();
      lines.push(...text);
      if (i < this.sections.length - 1) lines.push('');
    });
    if (this.parent) lines = [`${this.name} {`, ...lines.map((l) => (l ? indent + l : l)), '}'];
    const text = lines.join('\n');
    return text ? text + '\n' : '';
  }
}

export type CorosyncParseProblem =
  | 'missing-closing-brace'
  | 'unexpected-closing-brace'
  | 'missing-section-name'
  | 'text-after-opening-brace'
  | 'text-around-closing-brace'
  | 'not-section-nor-key-value';

export class CorosyncParseError extends Error {
  constructor(
    readonly problem: CorosyncParseProblem,
    readonly line: number,
  ) {
    super(problem);
  }
}

export function parseCorosyncConf(text: string): Section {
  const root = new Section('');
  const lines = text.split('\n');
  let current = root;
  lines.forEach((raw, i) => {
    const line = raw.trim();
    const at = i + 1;
    if (!line || line.startsWith('#')) return;
    if (line.includes('{')) {
      const brace = line.lastIndexOf('{');
      if (line.slice(brace + 1).trim()) throw new CorosyncParseError('text-after-opening-brace', at);
      const name = line.slice(0, brace).trim();
      if (!name) throw new CorosyncParseError('missing-section-name', at);
      const section = new Section(name);
      current.addSection(section);
      current = section;
    } else if (line.includes('}')) {
      if (line !== '}') throw new CorosyncParseError('text-around-closing-brace', at);
      if (!current.parent) throw new CorosyncParseError('unexpected-closing-brace', at);
      current = current.parent;
    } else if (line.includes(':')) {
      const colon = line.indexOf(':');
      current.add(line.slice(0, colon).trim(), line.slice(colon + 1).trim());
    } else {
      throw new CorosyncParseError('not-section-nor-key-value', at);
    }
  });
  if (current !== root) throw new CorosyncParseError('missing-closing-brace', lines.length);
  return root;
}
