// Runs the recorded pcs scenarios with our pcs and compares, command by command: success or
// failure, stdout where pcs printed data, and the CIB each scenario leaves. Error texts are not
// compared (ours are our own words). Where we differ from pcs 0.11.5 on purpose (0.9 forms it
// rejects and we accept, -f where it refuses it), the command is counted apart with its reason.
// The other commands of such a scenario are judged on a replay in which the divergent commands
// that pcs refused are left out (pcs changed nothing for them), so that what we accepted does
// not count against what follows.

import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runPcs } from '@hacluster/cli';
import { loadScenarios, normalizeCib, normalizeOutput, type RecordedCommand, type Scenario } from './pcs-corpus.js';

export interface Divergence {
  /** Matched against the command line as recorded (after "pcs "). */
  pattern: RegExp;
  reason: string;
}

/** Where we differ from pcs 0.11.5 on purpose, and why. */
export const DIVERGENCES: Divergence[] = [
  { pattern: /^pcs .*\bresource master\b/, reason: "pcs 0.9's 'resource master' is accepted as 'resource promotable' (pcs 0.11 rejects it)" },
  { pattern: /^pcs .*\bcluster (un)?standby\b/, reason: "pcs 0.9's 'cluster standby|unstandby' is accepted as 'node standby|unstandby'" },
  {
    pattern: /^pcs .*\bconstraint colocation add (?!(.* )?with )/,
    reason: "pcs 0.9's 'colocation add A B' (without 'with') is accepted as 'colocation add A with B'",
  },
  { pattern: /^pcs .*\b(stonith|resource) show\b/, reason: "pcs 0.9's 'show' is accepted and mapped to 'status' or 'config' (pcs 0.11 refuses it)" },
  { pattern: /^pcs .*\bconstraint (show|list)\b/, reason: "pcs 0.9's 'constraint show' is accepted as 'constraint config'" },
  {
    pattern: /^pcs -f \S+ .*\bresource (debug-(start|stop|monitor|promote|demote)|describe|list|standards|providers|agents)\b/,
    reason: '-f is allowed where pcs refuses it: these commands run an agent or read its meta-data, the CIB file only names the resource',
  },
  {
    pattern: /^pcs -f \S+ .*\bresource move( |$)/,
    reason:
      "'resource move' on a CIB file writes its constraint and keeps it, as pcs 0.9/0.10 did and the guide shows (pcs 0.11 refuses -f: it waits for the running cluster to move the resource, then removes the constraint)",
  },
  {
    pattern: /^pcs -f \S+ .*\bresource relocate show\b/,
    reason: "-f is allowed where pcs refuses it: 'relocate show' simulates the CIB it is given and changes nothing, as 'relocate dry-run' does with -f in pcs",
  },
  { pattern: /^pcs -f \S+ .*\bstonith (describe|list)\b/, reason: '-f is allowed where pcs refuses it: describing fence agents needs no cluster' },
  {
    pattern: /^pcs -f \S+ .*\bconfig (backup|restore)\b/,
    reason: "'config backup|restore' work on the files given with -f and --corosync_conf (pcs only backs up a running node's files)",
  },
  {
    pattern: /^pcs .*\bproperty describe\b/,
    reason: "'property describe' (in pcs from 0.11.7 on, which the issue asks for) is accepted; pcs 0.11.5 does not know it",
  },
  {
    pattern: /^pcs .*\b(resource (op )?defaults|tag)( config)?( |$).*--output-format=json/,
    reason: "JSON is printed wherever pcs prints configuration data (the ecosystem asks for it); pcs 0.11.5 has no --output-format on defaults and tags",
  },
  {
    pattern: /^pcs .*\bproperty (config|show|list)\b.*--output-format=(json|cmd)/,
    reason: "'property config --output-format=json|cmd' (in pcs from 0.11.7 on; the ecosystem asks for JSON wherever data is printed) is accepted",
  },
  {
    pattern: /^pcs .*\bstonith create (?!.*--force).*\b(ipaddr|login|passwd|action)=/,
    reason: "the guide's 0.9 fence options (ipaddr, login, passwd, action) are written in their current form (ip, username, password, pcmk_reboot_action) instead of being refused or kept",
  },
];

