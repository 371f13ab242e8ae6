// The scheduler conformance runner: runs Pacemaker's scheduler regression tests (the shared
// corpus) through the policy engine, in process, and compares as the corpus README says:
// - summary: the Transition Summary lines as a multiset, whitespace collapsed;
// - exact: the whole `crm_simulate -S` output, ignoring trailing whitespace and blank lines;
// - scores: the `-s` score lines, sorted, whitespace collapsed;
// - graph: the `-G` XML with crm_feature_set, batch-limit and transition_id masked (as
//   cts-scheduler normalises), compared line by line ignoring whitespace and blank lines.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Cib } from '@hacluster/cib';
import { simulateCluster, type SimulateOptions } from '@hacluster/policy-engine';

export interface CorpusTest {
  name: string;
  group: number;
  description: string;
  extraArgs: string;
  features: string[];
  tier: number;
}

export interface TestOutcome {
  name: string;
  tier: number;
  summary: boolean;
  exact: boolean;
  scores: boolean;
  graph: boolean;
  /** Why the run failed outright (exception), if it did. */
  error?: string;
}

export function readCorpus(dir: string): CorpusTest[] {
  const lines = readFileSync(join(dir, 'tests.tsv'), 'utf8').split('\n').filter((l) => l.trim() !== '');
  return lines.slice(1).map((line) => {
    const [name, group, description, extraArgs, features, tier] = line.split('\t');
    return {
      name: name!,
      group: Number(group),
      description: description ?? '',
      extraArgs: extraArgs ?? '',
      features: (features ?? '').split(',').filter(Boolean),
      tier: Number(tier),
    };
  });
}

/** The corpus's extra arguments: only "-t <date>" is used. */
function optionsFor(test: CorpusTest): Pick<SimulateOptions, 'useDate'> {
  const m = /^-t (.+)$/.exec(test.extraArgs.trim());
  return m ? { useDate: m[1] } : {};
}

const collapse = (s: string) => s.trim().replace(/\s+/g, ' ');

function nonBlank(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.replace(/\s+$/, ''))
    .filter((l) => l.trim() !== '');
}

/** The lines of a section ("Transition Summary:") up to the next unindented heading. */
export function section(text: string, heading: string): string[] {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.trim() === heading);
  if (start < 0) return [];
  const out: string[] = [];
  for (let i = start + 1; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.trim() === '') continue;
    if (!/^\s/.test(l)) break;
    out.push(collapse(l));
  }
  return out;
}

function sameMultiset(a: string[], b: string[]): boolean {
  if (a.length !== b.length) return false;
  const x = a.slice().sort();
  const y = b.slice().sort();
  return x.every((v, i) => v === y[i]);
}

function normaliseGraph(text: string): string[] {
  return nonBlank(
    text
      .replace(/crm_feature_set="[^"]*"/g, '')
      .replace(/batch-limit="[0-9]*"/g, '')
      .replace(/transition_id="[0-9]*"/g, ''),
  ).map((l) => l.replace(/\s+/g, ''));
}

function equalLines(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

export interface RunOutputs {
  summaryText: string;
  scoresText: string;
  graphText: string;
}

/** Runs one test the way cts-scheduler does: `-S`, then `-sSQ -G` for scores and graph. */
export function runTest(dir: string, test: CorpusTest): RunOutputs {
  const text = readFileSync(join(dir, 'xml', `${test.name}.xml`), 'utf8');
  const extra = optionsFor(test);
  const first = Cib.parse(text, `${test.name}.xml`);
  const run1 = simulateCluster(first.root, { process: true, simulate: true, ...extra });
  const second = Cib.parse(text, `${test.name}.xml`);
  const run2 = simulateCluster(second.root, { process: true, simulate: true, showScores: true, quiet: true, ...extra });
  return { summaryText: run1.stderr + run1.stdout, scoresText: run2.stdout, graphText: run2.graphXml ?? '' };
}

export function compareTest(dir: string, test: CorpusTest, outputs: RunOutputs): TestOutcome {
  const expectedSummary = readFileSync(join(dir, 'summary', `${test.name}.summary`), 'utf8');
  const expectedScores = readFileSync(join(dir, 'scores', `${test.name}.scores`), 'utf8');
  const expectedGraph = readFileSync(join(dir, 'exp', `${test.name}.exp`), 'utf8');
  const summary = sameMultiset(section(outputs.summaryText, 'Transition Summary:'), section(expectedSummary, 'Transition Summary:'));
  const exact = equalLines(nonBlank(outputs.summaryText), nonBlank(expectedSummary));
  const scores = equalLines(
    nonBlank(outputs.scoresText).map(collapse).sort(),
    nonBlank(expectedScores).map(collapse).sort(),
  );
  const graph = equalLines(normaliseGraph(outputs.graphText), normaliseGraph(expectedGraph));
  return { name: test.name, tier: test.tier, summary, exact, scores, graph };
}

export function evaluate(dir: string, test: CorpusTest): TestOutcome {
  try {
    return compareTest(dir, test, runTest(dir, test));
  } catch (e) {
    return { name: test.name, tier: test.tier, summary: false, exact: false, scores: false, graph: false, error: (e as Error).message };
  }
}

export interface Totals {
  total: number;
  summary: number;
  exact: number;
  scores: number;
  graph: number;
}

export function totals(outcomes: readonly TestOutcome[]): Totals {
  return {
    total: outcomes.length,
    summary: outcomes.filter((o) => o.summary).length,
    exact: outcomes.filter((o) => o.exact).length,
    scores: outcomes.filter((o) => o.scores).length,
    graph: outcomes.filter((o) => o.graph).length,
  };
}

export function reportLine(t: Totals): string {
  return `scheduler conformance: ${t.summary}/${t.total} transition summaries, ${t.exact} exact, ${t.scores} scores, ${t.graph} graphs`;
}

/** The ratchet: for each kind of comparison, the tests that pass. */
export interface Ratchet {
  summary: string[];
  exact: string[];
  scores: string[];
  graph: string[];
}

export function ratchetOf(outcomes: readonly TestOutcome[]): Ratchet {
  const names = (pred: (o: TestOutcome) => boolean) => outcomes.filter(pred).map((o) => o.name).sort();
  return {
    summary: names((o) => o.summary),
    exact: names((o) => o.exact),
    scores: names((o) => o.scores),
    graph: names((o) => o.graph),
  };
}

/** Tests the ratchet says pass that no longer do, per kind. */
export function regressions(ratchet: Ratchet, outcomes: readonly TestOutcome[]): string[] {
  const byName = new Map(outcomes.map((o) => [o.name, o]));
  const out: string[] = [];
  for (const kind of ['summary', 'exact', 'scores', 'graph'] as const) {
    for (const name of ratchet[kind]) {
      const o = byName.get(name);
      if (o === undefined || !o[kind]) out.push(`${name} (${kind})`);
    }
  }
  return out;
}
