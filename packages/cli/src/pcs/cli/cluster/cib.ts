// `pcs cluster cib`, `cluster verify`.

import { childProcess } from '@hacluster/cib';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cibText } from '../../lib/commands/cluster-cib.js';
import { clusterVerify, type VerifyProblem } from '../../lib/commands/cluster-verify.js';
import { renderProblem } from '@hacluster/cib';
import { cibPush, cibPushDiff } from '../../lib/commands/cluster-push.js';
import { error, info, LibraryError } from '../../lib/reports/item.js';
import type { Cli } from '../context.js';
import { CmdLineInputError } from '../errors.js';
import { splitOption } from '../parse-args.js';

/** FILE and scope=S from the words of cib, cib-push and edit. */
export function fileAndScope(cli: Cli, argv: readonly string[], allowed: readonly string[]): { file?: string; scope?: string; rest: Map<string, string> } {
  let file: string | undefined;
  let scope: string | undefined;
  const rest = new Map<string, string>();
  for (const a of argv) {
    if (!a.includes('=')) {
      if (file !== undefined) throw new CmdLineInputError();
      file = a;
      continue;
    }
    const [name, value] = splitOption(a);
    if (!allowed.includes(name)) throw new CmdLineInputError(`unknown option '${name}'; allowed: ${allowed.join(', ')}`);
    if (name === 'scope') {
      if (cli.mods.is('--config')) throw new CmdLineInputError('give scope= or --config, not both');
      scope = value;
    } else rest.set(name, value);
  }
  if (cli.mods.is('--config')) scope = 'configuration';
  return { ...(file !== undefined ? { file } : {}), ...(scope !== undefined ? { scope } : {}), rest };
}

export async function cib(cli: Cli, argv: string[]): Promise<void> {
  cli.mods.ensureOnlySupported(['-f', '--config']);
  if (argv.length > 2) throw new CmdLineInputError();
  const { file, scope } = fileAndScope(cli, argv, ['scope']);
  const text = cibText(cli.env, scope);
  if (file === undefined) {
    cli.print(text.trimEnd());
    return;
  }
  const path = cli.env.path(file);
  try {
    writeFileSync(path, text);
  } catch (e) {
    throw new LibraryError(error({ code: 'FILE_IO_ERROR', file: path, operation: 'write', reason: e instanceof Error ? e.message : String(e) }));
  }
}

function problemLine(p: VerifyProblem): string {
  switch (p.code) {
    case 'CIB':
      return `error: ${renderProblem(p.problem)}`;
    case 'SCHEMA': {
      const s = p.problem;
      return `error: <${s.element}${s.id !== undefined ? ` id="${s.id}"` : ''}> ${s.attribute}="${s.value}" is not ${s.expected}`;
    }
    case 'NO_STONITH_RESOURCES':
      return 'error: fencing is enabled (stonith-enabled) but no fence device is configured, so no resource would be started; create one with \'pcs stonith create\' or set stonith-enabled=false';
  }
}

export async function verify(cli: Cli, argv: string[]): Promise<void> {
  cli.mods.ensureOnlySupported(['-f', '--full']);
  if (argv.length) throw new CmdLineInputError();
  const problems = clusterVerify(cli.env);
  if (!problems.length) return;
  // Every problem is named with or without --full: there is no scheduler log to hide here.
  throw new LibraryError(error({ code: 'CIB_VERIFY_FAILED', problems: problems.map(problemLine), full: true }));
}

export async function cibPushCmd(cli: Cli, argv: string[]): Promise<void> {
  cli.mods.ensureOnlySupported(['-f', '--config', '--wait']);
  if (argv.length > 2) throw new CmdLineInputError();
  const { file, scope, rest } = fileAndScope(cli, argv, ['scope', 'diff-against']);
  const diffAgainst = rest.get('diff-against');
  if (diffAgainst !== undefined && scope !== undefined) throw new CmdLineInputError('give diff-against or a scope (scope=, --config), not both');
  if (file === undefined) throw new CmdLineInputError();
  if (cli.mods.is('--wait')) throw new CmdLineInputError('--wait waits for a running cluster to settle; no cluster runs here');
  if (diffAgainst !== undefined) cibPushDiff(cli.env, file, diffAgainst);
  else cibPush(cli.env, file, scope);
}

export async function edit(cli: Cli, argv: string[]): Promise<void> {
  cli.mods.ensureOnlySupported(['-f', '--config', '--wait']);
  const editor = cli.env.variables.EDITOR;
  if (!editor) throw new LibraryError(error({ code: 'CIB_EDIT_NO_EDITOR' }));
  if (argv.length > 1) throw new CmdLineInputError();
  const { file, scope } = fileAndScope(cli, argv, ['scope']);
  if (file !== undefined) throw new CmdLineInputError();
  if (cli.mods.is('--wait')) throw new CmdLineInputError('--wait waits for a running cluster to settle; no cluster runs here');
  const text = cibText(cli.env, scope);
  const dir = mkdtempSync(join(tmpdir(), 'pcs-edit-'));
  const tmp = join(dir, 'cib.pcs');
  try {
    writeFileSync(tmp, text);
    // The editor gets the terminal; $EDITOR may carry arguments, as shells allow.
    const run = childProcess().spawnSync('/bin/sh', ['-c', `${editor} "$1"`, 'sh', tmp], { stdio: 'inherit' });
    if (run.error) throw new LibraryError(error({ code: 'CIB_EDIT_EDITOR_FAILED', editor, reason: run.error.message }));
    const edited = readFileSync(tmp, 'utf8');
    if (edited === text) {
      cli.env.reports.report(info({ code: 'CIB_EDIT_NO_CHANGES' }));
      return;
    }
    cibPush(cli.env, tmp, scope);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
