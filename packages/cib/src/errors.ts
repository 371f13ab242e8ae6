// Problems are values: a code and the offending item. Text is made from them only when they reach
// a user (renderProblem), so callers and tests can look at codes and payloads.

/** What went wrong when a patch did not apply (see applyPatch). */
export type PatchConflictKind =
  /** The element to modify or move is not in the target CIB. */
  | 'missing-element'
  /** The element to create something in is not in the target CIB. */
  | 'missing-parent'
  /** The element to create is already there, with different content. */
  | 'already-exists'
  /** The attribute was changed in the target too, to another value than the patch's. */
  | 'attribute-changed'
  /** An id the patch creates is used elsewhere in the target's configuration. */
  | 'id-in-use';

export type CibProblem =
  | { code: 'XML_SYNTAX'; detail: string; line: number; column: number; file?: string }
  | { code: 'WRONG_ROOT'; found: string; file?: string }
  | { code: 'MISSING_SECTION'; section: string }
  | { code: 'UNKNOWN_SCOPE'; scope: string }
  | { code: 'SCOPE_MISMATCH'; scope: string; found: string }
  | { code: 'FILE_UNREADABLE'; file: string; reason: string }
  | { code: 'FILE_UNWRITABLE'; file: string; reason: string }
  | { code: 'OLDER_THAN_STORED'; file: string; offered: string; stored: string }
  | {
      code: 'PATCH_CONFLICT';
      path: string;
      conflict: PatchConflictKind;
      /** For already-exists and id-in-use: the element and id concerned. */
      element?: string;
      id?: string;
      /** For id-in-use: where the target already has that id. */
      usedAt?: string;
      /** For attribute-changed: the attribute, its value in the patch's original (null: absent),
       * the value the patch sets, and the value found in the target. */
      attribute?: string;
      original?: string | null;
      patched?: string | null;
      found?: string | null;
    }
  | { code: 'BAD_PATCH'; reason: string }
  // Validation (validate.ts): each names the element, its id when it has one, and its path.
  | { code: 'MISSING_ID'; element: string; path: string }
  | { code: 'INVALID_ID'; element: string; id: string; path: string }
  | { code: 'DUPLICATE_ID'; element: string; id: string; path: string; firstElement: string; firstPath: string }
  | { code: 'MISSING_ATTRIBUTE'; element: string; id?: string; path: string; attribute: string; detail?: string }
  | { code: 'INVALID_VALUE'; element: string; id?: string; path: string; attribute: string; value: string; allowed: string }
  | { code: 'NO_MEMBERS'; element: string; id?: string; path: string; member: string }
  | { code: 'CLONE_CONTENT'; element: string; id?: string; path: string; count: number }
  | { code: 'DANGLING_REFERENCE'; element: string; id?: string; path: string; attribute: string; ref: string; expected: string }
  | { code: 'SCHEMA_INVALID'; schema: string; line: number | undefined; element: string | undefined; detail: string }
  | { code: 'SCHEMA_UNAVAILABLE'; schema: string; reason: string };

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
      return renderConflict(p);
    case 'BAD_PATCH':
      return `malformed patch: ${p.reason}`;
    case 'MISSING_ID':
      return `${p.element} at ${p.path} has no id`;
    case 'INVALID_ID':
      return `${p.element} '${p.id}' has an invalid id (an id starts with a letter or '_' and holds only letters, digits, '_', '.' and '-')`;
    case 'DUPLICATE_ID':
      return `id '${p.id}' is used twice: by ${p.firstElement} at ${p.firstPath} and by ${p.element} at ${p.path}`;
    case 'MISSING_ATTRIBUTE':
      return `${subject(p)} has no ${p.attribute}${p.detail ? ` (${p.detail})` : ''}`;
    case 'INVALID_VALUE':
      return `${subject(p)} has ${p.attribute}="${p.value}", expected ${p.allowed}`;
    case 'NO_MEMBERS':
      return `${subject(p)} has no ${p.member}`;
    case 'CLONE_CONTENT':
      return `${subject(p)} must hold exactly one primitive or group, it holds ${p.count}`;
    case 'DANGLING_REFERENCE':
      return `${subject(p)}: ${p.attribute} '${p.ref}' does not name ${p.expected}`;
    case 'SCHEMA_INVALID':
      return `does not validate against ${p.schema}${p.line === undefined ? '' : ` (line ${p.line}${p.element ? `, element ${p.element}` : ''})`}: ${p.detail}`;
    case 'SCHEMA_UNAVAILABLE':
      return `schema validation skipped for ${p.schema}: ${p.reason}`;
  }
}

/** "primitive 'd1'", or "expression at /cib/…" for an element without an id. */
function subject(p: { element: string; id?: string | undefined; path: string }): string {
  return p.id === undefined ? `${p.element} at ${p.path}` : `${p.element} '${p.id}'`;
}

function show(v: string | null | undefined): string {
  return v === null || v === undefined ? 'unset' : `'${v}'`;
}

function renderConflict(p: Extract<CibProblem, { code: 'PATCH_CONFLICT' }>): string {
  switch (p.conflict) {
    case 'missing-element':
      return `the change does not apply at ${p.path}: that element is not in the CIB any more`;
    case 'missing-parent':
      return `the change does not apply at ${p.path}: that element, which the change adds to, is not in the CIB any more`;
    case 'already-exists':
      return `the change does not apply at ${p.path}: ${p.element} '${p.id}' already exists there with other content`;
    case 'attribute-changed':
      return (
        `the change does not apply at ${p.path}: attribute '${p.attribute}' was ${show(p.original)} when the change was made, ` +
        `has since become ${show(p.found)}, and the change sets it to ${show(p.patched)}`
      );
    case 'id-in-use':
      return `the change does not apply at ${p.path}: the id '${p.id}' of the new ${p.element} is already used at ${p.usedAt}`;
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
