// Errors of the command line itself (wrong words, wrong number of words). They carry no report
// codes: the CLI prints the message, or the usage of the command when there is none.

export class CmdLineInputError extends Error {
  constructor(
    message = '',
    readonly hint?: string,
    /** Print the usage of the command as well as the message. */
    readonly showUsage = false,
  ) {
    super(message);
    this.name = 'CmdLineInputError';
  }
}

/** A command pcs 0.11 replaced: it is refused with a pointer to the new form. */
export class CommandReplacedError extends Error {
  constructor(readonly replacements: string[]) {
    super(`replaced by ${replacements.join(', ')}`);
    this.name = 'CommandReplacedError';
  }
}

/** Ends the command with this exit code and nothing more to print. */
export class ExitError extends Error {
  constructor(readonly exitCode: number) {
    super(`exit ${exitCode}`);
    this.name = 'ExitError';
  }
}
