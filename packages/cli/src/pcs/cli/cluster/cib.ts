// `pcs cluster cib`, `cluster verify`.

import { writeFileSync } from 'node:fs';
import { cibText } from '../../lib/commands/cluster-cib.js';
import { clusterVerify, type VerifyProblem } from '../../lib/commands/cluster-verify.js';
import { error, LibraryError } from '../../lib/reports/item.js';
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
  const full = cli.mods.is('--full');
  const lines = full ? problems.map(problemLine) : [`${problems.length} ${problems.length === 1 ? 'problem' : 'problems'} found`];
  throw new LibraryError(error({ code: 'CIB_VERIFY_FAILED', problems: lines, full }));
}
