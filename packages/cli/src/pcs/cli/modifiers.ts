// The global options of one command line, and the checks each command makes on them: pcs
// accepts every option everywhere while parsing, then each command says which it supports.

import { CmdLineInputError } from './errors.js';
import { formatList, formatPlural } from './text.js';

export const OUTPUT_FORMATS = ['cmd', 'json', 'text'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export class InputModifiers {
  private readonly defined: Map<string, string>;

  constructor(options: Iterable<[string, string]>) {
    this.defined = new Map(options);
  }

  is(option: string): boolean {
    return this.defined.has(option);
  }

  isAny(options: readonly string[]): boolean {
    return options.some((o) => this.defined.has(o));
  }

  /** The value of an option that takes one; undefined when it was not given. */
  value(option: string): string | undefined {
    return this.defined.get(option);
  }

  get force(): boolean {
    return this.defined.has('--force');
  }

  /** Only these options (and --debug) may be given to this command. */
  ensureOnlySupported(supported: readonly string[], opts: { outputFormat?: boolean; hintSyntaxChanged?: boolean } = {}): void {
    const allowed = new Set([...supported, '--debug']);
    if (opts.outputFormat) allowed.add('--output-format');
    const unsupported = [...this.defined.keys()].filter((o) => !allowed.has(o)).sort();
    if (unsupported.length > 0) {
      throw new CmdLineInputError(
        `${formatPlural(unsupported, 'option')} ${formatList(unsupported)} ${unsupported.length === 1 ? 'is' : 'are'} not supported by this command`,
        opts.hintSyntaxChanged ? "the syntax changed in pcs 0.11, see 'man pcs'" : undefined,
      );
    }
  }

  ensureNotMutuallyExclusive(...options: string[]): void {
    const given = options.filter((o) => this.defined.has(o)).sort();
    if (given.length > 1) throw new CmdLineInputError(`only one of ${formatList(given)} can be used`);
  }

  ensureNotIncompatible(checked: string, incompatible: readonly string[]): void {
    if (!this.defined.has(checked)) return;
    const bad = incompatible.filter((o) => this.defined.has(o)).sort();
    if (bad.length > 0) throw new CmdLineInputError(`'${checked}' cannot be used with ${formatList(bad)}`);
  }

  ensureDependencySatisfied(main: string, dependents: readonly string[]): void {
    if (this.defined.has(main)) return;
    const bad = dependents.filter((o) => this.defined.has(o)).sort();
    if (bad.length > 0) throw new CmdLineInputError(`${formatList(bad)} cannot be used without '${main}'`);
  }

  outputFormat(supported: readonly OutputFormat[] = OUTPUT_FORMATS): OutputFormat {
    const v = this.defined.get('--output-format') ?? 'text';
    if ((supported as readonly string[]).includes(v)) return v as OutputFormat;
    throw new CmdLineInputError(`--output-format does not take '${v}': use ${formatList([...supported])}`);
  }

  /** A copy with an option added (for commands that show others' output in a fixed mode). */
  with(option: string, value = ''): InputModifiers {
    return new InputModifiers([...this.defined, [option, value]]);
  }

  /** A copy with only some of the options (for commands that call others). */
  subset(...options: string[]): InputModifiers {
    return new InputModifiers([...this.defined].filter(([k]) => options.includes(k)));
  }
}
