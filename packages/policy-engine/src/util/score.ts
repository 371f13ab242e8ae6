// Scores as Pacemaker reads and combines them. The Score type and saturating addition come from
// @hacluster/cib; this adds char2score's leniency (garbage reads as 0, optional health colours).

import { INFINITY, MINUS_INFINITY, type Score } from '@hacluster/cib';

export interface HealthColours {
  red: Score;
  yellow: Score;
  green: Score;
}

/**
 * Pacemaker's char2score: INFINITY forms, red/yellow/green when colour scores are given, else the
 * leading integer (0 when there is none), clamped to ±INFINITY.
 */
export function char2score(text: string | undefined, colours?: HealthColours): Score {
  if (text === undefined) return 0 as Score;
  const t = text.toLowerCase();
  if (t === '-infinity') return MINUS_INFINITY;
  if (t === 'infinity' || t === '+infinity') return INFINITY;
  if (colours) {
    if (t === 'red') return colours.red;
    if (t === 'yellow') return colours.yellow;
    if (t === 'green') return colours.green;
  }
  const m = /^\s*([+-]?\d+)/.exec(text);
  if (!m) return 0 as Score;
  const n = Number(m[1]);
  if (n > INFINITY) return INFINITY;
  if (n < MINUS_INFINITY) return MINUS_INFINITY;
  return n as Score;
}
