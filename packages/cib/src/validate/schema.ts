// Validation against Pacemaker's RelaxNG schemas with xmllint (Debian: libxml2-utils), the
// schema chosen by the CIB's validate-with (pacemaker-3.9 → <schema dir>/pacemaker-3.9.rng).
// The schemas come with Pacemaker (Debian: pacemaker-common, in /usr/share/pacemaker; the
// directory can be set as Pacemaker's own tools read it, PCMK_schema_directory). Without xmllint
// or the schema the check is skipped, and a SCHEMA_UNAVAILABLE note says why.

import { childProcess } from '../builtins.js';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Cib } from '../cib.js';
import type { CibProblem } from '../errors.js';

export interface SchemaOptions {
  /** Where the pacemaker-*.rng files are. Default: $PCMK_schema_directory, else /usr/share/pacemaker. */
  schemaDir?: string;
  /** The xmllint to run. Default: xmllint on the PATH. */
  xmllint?: string;
}

export const DEFAULT_SCHEMA_DIR = '/usr/share/pacemaker';

/** xmllint's report lines: `-:12: element primitive: Relax-NG validity error : …`. */
const REPORT = /^-:(\d+): element ([^:\s]+): (?:Relax-NG )?validity error : (.*)$/;

/** Problems the schema finds; a SCHEMA_UNAVAILABLE note when it cannot be checked. */
export function checkSchema(cib: Cib, options: SchemaOptions = {}): CibProblem[] {
  const schema = cib.root.get('validate-with');
  if (schema === undefined || schema === 'none') {
    return [{ code: 'SCHEMA_UNAVAILABLE', schema: schema ?? '(none)', reason: 'the CIB names no schema (validate-with)' }];
  }
  const dir = options.schemaDir ?? process.env['PCMK_schema_directory'] ?? DEFAULT_SCHEMA_DIR;
  const file = join(dir, `${schema}.rng`);
  if (!/^[A-Za-z0-9_.-]+$/.test(schema) || !existsSync(file)) {
    return [{ code: 'SCHEMA_UNAVAILABLE', schema, reason: `${file} is not there (Debian's pacemaker-common installs the schemas its Pacemaker knows)` }];
  }
  const run = childProcess().spawnSync(options.xmllint ?? 'xmllint', ['--noout', '--relaxng', file, '-'], {
    input: cib.toXml(),
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (run.error) {
    return [{ code: 'SCHEMA_UNAVAILABLE', schema, reason: `xmllint cannot be run (${(run.error as NodeJS.ErrnoException).code ?? run.error.message}; Debian: libxml2-utils)` }];
  }
  if (run.status === 0) return [];
  // 5: the schema itself did not compile; that says nothing about the CIB.
  if (run.status === 5) return [{ code: 'SCHEMA_UNAVAILABLE', schema, reason: `xmllint could not compile ${file}: ${run.stderr.trim()}` }];
  const problems: CibProblem[] = [];
  for (const line of run.stderr.split('\n')) {
    const m = REPORT.exec(line);
    if (m) problems.push({ code: 'SCHEMA_INVALID', schema, line: Number(m[1]), element: m[2], detail: m[3]! });
  }
  if (problems.length === 0) {
    const detail = run.stderr.split('\n').filter((l) => l.trim() !== '' && l !== '- fails to validate').join('; ');
    problems.push({ code: 'SCHEMA_INVALID', schema, line: undefined, element: undefined, detail: detail || `xmllint exited with ${run.status}` });
  }
  return problems;
}
