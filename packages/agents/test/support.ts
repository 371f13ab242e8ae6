// Helpers for the agents' tests: scratch directories, agents written as scripts into a private
// OCF_ROOT, and the question whether a system tool is here (tests needing one skip, saying so).

import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync, accessSync, constants } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';
import { defaultAgentPaths, type AgentPaths } from '../src/index.js';

export const PACKAGE_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const BUILTIN_DIR = join(PACKAGE_DIR, 'resource.d', 'hacluster');

const made: string[] = [];
afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

export function scratch(prefix = 'agents-test-'): string {
  const d = mkdtempSync(join(tmpdir(), prefix));
  made.push(d);
  return d;
}

/** A private OCF_ROOT with the given scripts as ocf:test:<name> agents. */
export function ocfRootWith(agents: Record<string, string>): AgentPaths {
  const root = scratch('ocf-root-');
  const dir = join(root, 'resource.d', 'test');
  mkdirSync(dir, { recursive: true });
  for (const [name, body] of Object.entries(agents)) {
    writeFileSync(join(dir, name), body);
    chmodSync(join(dir, name), 0o755);
  }
  return { ...defaultAgentPaths(), ocfRoot: root, builtinResourceD: undefined };
}

export function writeScript(path: string, body: string): string {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, body);
  chmodSync(path, 0o755);
  return path;
}

export function hasCommand(name: string): boolean {
  for (const dir of (process.env['PATH'] ?? '').split(':')) {
    try {
      accessSync(join(dir, name), constants.X_OK);
      return true;
    } catch {
      // keep looking
    }
  }
  return false;
}

export const isRoot = process.getuid?.() === 0;

/** The reason a test skips when tools are missing, or undefined when they are all here. */
export function missingTools(...names: string[]): string | undefined {
  const missing = names.filter((n) => !hasCommand(n));
  return missing.length > 0 ? `skipped: ${missing.join(', ')} not installed (.ci/run installs them)` : undefined;
}

export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
