// Pacemaker's text output (lib/common/output_text.c): nested lists printed as "* item" lines two
// spaces deeper per level in "fancy" mode, plain lines otherwise; quiet mode drops information.

export class TextOutput {
  private readonly out: string[] = [];
  private depth = 0;

  constructor(
    /** Headers, bullets and indentation (crm_simulate uses it unless showing scores). */
    readonly fancy: boolean,
    readonly quiet = false,
  ) {}

  private indent(): string {
    if (!this.fancy) return '';
    return '  '.repeat(this.depth) + (this.depth > 0 ? '* ' : '');
  }

  beginList(title?: string): void {
    if (this.fancy && title !== undefined) this.out.push(`${this.indent()}${title}:`);
    this.depth++;
  }

  /** A list item; with an id, fancy mode prints "<id>: <text>". */
  listItem(text: string, id?: string): void {
    if (this.fancy && id !== undefined) this.out.push(`${this.indent()}${id}: ${text}`);
    else this.out.push(`${this.indent()}${text}`);
  }

  endList(): void {
    this.depth--;
  }

  /** An informational line (suppressed when quiet). Returns whether it was printed. */
  info(text: string): boolean {
    if (this.quiet) return false;
    this.out.push(text);
    return true;
  }

  spacer(): void {
    this.out.push('');
  }

  /** Text printed as is (it may contain newlines). */
  raw(text: string): void {
    const lines = text.split('\n');
    if (lines[lines.length - 1] === '') lines.pop();
    this.out.push(...lines);
  }

  get isQuiet(): boolean {
    return this.quiet;
  }

  text(): string {
    return this.out.length ? `${this.out.join('\n')}\n` : '';
  }

  lines(): readonly string[] {
    return this.out;
  }
}
