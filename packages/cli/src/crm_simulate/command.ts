// crm_simulate as a library command: read the CIB, run the simulation, write the requested
// artifacts. Returns what to print and the exit code (as upstream's crm_exit_t values).

import { closeSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { Cib, CibError, renderProblem, writeFileAtomic } from '@hacluster/cib';
import { SchedulerError, simulateCluster, writeGraphXml } from '@hacluster/policy-engine';
import { parseCrmSimulateArgs, renderParseProblem, USAGE, type CrmSimulateArgs } from './args.js';

/** Pacemaker's exit codes (crm_exit_t) used by crm_simulate. */
export const ExitCode = {
  ok: 0,
  error: 1,
  usage: 64,
  dataErr: 65,
  noInput: 66,
  software: 70,
  cantCreate: 73,
} as const;

export interface CommandResult {
  stdout: string;
  stderr: string;
  /** The part of stderr written before stdout (warnings about the input). */
  stderrFirst?: string;
  exitCode: number;
}

export interface CommandEnv {
  /** Reads standard input (for --xml-pipe). */
  readStdin: () => string;
}

const PROG = 'crm_simulate';

function fail(message: string, exitCode: number, stdout = ''): CommandResult {
  return { stdout, stderr: `${PROG}: ${message}\n`, exitCode };
}

function readInput(args: CrmSimulateArgs, env: CommandEnv): { text: string; name: string } | CommandResult {
  if (args.liveCheck) {
    return fail('no live cluster is available to query (use --xml-file with a CIB file)', ExitCode.noInput);
  }
  if (args.xmlPipe || args.xmlFile === undefined || args.xmlFile === '-') {
    try {
      return { text: env.readStdin(), name: '(stdin)' };
    } catch (e) {
      return fail(`could not read the CIB from standard input: ${(e as Error).message}`, ExitCode.noInput);
    }
  }
  try {
    return { text: readFileSync(args.xmlFile, 'utf8'), name: args.xmlFile };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'is a directory' : (e as Error).message;
    return fail(`could not read '${args.xmlFile}': ${why}`, ExitCode.noInput);
  }
}

function writeArtifact(file: string, text: string): CommandResult | undefined {
  try {
    writeFileAtomic(file, text);
    return undefined;
  } catch (e) {
    const why = e instanceof CibError ? e.problems.map(renderProblem).join('; ') : (e as Error).message;
    return fail(`could not create '${file}': ${why}`, ExitCode.cantCreate);
  }
}

/** Writes a file chunk by chunk (through a temporary file renamed into place). */
function streamArtifact(file: string, produce: (sink: (chunk: Buffer) => void) => void): CommandResult | undefined {
  const tmp = `${file}.tmp-${process.pid}`;
  let fd: number | undefined;
  try {
    fd = openSync(tmp, 'w');
    const out = fd;
    produce((chunk) => writeSync(out, chunk));
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, file);
    return undefined;
  } catch (e) {
    if (fd !== undefined) closeSync(fd);
    try {
      unlinkSync(tmp);
    } catch {
      // nothing to clean up
    }
    return fail(`could not create '${file}': ${(e as Error).message}`, ExitCode.cantCreate);
  }
}

export function runCrmSimulate(argv: readonly string[], env: CommandEnv): CommandResult {
  const parsed = parseCrmSimulateArgs(argv);
  if (!parsed.ok) return fail(renderParseProblem(parsed.problem), ExitCode.usage);
  const args = parsed.args;
  if (args.help) return { stdout: USAGE, stderr: '', exitCode: ExitCode.ok };
  if (args.version) return { stdout: 'Pacemaker 3.0.2 (hacluster)\nWritten by the hacluster project after Pacemaker\n', stderr: '', exitCode: ExitCode.ok };
  const input = readInput(args, env);
  if ('exitCode' in input) return input;
  let cib: Cib;
  try {
    cib = Cib.parse(input.text, input.name);
  } catch (e) {
    if (e instanceof CibError) return fail(e.problems.map(renderProblem).join('\n'), ExitCode.dataErr);
    throw e;
  }
  if (cib.root.first('status') === undefined) cib.ensureScope('status');
  try {
    const result = simulateCluster(cib.root, {
      process: args.process,
      simulate: args.simulate,
      showScores: args.showScores,
      showUtilization: args.showUtilization,
      showPending: args.showPending,
      quiet: args.quiet,
      useDate: args.useDate,
      allActions: args.allActions,
      verbose: args.verbose > 0,
      injections: {
        nodeUp: args.nodeUp,
        nodeDown: args.nodeDown,
        nodeFail: args.nodeFail,
        opInject: args.opInject,
        opFail: args.opFail,
        quorum: args.quorum,
        watchdog: args.watchdog,
      },
    });
    if (args.saveGraph !== undefined && result.schedule !== undefined) {
      const problem = streamArtifact(args.saveGraph, (sink) => writeGraphXml(result.schedule!.graph, sink));
      if (problem) return { ...problem, stdout: result.stdout };
    }
    // each artifact is rendered only when its file was asked for
    const artifacts: [string | undefined, () => string | undefined][] = [
      [args.saveDotfile, () => result.dot],
      [args.saveInput, () => `${new Cib(wrap(result.inputCib, cib)).toXml()}`],
      [args.saveOutput, () => cib.toXml()],
      [args.inPlace && args.xmlFile !== undefined && args.xmlFile !== '-' ? args.xmlFile : undefined, () => cib.toXml()],
    ];
    for (const [file, render] of artifacts) {
      if (file === undefined) continue;
      const text = render();
      if (text === undefined) continue;
      const problem = writeArtifact(file, text);
      if (problem) return { ...problem, stdout: result.stdout };
    }
    return {
      stdout: result.stdout,
      stderr: result.stderr.slice(result.warnings.length),
      stderrFirst: result.warnings,
      exitCode: result.exitCode,
    };
  } catch (e) {
    if (e instanceof SchedulerError) return fail(e.message, e.code === 'UNSUPPORTED_VARIANT' || e.code === 'UNSUPPORTED_FEATURE' ? ExitCode.error : ExitCode.dataErr);
    throw e;
  }
}

/** A document around a copied root element, keeping the original's prolog. */
function wrap(root: import('@hacluster/cib').XmlElement, original: Cib) {
  const doc = original.doc.clone();
  doc.root = root;
  return doc;
}
