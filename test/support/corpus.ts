// Finds the shared corpus (conformance tests, benchmark generator, seeds): the HACLUSTER_SHARED
// environment variable first, then ../shared beside the repository. Tests that need it skip with
// a message saying so when neither is there, so a fresh clone still passes.

import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export function sharedDir(): string | undefined {
  const fromEnv = process.env['HACLUSTER_SHARED'];
  if (fromEnv && existsSync(fromEnv)) return resolve(fromEnv);
  const beside = resolve(REPO_ROOT, '..', 'shared');
  return existsSync(beside) ? beside : undefined;
}

/** A folder inside the shared corpus, or undefined (with the reason in `missingReason`). */
export function sharedPath(...parts: string[]): string | undefined {
  const base = sharedDir();
  if (!base) return undefined;
  const p = join(base, ...parts);
  return existsSync(p) ? p : undefined;
}

export const missingReason = (what: string) =>
  `skipped: ${what} not found (set HACLUSTER_SHARED to the shared corpus folder, or put it at ../shared)`;
