// Validation of a CIB: structure, ids, references, and Pacemaker's schema. Problems are values
// (see errors.ts); renderProblem makes text of them at the edge.

import type { Cib } from '../cib.js';
import type { CibProblem } from '../errors.js';
import { checkDuplicateIds, checkReferences } from './references.js';
import { checkSchema, type SchemaOptions } from './schema.js';
import { checkStructure } from './structure.js';

export { checkStructure } from './structure.js';
export { checkDuplicateIds, checkReferences } from './references.js';
export { checkSchema, DEFAULT_SCHEMA_DIR, type SchemaOptions } from './schema.js';

export interface ValidateOptions extends SchemaOptions {
  /** Also validate against the RelaxNG schema with xmllint (default true). */
  schema?: boolean;
}

/** Every problem found, in the order: structure, duplicate ids, references, schema. */
export function validateCib(cib: Cib, options: ValidateOptions = {}): CibProblem[] {
  return [
    ...checkStructure(cib),
    ...checkDuplicateIds(cib),
    ...checkReferences(cib),
    ...(options.schema === false ? [] : checkSchema(cib, options)),
  ];
}

/** A note (the schema check was skipped) rather than something wrong with the CIB. */
export function isNote(problem: CibProblem): boolean {
  return problem.code === 'SCHEMA_UNAVAILABLE';
}
