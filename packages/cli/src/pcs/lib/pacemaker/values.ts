// Pacemaker's value conventions as pcs checks them: booleans (crm_is_true), scores, timeouts
// and XML ids.

const TRUE = new Set(['true', 'on', 'yes', 'y', '1']);
const FALSE = new Set(['false', 'off', 'no', 'n', '0']);

/** Every spelling Pacemaker reads as a boolean, sorted (as pcs lists them in messages). */
export const BOOLEAN_VALUES: readonly string[] = [...TRUE, ...FALSE].sort();

export const isBoolean = (v: string): boolean => TRUE.has(v.toLowerCase()) || FALSE.has(v.toLowerCase());
export const isTrue = (v: string): boolean => TRUE.has(v.toLowerCase());
export const isFalse = (v: string): boolean => FALSE.has(v.toLowerCase());

/** An integer or INFINITY, optionally signed: what a constraint score may be. */
export function isScore(value: string): boolean {
  if (!value) return false;
  const unsigned = value[0] === '+' || value[0] === '-' ? value.slice(1) : value;
  return unsigned === 'INFINITY' || /^[0-9]+$/.test(unsigned);
}

const SUFFIX_SECONDS: [string, number][] = [
  ['s', 1],
  ['sec', 1],
  ['m', 60],
  ['min', 60],
  ['h', 3600],
  ['hr', 3600],
];

/** A Pacemaker timeout in seconds ("30", "10s", "2min", "1h"); undefined when not valid. */
export function timeoutToSeconds(timeout: string): number | undefined {
  if (/^[+-]?[0-9]+$/.test(timeout.trim())) {
    const n = Number.parseInt(timeout, 10);
    return n >= 0 ? n : undefined;
  }
  for (const [suffix, mult] of SUFFIX_SECONDS) {
    if (timeout.endsWith(suffix)) {
      const num = timeout.slice(0, -suffix.length);
      if (/^[0-9]+$/.test(num)) return Number.parseInt(num, 10) * mult;
    }
  }
  return undefined;
}

/** Why an id is not a valid XML id (NCName as Pacemaker's schema needs), or undefined. */
export function idProblem(id: string): { char: string; first: boolean } | 'empty' | undefined {
  if (!id) return 'empty';
  if (!/[a-zA-Z_]/.test(id[0]!)) return { char: id[0]!, first: true };
  for (const c of id.slice(1)) if (!/[a-zA-Z0-9_.-]/.test(c)) return { char: c, first: false };
  return undefined;
}

/** Makes an id out of arbitrary text by dropping the characters an id cannot hold. */
export function sanitizeId(candidate: string, replacement = ''): string {
  if (!candidate) return candidate;
  const first = /[a-zA-Z_]/.test(candidate[0]!) ? candidate[0]! : '';
  return first + candidate.slice(1).replace(/[^a-zA-Z0-9_.-]/g, replacement);
}
