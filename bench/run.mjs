#!/usr/bin/env node
// Runs every benchmark script in this folder (or those named on the command line), one process
// each, so one benchmark's heap does not weigh on the next.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const wanted = process.argv.slice(2);
const scripts = readdirSync(here)
  .filter((f) => f.endsWith('.mjs') && f !== 'run.mjs' && !f.startsWith('_'))
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.startsWith(w)))
  .sort();
let failed = 0;
for (const s of scripts) {
  process.stdout.write(`\n== ${s}\n`);
  const r = spawnSync(process.execPath, ['--expose-gc', '--max-old-space-size=8192', join(here, s)], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exitCode = failed ? 1 : 0;
