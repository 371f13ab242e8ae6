// Reports: what a library command has to say (an error, a warning, a note), as data. The CLI
// turns them into text at the edge (cli/reports/render.ts); tests look at codes and payloads.

import type { ReportMessage } from './messages.js';

export type Severity = 'error' | 'warning' | 'deprecation' | 'info';

/** An error that `--force` turns into a warning carries this force code. */
export type ForceCode = 'FORCE';

export interface ReportItem {
  severity: Severity;
  message: ReportMessage;
  /** Set on errors that --force would downgrade to warnings. */
  forceCode?: ForceCode;
}

export const error = (message: ReportMessage, forceCode?: ForceCode): ReportItem =>
  forceCode ? { severity: 'error', message, forceCode } : { severity: 'error', message };
export const warning = (message: ReportMessage): ReportItem => ({ severity: 'warning', message });
export const deprecation = (message: ReportMessage): ReportItem => ({ severity: 'deprecation', message });
export const info = (message: ReportMessage): ReportItem => ({ severity: 'info', message });

/** An error that `--force` downgrades: a warning when forced, a forceable error otherwise. */
export function forceable(message: ReportMessage, forced: boolean): ReportItem {
  return forced ? warning(message) : error(message, 'FORCE');
}

/** Severity for a forceable check, as a function to pass to validators. */
export type SeverityFor = (message: ReportMessage) => ReportItem;
export const severityFor = (forced: boolean): SeverityFor => (m) => forceable(m, forced);
export const plainError: SeverityFor = (m) => error(m);

/** Thrown by library commands to stop; the reports (if any) say why. */
export class LibraryError extends Error {
  readonly reports: ReportItem[];
  constructor(...reports: ReportItem[]) {
    super(reports.map((r) => r.message.code).join(', ') || 'library error');
    this.name = 'LibraryError';
    this.reports = reports;
  }
}

/** Collects reports of one command; warnings go out as they come, errors stop the command. */
export class ReportProcessor {
  private readonly sink: (item: ReportItem) => void;
  private errors = 0;
  readonly items: ReportItem[] = [];

  constructor(sink: (item: ReportItem) => void) {
    this.sink = sink;
  }

  report(item: ReportItem): this {
    this.items.push(item);
    if (item.severity === 'error') this.errors++;
    this.sink(item);
    return this;
  }

  reportList(items: readonly ReportItem[]): this {
    for (const i of items) this.report(i);
    return this;
  }

  get hasErrors(): boolean {
    return this.errors > 0;
  }

  /** Throws a LibraryError (its reports already shown) when an error was reported. */
  throwOnErrors(): void {
    if (this.errors > 0) throw new LibraryError();
  }
}
