// Pacemaker scores: integers clamped to ±1,000,000, where the bounds mean INFINITY and any sum
// involving -INFINITY is -INFINITY (a ban beats a requirement).

declare const scoreBrand: unique symbol;
/** An integer in [-INFINITY, +INFINITY]. Combine scores with addScores, never with `+`. */
export type Score = number & { readonly [scoreBrand]: true };

export const INFINITY = 1_000_000 as Score;
export const MINUS_INFINITY = -1_000_000 as Score;
export const ZERO = 0 as Score;

/** Clamps any number into a score (fractions truncated toward zero). */
export function score(n: number): Score {
  if (Number.isNaN(n)) return ZERO;
  if (n >= INFINITY) return INFINITY;
  if (n <= MINUS_INFINITY) return MINUS_INFINITY;
  return Math.trunc(n) as Score;
}

/** Saturating addition: -INFINITY wins over everything, then +INFINITY, else the clamped sum. */
export function addScores(a: Score, b: Score): Score {
  if (a <= MINUS_INFINITY || b <= MINUS_INFINITY) return MINUS_INFINITY;
  if (a >= INFINITY || b >= INFINITY) return INFINITY;
  return score(a + b);
}

/** Sum of many scores with the same saturation rules. */
export function sumScores(scores: Iterable<Score>): Score {
  let total = ZERO;
  for (const s of scores) total = addScores(total, s);
  return total;
}

const NAMED: Record<string, Score> = {
  INFINITY,
  '+INFINITY': INFINITY,
  '-INFINITY': MINUS_INFINITY,
};

export interface HealthScores {
  red: Score;
  yellow: Score;
  green: Score;
}

/**
 * Parses a score as Pacemaker does: INFINITY, +INFINITY, -INFINITY (case-insensitive), an
 * integer (clamped), or red/yellow/green when health scores are given. Returns undefined for
 * anything else.
 */
export function parseScore(text: string | undefined, health?: HealthScores): Score | undefined {
  if (text === undefined) return undefined;
  const t = text.trim();
  const named = NAMED[t.toUpperCase()];
  if (named !== undefined) return named;
  if (health) {
    const lower = t.toLowerCase();
    if (lower === 'red') return health.red;
    if (lower === 'yellow') return health.yellow;
    if (lower === 'green') return health.green;
  }
  if (!/^[+-]?[0-9]+$/.test(t)) return undefined;
  return score(Number(t));
}

/** Like parseScore, with a fallback for missing or unparsable text. */
export function parseScoreOr(text: string | undefined, fallback: Score, health?: HealthScores): Score {
  return parseScore(text, health) ?? fallback;
}

/** The text form Pacemaker prints: INFINITY, -INFINITY or the integer. */
export function formatScore(s: Score): string {
  if (s >= INFINITY) return 'INFINITY';
  if (s <= MINUS_INFINITY) return '-INFINITY';
  return String(s);
}

export function isInfinite(s: Score): boolean {
  return s >= INFINITY || s <= MINUS_INFINITY;
}
