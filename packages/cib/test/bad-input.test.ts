// Bad input gets a clear error: a code, the offending item, and line and column where the
// parser knows them. Rendering to text happens only at the edge (renderProblem).

import { describe, expect, it } from 'vitest';
import { Cib, renderProblem } from '../src/index.js';
import { problemsOf } from './support/problems.js';

const cases: [string, string, string, number, number][] = [
  ['an unclosed element', '<cib>\n  <configuration>\n</cib>\n', 'end tag </cib> does not match <configuration>', 3, 1],
  ['a truncated file', '<cib>\n  <configuration>\n    <resources', 'unterminated start tag <resources>', 3, 5],
  ['an unquoted attribute', '<cib epoch=1>', "value of attribute 'epoch' of <cib> is not quoted", 1, 12],
  ['a repeated attribute', '<cib>\n<nvpair id="a" id="b"/></cib>', "duplicate attribute 'id' in <nvpair>", 2, 16],
  ['an unknown entity', '<cib>\n  <x v="&nbsp;"/>\n</cib>', "unknown or malformed reference in attribute 'v'", 2, 9],
  ['a bare ampersand in text', '<cib>\n R&D\n</cib>', 'unknown or malformed reference in text', 2, 3],
  ['an unterminated comment', '<cib><!-- no end </cib>', 'unterminated comment', 1, 6],
  ['text before the root', 'cib\n<cib/>', 'text outside the root element', 1, 1],
  ['an empty file', '', 'no root element', 1, 1],
  ['a stray end tag', '<cib/></configuration>', 'end tag </configuration> without a start tag', 1, 7],
  ["'<' in a value", '<cib a="<"/>', "'<' in the value of attribute 'a'", 1, 9],
];

describe('malformed XML', () => {
  for (const [what, text, detail, line, column] of cases) {
    it(`reports ${what} at line ${line}, column ${column}`, () => {
      const [p, ...rest] = problemsOf(() => Cib.parse(text, 'cib.xml'));
      expect(rest).toEqual([]);
      expect(p).toEqual({ code: 'XML_SYNTAX', detail, line, column, file: 'cib.xml' });
      expect(renderProblem(p!)).toBe(`cib.xml:${line}:${column}: malformed XML: ${detail}`);
    });
  }
});

describe('documents that are not CIBs', () => {
  it('names the root element found', () => {
    expect(problemsOf(() => Cib.parse('<crm_mon version="2.1.5"/>', 'status.xml'))).toEqual([{ code: 'WRONG_ROOT', found: 'crm_mon', file: 'status.xml' }]);
    expect(renderProblem({ code: 'WRONG_ROOT', found: 'crm_mon', file: 'status.xml' })).toBe('status.xml: not a CIB: the root element is <crm_mon>, expected <cib>');
    expect(problemsOf(() => Cib.parse('<configuration/>'))).toEqual([{ code: 'WRONG_ROOT', found: 'configuration' }]);
  });

  it('reads a CIB with a byte order mark, declaration and comments around it, and writes them back', () => {
    const text = '\uFEFF<?xml version="1.0"?>\n<!-- kept -->\n<cib epoch="1"/>\n<!-- after -->\n';
    const cib = Cib.parse(text);
    expect(cib.version.epoch).toBe(1);
    expect(cib.toXml()).toBe(text);
  });

  it('reports a missing configuration section when one is needed', () => {
    expect(problemsOf(() => Cib.parse('<cib/>').configuration)).toEqual([{ code: 'MISSING_SECTION', section: 'configuration' }]);
  });
});
