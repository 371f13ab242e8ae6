// Helpers for the benchmark scripts: the shared corpus, generated CIBs (cached), medians.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const CACHE = join(REPO, '.bench-cache');

export function sharedDir() {
  const env = process.env.HACLUSTER_SHARED;
  if (env && existsSync(env)) return resolve(env);
  const beside = resolve(REPO, '..', 'shared');
  return existsSync(beside) ? beside : undefined;
}

/**
 * Path of a generated CIB (cached under .bench-cache), or undefined without the generator.
 * `clones` and `promotable` (counts) are passed to the generator when given.
 */
export function generatedCib(nodes, resources, { probed = 0, seed = 1, clones, promotable } = {}) {
  const shared = sharedDir();
  if (!shared) return undefined;
  mkdirSync(CACHE, { recursive: true });
  const extra = [];
  let tag = '';
  if (clones !== undefined) {
    extra.push('--clones', String(clones));
    tag += `-c${clones}`;
  }
  if (promotable !== undefined) {
    extra.push('--promotable', String(promotable));
    tag += `-m${promotable}`;
  }
  const file = join(CACHE, `cib-${nodes}-${resources}-p${probed}-s${seed}${tag}.xml`);
  if (!existsSync(file)) {
    const xml = execFileSync(process.execPath, [join(shared, 'bench', 'gen-cib.mjs'), '--nodes', String(nodes), '--resources', String(resources), '--probed', String(probed), '--seed', String(seed), ...extra], { maxBuffer: 2 ** 31 - 1, stdio: ['ignore', 'pipe', 'ignore'] });
    writeFileSync(file, xml);
  }
  return file;
}

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export function gc() {
  if (globalThis.gc) globalThis.gc();
}

/** The generated CIBs the CIB benchmarks run on: 64 nodes and 10,000 resources, plain and probed. */
export const CIB_RUNGS = [
  [64, 10000, 0],
  [64, 10000, 1],
];

/**
 * Calls f({ label, text, mb }) for each rung's generated CIB; says so and stops when the
 * generator (the shared corpus) is not there.
 */
export function forEachGeneratedCib(rungs, f) {
  for (const [nodes, resources, probed] of rungs) {
    const file = generatedCib(nodes, resources, { probed });
    if (!file) {
      console.log('skipped: the shared corpus (bench/gen-cib.mjs) was not found');
      return;
    }
    const text = readFileSync(file, 'utf8');
    f({ label: `${nodes}/${resources}${probed ? ' probed' : ''}`, text, mb: Buffer.byteLength(text) / 1e6 });
  }
}
