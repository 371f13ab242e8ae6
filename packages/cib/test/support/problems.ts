// The problems a call fails with: tests look at codes and payloads, not at English.

import { CibError, type CibProblem } from '../../src/index.js';

/** The problems of the CibError that `f` throws; anything else (or nothing) fails the test. */
export function problemsOf(f: () => unknown): CibProblem[] {
  try {
    f();
  } catch (e) {
    if (e instanceof CibError) return e.problems;
    throw e;
  }
  throw new Error('expected a CibError');
}

/** The first problem of the CibError that `f` throws. */
export function problemOf(f: () => unknown): CibProblem {
  return problemsOf(f)[0]!;
}
