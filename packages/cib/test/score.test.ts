import { describe, expect, it } from 'vitest';
import { addScores, formatScore, INFINITY, MINUS_INFINITY, parseScore, score } from '../src/index.js';

describe('scores', () => {
  it('parses the infinities, integers and clamps', () => {
    expect(parseScore('INFINITY')).toBe(INFINITY);
    expect(parseScore('+INFINITY')).toBe(INFINITY);
    expect(parseScore('-infinity')).toBe(MINUS_INFINITY);
    expect(parseScore('-50')).toBe(-50);
    expect(parseScore('2000000')).toBe(INFINITY);
    expect(parseScore('abc')).toBeUndefined();
    expect(parseScore('red', { red: score(-7), yellow: score(0), green: score(0) })).toBe(-7);
  });
  it('saturates, with -INFINITY winning', () => {
    expect(addScores(INFINITY, MINUS_INFINITY)).toBe(MINUS_INFINITY);
    expect(addScores(INFINITY, score(5))).toBe(INFINITY);
    expect(addScores(score(999_999), score(5))).toBe(INFINITY);
    expect(addScores(score(3), score(-5))).toBe(-2);
    expect(formatScore(addScores(MINUS_INFINITY, INFINITY))).toBe('-INFINITY');
  });
});
