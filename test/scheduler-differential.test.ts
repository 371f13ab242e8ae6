// Differential test (issue 7): the project's scheduler and Debian's crm_simulate 2.1.5 on the same
// generated CIBs (2/10 and 8/100 for 20 seeds, 16/500 for 2), compared by Transition Summary.
// Every difference must be recorded, line for line, in differential/known-differences.json with
// a cause from differential/causes.ts; a new, changed or vanished difference fails the test.
// DIFFERENTIAL_UPDATE=1 rewrites the file from this run (new entries get the cause "open": trace
// them, then name the upstream change or fix the scheduler).

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { missingReason, REPO_ROOT, sharedPath } from './support/corpus.js';
import { CAUSES, type CauseName } from './differential/causes.js';
import { compareSummaries, generateCib, ourSummary, pacemakerSummaries, rungName, type Rung, type SummaryDifference } from './differential/summaries.js';

const CRM_SIMULATE = '/usr/sbin/crm_simulate';
const KNOWN = join(REPO_ROOT, 'test', 'differential', 'known-differences.json');
const CACHE = join(REPO_ROOT, '.bench-cache', 'differential');
const generator = sharedPath('bench', 'gen-cib.mjs');

const seeds = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
const RUNGS: Rung[] = [
  ...seeds(20).map((seed) => ({ nodes: 2, resources: 10, seed })),
  ...seeds(20).map((seed) => ({ nodes: 8, resources: 100, seed })),
  ...seeds(2).map((seed) => ({ nodes: 16, resources: 500, seed })),
];

interface KnownDifference extends SummaryDifference {
  cause: CauseName;
}

const missing =
  generator === undefined
    ? missingReason('the CIB generator (bench/gen-cib.mjs)')
    : !existsSync(CRM_SIMULATE)
      ? `skipped: ${CRM_SIMULATE} (Debian's pacemaker-cli-utils) is not installed`
      : undefined;

describe('scheduler against Pacemaker 2.1.5', () => {
  it.skipIf(missing !== undefined)('differs only where upstream changed since 2.1.5', async () => {
    const files = RUNGS.map((r) => generateCib(generator!, CACHE, r));
    const theirs = await pacemakerSummaries(CRM_SIMULATE, files, 2);
    const found: Record<string, SummaryDifference> = {};
    RUNGS.forEach((r, i) => {
      const d = compareSummaries(theirs.get(files[i]!)!, ourSummary(files[i]!));
      if (d !== undefined) found[rungName(r)] = d;
    });
    const known: Record<string, KnownDifference> = existsSync(KNOWN) ? JSON.parse(readFileSync(KNOWN, 'utf8')) : {};

    if (process.env['DIFFERENTIAL_UPDATE'] === '1') {
      const next: Record<string, KnownDifference> = {};
      for (const [name, d] of Object.entries(found)) next[name] = { cause: known[name]?.cause ?? 'open', ...d };
      writeFileSync(KNOWN, `${JSON.stringify(next, null, 1)}\n`);
      return;
    }

    const byCause = new Map<string, number>();
    for (const [name, d] of Object.entries(found)) {
      const cause = known[name]?.cause ?? 'unrecorded';
      byCause.set(cause, (byCause.get(cause) ?? 0) + 1);
    }
    console.log(
      `differential: ${RUNGS.length - Object.keys(found).length}/${RUNGS.length} Transition Summaries equal to 2.1.5's; ` +
        `differing: ${[...byCause].map(([c, n]) => `${n} ${c}`).join(', ') || 'none'}`,
    );
    for (const [name, k] of Object.entries(known)) {
      expect(CAUSES[k.cause], `${name}: unknown cause ${k.cause}`).toBeDefined();
      // a difference not traced to an upstream change is a bug to fix, not a record to keep
      expect(CAUSES[k.cause]?.upstream, `${name}: ${k.cause} is not an upstream change since 2.1.5`).toBe(true);
    }
    const asRecorded = (d: SummaryDifference | undefined) => d && { onlyPacemaker: d.onlyPacemaker, onlyOurs: d.onlyOurs, reordered: d.reordered };
    for (const r of RUNGS) {
      const name = rungName(r);
      expect(asRecorded(found[name]), `${name}: Transition Summary against 2.1.5's`).toEqual(asRecorded(known[name]));
    }
  });

  it.skipIf(missing === undefined)(missing ?? 'skipped: nothing missing', () => {});
});
