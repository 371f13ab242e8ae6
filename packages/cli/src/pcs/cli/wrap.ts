// Python's textwrap.wrap (what pcs uses to fold agent descriptions): words split at whitespace
// and after hyphens between letters, lines filled greedily, words longer than a line cut.

const WS = '[\\t\\n\\x0b\\x0c\\r ]';
const NWS = '[^\\t\\n\\x0b\\x0c\\r ]';
const WP = `[\\p{L}\\p{N}_!"'&.,?]`;
const LT = '[\\p{L}]';
const CHUNK = new RegExp(
  `(${WS}+` +
    `|(?<=${WP})-{2,}(?=[\\p{L}\\p{N}_])` +
    `|${NWS}+?(?:-(?:(?<=${LT}{2}-)|(?<=${LT}-${LT}-))(?=${LT}-?${LT})|(?=${WS}|$)|(?<=${WP})(?=-{2,}[\\p{L}\\p{N}_])))`,
  'gu',
);

function chunks(text: string): string[] {
  return [...text.matchAll(CHUNK)].map((m) => m[0]).filter((c) => c !== '');
}

export function textWrap(text: string, width: number): string[] {
  const expanded = text.replace(/\t/g, '        ').replace(/[\n\x0b\x0c\r]/g, ' ');
  const pending = chunks(expanded).reverse();
  const lines: string[] = [];
  while (pending.length) {
    const line: string[] = [];
    let len = 0;
    if (lines.length && pending[pending.length - 1]!.trim() === '') pending.pop();
    while (pending.length) {
      const c = pending[pending.length - 1]!;
      if (len + c.length <= width) {
        line.push(c);
        len += c.length;
        pending.pop();
      } else break;
    }
    if (pending.length && pending[pending.length - 1]!.length > width) {
      // A word longer than a line is cut where the line ends.
      const room = Math.max(width - len, 1);
      const c = pending.pop()!;
      line.push(c.slice(0, room));
      pending.push(c.slice(room));
    }
    while (line.length && line[line.length - 1]!.trim() === '') line.pop();
    if (line.length) lines.push(line.join(''));
  }
  return lines;
}
