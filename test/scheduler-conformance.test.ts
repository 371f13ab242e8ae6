// Pacemaker's scheduler regression suite through the policy engine, with a ratchet: every test
// recorded in scheduler/ratchet.json as passing must still pass. After an improvement, record the
// new passes with `pnpm conformance:update` (it rewrites the ratchet from a full run).
// SCHEDULER_REPORT=<file> writes every test's outcome as JSON.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { missingReason, REPO_ROOT, sharedPath } from './support/corpus.js';
import { evaluate, ratchetOf, readCorpus, regressions, reportLine, totals, type Ratchet, type TestOutcome } from './scheduler/conformance.js';

// The corpus: SCHEDULER_CORPUS if set, else conformance/scheduler in the shared folder
// (HACLUSTER_SHARED or ../shared); without either the test is skipped with a message.
const fromEnv = process.env['SCHEDULER_CORPUS'];
const dir = fromEnv !== undefined && existsSync(fromEnv) ? fromEnv : sharedPath('conformance', 'scheduler');
const RATCHET = join(REPO_ROOT, 'test', 'scheduler', 'ratchet.json');

describe('scheduler conformance', () => {
  it.skipIf(dir === undefined)('keeps every test in the ratchet passing', () => {
    const tests = readCorpus(dir!);
    const outcomes: TestOutcome[] = tests.map((t) => evaluate(dir!, t));
    const all = totals(outcomes);
    const lines = [reportLine(all)];
    for (const tier of [1, 2, 3]) {
      const t = totals(outcomes.filter((o) => o.tier === tier));
      lines.push(`  tier ${tier}: ${t.summary}/${t.total} transition summaries, ${t.exact} exact, ${t.scores} scores, ${t.graph} graphs`);
    }
    console.log(lines.join('\n'));
    const report = process.env['SCHEDULER_REPORT'];
    if (report) writeFileSync(report, `${JSON.stringify(outcomes, null, 1)}\n`);
    if (process.env['UPDATE_SCHEDULER_RATCHET'] === '1') {
      writeFileSync(RATCHET, `${JSON.stringify(ratchetOf(outcomes), null, 1)}\n`);
      return;
    }
    const ratchet: Ratchet = existsSync(RATCHET) ? JSON.parse(readFileSync(RATCHET, 'utf8')) : { summary: [], exact: [], scores: [], graph: [] };
    expect(regressions(ratchet, outcomes)).toEqual([]);
  });

  it.skipIf(dir !== undefined)(missingReason('the scheduler conformance corpus'), () => {});
});
