// Answers of pure text functions kept (util/memo.ts), and the time readers that use it.

import { describe, expect, it } from 'vitest';
import { memoByText } from '../src/util/memo.js';
import { getMsec, parseIntervalSpec } from '../src/util/interval.js';

describe('memoByText', () => {
  it('computes each distinct text once and gives the same answer again', () => {
    const asked: string[] = [];
    const length = memoByText((text) => {
      asked.push(text);
      return text.length;
    });
    expect([length('10s'), length('20s'), length('10s'), length('')]).toEqual([3, 3, 3, 0]);
    expect(asked).toEqual(['10s', '20s', '']);
  });

  it('keeps the answers of the memoised time readers right when asked again', () => {
    for (let i = 0; i < 2; i++) {
      expect(getMsec('90s')).toBe(90_000);
      expect(getMsec('500ms')).toBe(500);
      expect(getMsec('x')).toBe(-1);
      expect(parseIntervalSpec('PT1M')).toBe(60_000);
      expect(parseIntervalSpec('bogus')).toBe(0);
    }
  });
});
