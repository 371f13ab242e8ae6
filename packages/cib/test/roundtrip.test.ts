import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Cib } from '../src/index.js';
import { missingReason, sharedPath } from '../../../test/support/corpus.js';

const xmlDir = sharedPath('conformance', 'scheduler', 'xml');

describe('round trip of the shared scheduler CIBs', () => {
  if (!xmlDir) {
    it.skip(missingReason('conformance/scheduler/xml'), () => {});
    return;
  }
  const files = readdirSync(xmlDir).filter((f) => f.endsWith('.xml'));
  it(`writes every one of the ${files.length} CIBs back byte for byte`, () => {
    const differing: string[] = [];
    for (const f of files) {
      const text = readFileSync(join(xmlDir, f), 'utf8');
      if (Cib.parse(text, f).toXml() !== text) differing.push(f);
    }
    expect(differing).toEqual([]);
    expect(files.length).toBeGreaterThanOrEqual(700);
  });
});
