// A writer is killed (SIGKILL) at random instants while it replaces a CIB file over and over:
// the file must always hold a whole CIB, the one before the write in progress or the one it was
// writing, and so must every backup. The writer runs the built library (dist), which is brought
// up to date first.

import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Cib, listBackups } from '../src/index.js';
import { cibText } from './support/cib-writer.mjs';
import { seededRandom } from './support/mutate.js';

const here = dirname(fileURLToPath(import.meta.url));
const writer = join(here, 'support', 'cib-writer.mjs');
const packageDir = join(here, '..');

describe('a writer killed at random instants', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cib-crash-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  beforeAll(() => {
    const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
    const build = spawnSync(process.execPath, [tsc, '-b', packageDir], { encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`building packages/cib failed:\n${build.stdout}${build.stderr}`);
  });

  it('leaves the old CIB or the new one, never a torn one', async () => {
    const file = join(dir, 'cib.xml');
    writeFileSync(file, cibText(1));
    const random = seededRandom(20260701);
    let next = 2;
    let leftovers = 0;
    let readsWhileWriting = 0;
    const rounds = 30;
    for (let round = 0; round < rounds; round++) {
      const child = spawn(process.execPath, [writer, file, String(next)], { stdio: ['ignore', 'pipe', 'inherit'] });
      let out = '';
      child.stdout.setEncoding('utf8');
      // Every other round the clock starts after a first whole write, so that rounds do write.
      const afterFirstWrite = round % 2 === 1;
      const ready = new Promise<void>((resolve) => {
        child.stdout.on('data', (d: string) => {
          out += d;
          if (afterFirstWrite ? /^ready\n\d+\n/.test(out) : out.startsWith('ready\n')) resolve();
        });
      });
      const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
      await ready;
      // Read while it writes, then kill it somewhere in a write (or between two).
      const until = Date.now() + random() * 80;
      while (Date.now() < until) {
        const text = readFileSync(file, 'utf8');
        const epoch = Cib.parse(text, file).version.epoch;
        expect(text).toBe(cibText(epoch));
        readsWhileWriting++;
        await new Promise((r) => setTimeout(r, random() * 4));
      }
      child.kill('SIGKILL');
      await exited;

      const written = out.split('\n').slice(1).filter((l) => /^\d+$/.test(l)).map(Number);
      const lastDone = written.length ? written[written.length - 1]! : next - 1;
      const text = readFileSync(file, 'utf8');
      const epoch = Cib.parse(text, file).version.epoch;
      expect(text).toBe(cibText(epoch));
      expect([lastDone, lastDone + 1]).toContain(epoch);
      for (const [, backup] of listBackups(file)) {
        const b = readFileSync(backup, 'utf8');
        expect(b).toBe(cibText(Cib.parse(b, backup).version.epoch));
      }
      if (readdirSync(dir).some((f) => f.endsWith('.tmp'))) leftovers++;
      next = epoch + 1;
    }
    // A writer killed between making its backup and pruning leaves one more than it keeps; the
    // next one prunes.
    expect(listBackups(file).length).toBeLessThanOrEqual(4);
    console.log(`crash test: ${rounds} kills, ${leftovers} of them in the middle of a write (a temporary file left), ${readsWhileWriting} reads during writes, last epoch ${next - 1}`);
    expect(next - 2).toBeGreaterThanOrEqual(rounds / 2);
  });
});