export type Outcome = 'agree' | 'disagree' | 'divergent' | 'after-divergence';

export interface CommandResult {
  scenario: string;
  index: number;
  id: string;
  line: string;
  expected: RecordedCommand;
  exit: number;
  stdout: string;
  stderr: string;
  outcome: Outcome;
  divergence?: string;
  /** Whether pcs printed data on stdout, and whether ours is the same. */
  dataOutput: boolean;
  stdoutEqual: boolean;
}

export interface ScenarioResult {
  name: string;
  commands: CommandResult[];
  divergent: boolean;
  cibEqual: boolean;
  cibExpected: string;
  cibActual: string;
}

export interface ConformanceReport {
  scenarios: ScenarioResult[];
  counts: {
    commands: number;
    agree: number;
    disagree: number;
    divergent: number;
    afterDivergence: number;
    dataOutputs: number;
    stdoutEqual: number;
    stdoutEqualOutsideDivergence: number;
    dataOutputsOutsideDivergence: number;
    scenarios: number;
    scenariosWithDivergence: number;
    cibEqual: number;
    cibEqualWithoutDivergence: number;
  };
}

function divergenceOf(line: string): string | undefined {
  return DIVERGENCES.find((d) => d.pattern.test(line))?.reason;
}

async function runScenario(s: Scenario, blank: string, env: Record<string, string | undefined>): Promise<ScenarioResult> {
  const real = await runCommands(s, blank, env, false);
  if (!real.divergent) return real;
  // Replay without the divergent commands pcs refused, and judge the others there.
  const replay = await runCommands(s, blank, env, true);
  const byIndex = new Map(replay.commands.map((c) => [c.index, c]));
  return {
    ...real,
    commands: real.commands.map((c) => (c.outcome === 'divergent' ? c : (byIndex.get(c.index) ?? c))),
  };
}

