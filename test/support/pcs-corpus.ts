// The recorded pcs runs of the shared corpus (../shared/conformance/pcs): each scenario's
// commands with the exit code, stdout and stderr the real pcs 0.11.5 gave, and the CIB it left.
// Format and normalisation as the corpus README describes them.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseXml, type XmlElement, type XmlNode } from '@hacluster/cib';

export interface RecordedCommand {
  index: number;
  line: string;
  argv: string[];
  exit: number;
  stdout: string;
  stderr: string;
}

export interface Scenario {
  name: string;
  dir: string;
  commands: RecordedCommand[];
  expectedCib: string;
}

/** Reads one section of expected.log: `bytes=` bytes after the header line. */
function readSection(buf: Buffer, pos: number, header: RegExp): { text: string; next: number; header: RegExpExecArray } {
  const end = buf.indexOf(10, pos);
  const line = buf.subarray(pos, end).toString('utf8');
  const m = header.exec(line);
  if (!m) throw new Error(`bad expected.log near byte ${pos}: ${line}`);
  const bytes = Number(m[1]);
  const start = end + 1;
  const text = buf.subarray(start, start + bytes).toString('utf8');
  let next = start + bytes;
  if (bytes > 0 && line.includes('noeol')) next += 1;
  return { text, next, header: m };
}

function lineAt(buf: Buffer, pos: number): { text: string; next: number } {
  const end = buf.indexOf(10, pos);
  return { text: buf.subarray(pos, end).toString('utf8'), next: end + 1 };
}

export function parseExpectedLog(text: Buffer): RecordedCommand[] {
  const out: RecordedCommand[] = [];
  let pos = lineAt(text, 0).next; // "### pcs-conformance-log v1 …"
  while (pos < text.length) {
    const head = lineAt(text, pos);
    const m = /^### command (\d+)$/.exec(head.text);
    if (!m) throw new Error(`expected '### command' at byte ${pos}, got ${head.text}`);
    const cmd = lineAt(text, head.next);
    const argvHead = lineAt(text, cmd.next);
    const argv = lineAt(text, argvHead.next);
    const exitHead = lineAt(text, argv.next);
    const exit = lineAt(text, exitHead.next);
    const so = readSection(text, exit.next, /^### stdout \d+ bytes=(\d+)( noeol)?$/);
    const se = readSection(text, so.next, /^### stderr \d+ bytes=(\d+)( noeol)?$/);
    const end = lineAt(text, se.next);
    if (!end.text.startsWith('### end')) throw new Error(`expected '### end' after command ${m[1]}`);
    out.push({ index: Number(m[1]), line: cmd.text, argv: JSON.parse(argv.text) as string[], exit: Number(exit.text), stdout: so.text, stderr: se.text });
    pos = end.next;
  }
  return out;
}

export function loadScenarios(corpusDir: string): Scenario[] {
  return readdirSync(corpusDir)
    .filter((d) => existsSync(join(corpusDir, d, 'commands.sh')) && existsSync(join(corpusDir, d, 'expected.log')))
    .sort()
    .map((name) => {
      const dir = join(corpusDir, name);
      return {
        name,
        dir,
        commands: parseExpectedLog(readFileSync(join(dir, 'expected.log'))),
        expectedCib: readFileSync(join(dir, 'expected-cib.xml'), 'utf8'),
      };
    });
}

const VOLATILE_ROOT = new Set(['epoch', 'num_updates', 'admin_epoch', 'cib-last-written', 'update-origin', 'update-client', 'update-user', 'have-quorum', 'dc-uuid', 'execution-date']);

const escAttr = (v: string) =>
  v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;').replace(/\r/g, '&#13;');
const escText = (v: string) => v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The corpus's CIB normalisation: one element per line, two spaces per level, no comments, the
 * volatile root attributes dropped. `sortAttributes` gives the form to compare with (attribute
 * order does not matter to XML).
 */
export function normalizeCib(xml: string, sortAttributes = false): string {
  let root: XmlElement;
  try {
    root = parseXml(xml).root;
  } catch (e) {
    return `<!-- unparseable CIB: ${e instanceof Error ? e.message : String(e)} -->\n${xml}`;
  }
  const out: string[] = [];
  const write = (el: XmlElement, depth: number) => {
    const ind = '  '.repeat(depth);
    let attrs = Object.entries(el.attributes());
    if (depth === 0) attrs = attrs.filter(([k]) => !VOLATILE_ROOT.has(k));
    if (sortAttributes) attrs.sort((a, b) => (a[0] < b[0] ? -1 : 1));
    const a = attrs.map(([k, v]) => ` ${k}="${escAttr(v)}"`).join('');
    const kids = el.elements();
    const text = el.children
      .filter((c: XmlNode) => c.kind === 'text' || c.kind === 'cdata')
      .map((c) => (c.kind === 'text' ? c.value : c.kind === 'cdata' ? c.content : ''))
      .join('')
      .trim();
    if (!kids.length && !text) out.push(`${ind}<${el.name}${a}/>`);
    else if (!kids.length) out.push(`${ind}<${el.name}${a}>${escText(text)}</${el.name}>`);
    else {
      out.push(`${ind}<${el.name}${a}>`);
      if (text) out.push(`${ind}  ${escText(text)}`);
      for (const k of kids) write(k, depth + 1);
      out.push(`${ind}</${el.name}>`);
    }
  };
  write(root, 0);
  return out.join('\n') + '\n';
}

const TIME_RE = /^(\s*\*?\s*Last (?:updated|change):)[ \t]+\S.*$/gm;

/** The corpus's output normalisation: the work folder becomes '.', crm_mon clocks <TIMESTAMP>. */
export function normalizeOutput(text: string, workDir: string): string {
  return text.split(workDir + '/').join('').split(workDir).join('.').replace(TIME_RE, '$1 <TIMESTAMP>');
}
