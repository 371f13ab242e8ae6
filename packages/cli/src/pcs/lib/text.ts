// Text conventions shared by the library and the CLI: pcs's name=value quoting.

/** Quotes a string when it holds one of `chars` (double quotes first, then single). */
export function quoteIf(s: string, chars: string): string {
  if (![...chars].some((c) => s.includes(c))) return s;
  if (!s.includes('"')) return `"${s}"`;
  if (!s.includes("'")) return `'${s}'`;
  return `"${s.replace(/"/g, '\\"')}"`;
}

/** name=value strings, quoted where a space or '=' would make them ambiguous. */
export function formatNameValueList(pairs: Iterable<readonly [string, string]>): string[] {
  const out: string[] = [];
  for (const [n, v] of pairs) out.push(`${quoteIf(n, '= ')}=${quoteIf(v, '= ')}`);
  return out;
}