async function runCommands(s: Scenario, blank: string, env: Record<string, string | undefined>, skipRefusedDivergences: boolean): Promise<ScenarioResult> {
  const work = mkdtempSync(join(tmpdir(), 'pcsconf.'));
  try {
    copyFileSync(blank, join(work, 'cib.xml'));
    const commands: CommandResult[] = [];
    let diverged = false;
    for (const c of s.commands) {
      const divergence = divergenceOf(c.line);
      if (skipRefusedDivergences && divergence && c.exit !== 0) continue;
      let out = '';
      let err = '';
      const exit = await runPcs(c.argv.slice(1), { cwd: work, env, io: { out: (t) => void (out += t), err: (t) => void (err += t) } });
      const stdout = normalizeOutput(out, work);
      const stderr = normalizeOutput(err, work);
      const sameResult = (exit === 0) === (c.exit === 0);
      const dataOutput = c.stdout.length > 0;
      let outcome: Outcome = sameResult ? 'agree' : 'disagree';
      if (divergence) {
        outcome = 'divergent';
        diverged = true;
      } else if (!sameResult && diverged && skipRefusedDivergences) {
        // a divergent command pcs accepted too, but differently, changed what this one sees
        outcome = 'after-divergence';
      }
      commands.push({
        scenario: s.name,
        index: c.index,
        id: `${s.name}#${c.index}`,
        line: c.line,
        expected: c,
        exit,
        stdout,
        stderr,
        outcome,
        ...(divergence ? { divergence } : {}),
        dataOutput,
        stdoutEqual: dataOutput && stdout === c.stdout,
      });
    }
    const actual = readFileSync(join(work, 'cib.xml'), 'utf8');
    return {
      name: s.name,
      commands,
      divergent: diverged,
      cibEqual: normalizeCib(actual, true) === normalizeCib(s.expectedCib, true),
      cibExpected: s.expectedCib,
      cibActual: normalizeCib(actual),
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Runs every scenario of the corpus folder. */
export async function runConformance(corpusDir: string): Promise<ConformanceReport> {
  const env: Record<string, string | undefined> = { ...process.env, LC_ALL: 'C.UTF-8', LANG: 'C.UTF-8' };
  for (const k of ['CIB_file', 'EDITOR', 'VISUAL', 'PCS_DEBUG']) delete env[k];
  const scenarios: ScenarioResult[] = [];
  for (const s of loadScenarios(corpusDir)) scenarios.push(await runScenario(s, join(corpusDir, 'blank-cib.xml'), env));
  const all = scenarios.flatMap((s) => s.commands);
  const outside = all.filter((c) => c.outcome === 'agree' || c.outcome === 'disagree');
  return {
    scenarios,
    counts: {
      commands: all.length,
      agree: all.filter((c) => c.outcome === 'agree').length,
      disagree: all.filter((c) => c.outcome === 'disagree').length,
      divergent: all.filter((c) => c.outcome === 'divergent').length,
      afterDivergence: all.filter((c) => c.outcome === 'after-divergence').length,
      dataOutputs: all.filter((c) => c.dataOutput).length,
      stdoutEqual: all.filter((c) => c.stdoutEqual).length,
      dataOutputsOutsideDivergence: outside.filter((c) => c.dataOutput).length,
      stdoutEqualOutsideDivergence: outside.filter((c) => c.stdoutEqual).length,
      scenarios: scenarios.length,
      scenariosWithDivergence: scenarios.filter((s) => s.divergent).length,
      cibEqual: scenarios.filter((s) => s.cibEqual).length,
      cibEqualWithoutDivergence: scenarios.filter((s) => s.cibEqual && !s.divergent).length,
    },
  };
}

/** A readable summary: the figures, then every disagreement and divergence. */
export function formatReport(r: ConformanceReport, verbose = false): string {
  const c = r.counts;
  const lines = [
    `pcs conformance: ${c.commands} commands in ${c.scenarios} scenarios`,
    `  success/failure agrees: ${c.agree}; disagrees: ${c.disagree}; deliberate divergences: ${c.divergent}; changed by an earlier divergence: ${c.afterDivergence}`,
    `  stdout equal: ${c.stdoutEqual} of ${c.dataOutputs} data outputs (${c.stdoutEqualOutsideDivergence} of ${c.dataOutputsOutsideDivergence} outside divergences)`,
    `  resulting CIB equal: ${c.cibEqual} of ${c.scenarios} scenarios; ${c.cibEqualWithoutDivergence} of ${c.scenarios - c.scenariosWithDivergence} without a divergent command`,
  ];
  const all = r.scenarios.flatMap((s) => s.commands);
  for (const d of all.filter((x) => x.outcome === 'divergent')) lines.push(`  divergent  ${d.id}: ${d.line}\n             reason: ${d.divergence}`);
  for (const d of all.filter((x) => x.outcome === 'after-divergence')) lines.push(`  after-div  ${d.id} (pcs ${d.expected.exit}, ours ${d.exit}): ${d.line}`);
  for (const d of all.filter((x) => x.outcome === 'disagree')) {
    lines.push(`  DISAGREE   ${d.id} (pcs ${d.expected.exit}, ours ${d.exit}): ${d.line}`);
    if (verbose) lines.push(...d.stderr.split('\n').filter(Boolean).map((l) => `             ${l}`));
  }
  for (const d of all.filter((x) => x.dataOutput && !x.stdoutEqual && x.outcome !== 'divergent')) lines.push(`  stdout     ${d.id}: ${d.line}`);
  for (const s of r.scenarios.filter((x) => !x.cibEqual)) lines.push(`  cib        ${s.name}${s.divergent ? ' (has a divergent command)' : ''}`);
  return lines.join('\n');
}
