import { describe, expect, it } from 'vitest';
import { CibError, parseXml, serializeXml, insertElement, removeElement, XmlElement } from '../src/index.js';

describe('XML parser', () => {
  it('reads attributes in order with entities decoded, and writes unedited tags back as they were', () => {
    const text = `<a x='1'  y="&quot;q&quot; &amp; &#65;"><b/><!-- c --><c></c></a>`;
    const doc = parseXml(text);
    expect(doc.root.attributes()).toEqual({ x: '1', y: '"q" & A' });
    expect(serializeXml(doc)).toBe(text);
  });

  it('writes an edited tag in canonical form and keeps the others', () => {
    const doc = parseXml(`<a x='1'><b  k="v" /></a>`);
    doc.root.set('x', '<2>');
    expect(serializeXml(doc)).toBe(`<a x="&lt;2&gt;"><b  k="v" /></a>`);
  });

  it('normalises literal newlines in attribute values, keeps escaped ones', () => {
    const doc = parseXml(`<a v="1\n2" w="1&#10;2"/>`);
    expect(doc.root.get('v')).toBe('1 2');
    expect(doc.root.get('w')).toBe('1\n2');
  });

  const bad: [string, string, number, number][] = [
    ['<a><b></a>', 'does not match', 1, 7],
    ['<a x=1/>', 'not quoted', 1, 6],
    ['<a x="1" x="2"/>', "duplicate attribute 'x'", 1, 10],
    ['<a>\n  <b x="&bogus;"/></a>', 'reference', 2, 9],
    ['<a>', 'missing end tag', 1, 4],
    ['<a/><b/>', 'second root', 1, 5],
    ['junk<a/>', 'outside the root', 1, 1],
  ];
  for (const [text, detail, line, column] of bad) {
    it(`reports ${JSON.stringify(text)} with line and column`, () => {
      try {
        parseXml(text, { file: 'f.xml' });
        expect.unreachable();
      } catch (e) {
        expect(e).toBeInstanceOf(CibError);
        const p = (e as CibError).problems[0]!;
        expect(p.code).toBe('XML_SYNTAX');
        if (p.code !== 'XML_SYNTAX') return;
        expect(p.detail).toContain(detail);
        expect([p.line, p.column]).toEqual([line, column]);
        expect((e as Error).message).toMatch(/^f\.xml:\d+:\d+: malformed XML/);
      }
    });
  }
});

describe('editing keeps the layout', () => {
  it('indents a new element like its siblings and removes one with its line', () => {
    const doc = parseXml('<r>\n  <s>\n    <x id="1"/>\n  </s>\n</r>\n');
    const s = doc.root.first('s')!;
    insertElement(s, XmlElement.create('x', { id: '2' }, [XmlElement.create('y', { id: '3' })]));
    expect(serializeXml(doc)).toBe('<r>\n  <s>\n    <x id="1"/>\n    <x id="2">\n      <y id="3"/>\n    </x>\n  </s>\n</r>\n');
    removeElement(s.first('x')!);
    removeElement(s.first('x')!);
    expect(serializeXml(doc)).toBe('<r>\n  <s/>\n</r>\n');
    insertElement(s, XmlElement.create('x', { id: '4' }));
    expect(serializeXml(doc)).toBe('<r>\n  <s>\n    <x id="4"/>\n  </s>\n</r>\n');
  });
});
