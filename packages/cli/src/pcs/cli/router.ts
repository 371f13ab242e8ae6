// Routing is a table, as in pcs: each area maps its sub-commands to handlers. An input error
// raised below gets the path of the command that failed, so its usage can be shown.

import type { Cli, Handler } from './context.js';
import { CmdLineInputError } from './errors.js';

export class UsageError extends Error {
  constructor(
    readonly path: string[],
    readonly inner: CmdLineInputError,
  ) {
    super(inner.message);
    this.name = 'UsageError';
  }
}

export function router(table: Record<string, Handler>, path: string[], defaultCmd?: string): Handler {
  return async (cli: Cli, argv: string[]) => {
    let sub: string;
    let rest: string[];
    if (argv.length > 0) {
      [sub, ...rest] = argv as [string, ...string[]];
    } else if (defaultCmd !== undefined) {
      sub = defaultCmd;
      rest = [];
    } else {
      throw new UsageError(path, new CmdLineInputError());
    }
    const handler = Object.hasOwn(table, sub) ? table[sub] : undefined;
    if (!handler) throw new UsageError(path, new CmdLineInputError());
    try {
      await handler(cli, rest);
    } catch (e) {
      if (e instanceof CmdLineInputError) throw new UsageError([...path, sub], e);
      throw e;
    }
  };
}
