// `pcs -f CIB [--corosync_conf FILE] config backup [FILE]` and `config restore [FILE]`: pcs
// backs up and restores a running cluster's files; here the files are the ones given.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { configBackup, configRestore } from '../../lib/commands/config-backup.js';
import { error, LibraryError } from '../../lib/reports/item.js';
import type { Cli } from '../context.js';
import { CmdLineInputError } from '../errors.js';

export async function backup(cli: Cli, argv: string[]): Promise<void> {
  cli.mods.ensureOnlySupported(['-f', '--corosync_conf', '--force']);
  if (argv.length > 1) throw new CmdLineInputError();
  const data = configBackup(cli.env);
  if (!argv.length) {
    if (!cli.io.outBytes) throw new CmdLineInputError('name the file to write the backup to');
    cli.io.outBytes(data);
    return;
  }
  const name = argv[0]!.endsWith('.tar.bz2') ? argv[0]! : `${argv[0]}.tar.bz2`;
  const path = cli.env.path(name);
  if (existsSync(path) && !cli.mods.force) throw new LibraryError(error({ code: 'FILE_ALREADY_EXISTS', file: name }, 'FORCE'));
  try {
    writeFileSync(path, data, { mode: 0o600 });
  } catch (e) {
    throw new LibraryError(error({ code: 'FILE_IO_ERROR', file: path, operation: 'write', reason: e instanceof Error ? e.message : String(e) }));
  }
}

export async function restore(cli: Cli, argv: string[]): Promise<void> {
  cli.mods.ensureOnlySupported(['-f', '--corosync_conf', '--local']);
  if (argv.length > 1) throw new CmdLineInputError();
  let data: Buffer;
  const file = argv[0] === undefined ? undefined : cli.env.path(argv[0]);
  try {
    data = file === undefined ? readFileSync(0) : readFileSync(file);
  } catch (e) {
    throw new LibraryError(error({ code: 'FILE_IO_ERROR', file: file ?? 'stdin', operation: 'read', reason: e instanceof Error ? e.message : String(e) }));
  }
  configRestore(cli.env, data);
}
