// The pcs conformance ratchet: every recorded command and scenario listed in
// pcs-conformance.ratchet.json must keep passing; the figures are printed on every run.
// PCS_RATCHET_UPDATE=1 rewrites the ratchet with what passes now (never fewer than before
// without a reason in the commit). PCS_CONFORMANCE_DETAIL=1 prints each difference.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { missingReason, REPO_ROOT, sharedPath } from './support/corpus.js';
import { formatReport, runConformance, type ConformanceReport } from './support/pcs-conformance.js';

const corpus = sharedPath('conformance', 'pcs');
const RATCHET = join(REPO_ROOT, 'test', 'pcs-conformance.ratchet.json');

interface Ratchet {
  agree: string[];
  stdout: string[];
  cib: string[];
}

function passing(r: ConformanceReport): Ratchet {
  const all = r.scenarios.flatMap((s) => s.commands);
  return {
    agree: all.filter((c) => c.outcome === 'agree').map((c) => c.id),
    stdout: all.filter((c) => c.stdoutEqual).map((c) => c.id),
    cib: r.scenarios.filter((s) => s.cibEqual).map((s) => s.name),
  };
}

describe.skipIf(!corpus)('pcs conformance corpus', () => {
  it(corpus ? 'keeps every command and scenario of the ratchet passing' : missingReason('conformance/pcs'), async () => {
    const report = await runConformance(corpus!);
    console.log(formatReport(report, process.env['PCS_CONFORMANCE_DETAIL'] === '1'));
    if (process.env['PCS_CONFORMANCE_DETAIL'] === '1') {
      for (const s of report.scenarios) {
        for (const c of s.commands.filter((x) => x.dataOutput && !x.stdoutEqual)) {
          console.log(`--- ${c.id}: ${c.line}\n--- expected\n${c.expected.stdout}--- ours\n${c.stdout}--- our stderr\n${c.stderr}`);
        }
        if (!s.cibEqual) console.log(`--- CIB ${s.name}\n--- expected\n${s.cibExpected}--- ours\n${s.cibActual}`);
      }
    }
    const now = passing(report);
    if (process.env['PCS_RATCHET_UPDATE'] === '1') writeFileSync(RATCHET, JSON.stringify(now, null, 1) + '\n');
    const ratchet: Ratchet = existsSync(RATCHET) ? (JSON.parse(readFileSync(RATCHET, 'utf8')) as Ratchet) : { agree: [], stdout: [], cib: [] };
    expect(ratchet.agree.filter((id) => !now.agree.includes(id)), 'commands whose success/failure no longer agrees with pcs').toEqual([]);
    expect(ratchet.stdout.filter((id) => !now.stdout.includes(id)), 'commands whose stdout no longer equals pcs').toEqual([]);
    expect(ratchet.cib.filter((id) => !now.cib.includes(id)), 'scenarios whose resulting CIB no longer equals pcs').toEqual([]);
  });
});
