// What a CLI command handler gets: the library environment, the global options and the output
// streams. Handlers parse words and call library commands; they decide nothing themselves.

import type { LibraryEnvironment } from '../lib/env.js';
import type { InputModifiers } from './modifiers.js';

export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** Binary data to stdout (`config backup` without a file); absent where only text is taken. */
  outBytes?(data: Buffer): void;
}

export interface Cli {
  env: LibraryEnvironment;
  mods: InputModifiers;
  io: Io;
  /** Prints lines to stdout, each ending in a newline. */
  print(...lines: string[]): void;
  /** Prints a warning line on stderr. */
  warn(text: string): void;
  /** Prints a deprecation note on stderr. */
  deprecated(text: string): void;
  /** Notes on stderr that a 0.9-era form was accepted and what the modern form is. */
  legacyForm(legacy: string, modern: string): void;
}

export type Handler = (cli: Cli, argv: string[]) => Promise<void>;
