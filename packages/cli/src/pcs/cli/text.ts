// Small text helpers for messages and listings.

export function formatList(items: readonly string[], separator = ', '): string {
  return [...items].sort().map((i) => `'${i}'`).join(separator);
}

export function formatListUnsorted(items: readonly string[], separator = ', '): string {
  return items.map((i) => `'${i}'`).join(separator);
}

export function formatPlural(items: readonly unknown[] | number, singular: string, plural = `${singular}s`): string {
  const n = typeof items === 'number' ? items : items.length;
  return n === 1 ? singular : plural;
}

/** Quotes a value for a shell command line when it needs it (as Python's shlex.quote does). */
export function shellQuote(s: string): string {
  if (s === '') return "''";
  if (/^[A-Za-z0-9@%+=:,./_-]+$/.test(s)) return s;
  return `'${s.replace(/'/g, `'"'"'`)}'`;
}

/** Indents non-empty lines (pcs leaves empty lines empty). */
export function indent(lines: readonly string[], by = '  '): string[] {
  return lines.map((l) => (l ? by + l : l));
}
