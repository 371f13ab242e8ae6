// Problems are values: a code and the offending item. Text is made from them only when they reach
// a user (renderProblem), so callers and tests can look at codes and payloads.

export type CibProblem =
  | { code: 'XML_SYNTAX'; detail: string; line: number; column: number; file?: string }
  | { code: 'WRONG_ROOT'; found: string; file?: string }
  | { code: 'MISSING_SECTION'; section: string }
  | { code: 'UNKNOWN_SCOPE'; scope: string }
  | { code: 'SCOPE_MISMATCH'; scope: string; found: string }
  | { code: 'FILE_UNREADABLE'; file: string; reason: string }
  | { code: 'FILE_UNWRITABLE'; file: string; reason: string }
  | { code: 'OLDER_THAN_STORED'; file: string; offered: string; stored: string }
  | { code: 'PATCH_CONFLICT'; path: string; reason: string }
  | { code: 'BAD_PATCH'; reason: string };

export type CibProblemCode = CibProblem['code'];

export function renderProblem(p: CibProblem): string {
  switch (p.code) {
    case 'XML_SYNTAX':
      return `${p.file ? p.file + ':' : ''}${p.line}:${p.column}: malformed XML: ${p.detail}`;
    case 'WRONG_ROOT':
      return `${p.file ? p.file + ': ' : ''}not a CIB: the root element is <${p.found}>, expected <cib>`;
    case 'MISSING_SECTION':
      return `the CIB has no <${p.section}> section`;
    case 'UNKNOWN_SCOPE':
      return `unknown CIB scope '${p.scope}' (known: ${KNOWN_SCOPES_TEXT})`;
    case 'SCOPE_MISMATCH':
      return `the XML given for scope '${p.scope}' is a <${p.found}> element`;
    case 'FILE_UNREADABLE':
      return `cannot read '${p.file}': ${p.reason}`;
    case 'FILE_UNWRITABLE':
      return `cannot write '${p.file}': ${p.reason}`;
    case 'OLDER_THAN_STORED':
      return `refusing to replace '${p.file}': its CIB (version ${p.stored}) is newer than the one offered (${p.offered})`;
    case 'PATCH_CONFLICT':
      return `the change does not apply at ${p.path}: ${p.reason}`;
    case 'BAD_PATCH':
      return `malformed patch: ${p.reason}`;
  }
}

// Kept here (not imported from scopes.ts) so that rendering has no dependencies.
const KNOWN_SCOPES_TEXT =
  'configuration, nodes, resources, constraints, crm_config, rsc_defaults, op_defaults, fencing-topology, acls, alerts, tags, status';

/** An exception that carries one or more problems; thrown by library calls, caught at the edge. */
export class CibError extends Error {
  readonly problems: CibProblem[];
  constructor(...problems: [CibProblem, ...CibProblem[]]) {
    super(problems.map(renderProblem).join('\n'));
    this.name = 'CibError';
    this.problems = problems;
  }
  get code(): CibProblemCode {
    return this.problems[0]!.code;
  }
}
