// What can go wrong in the attribute tools, as values; text and exit codes only at the edge, with
// Pacemaker's exit codes (crm_exit_t) so agents that test them keep working.

import { CibError, renderProblem } from '@hacluster/cib';

export type ShimProblem =
  | { code: 'NO_CIB' }
  | { code: 'CIB'; error: CibError }
  | { code: 'NODE_UNKNOWN'; node: string }
  | { code: 'NO_SUCH_ATTRIBUTE'; name: string }
  | { code: 'RESOURCE_UNKNOWN'; resource: string }
  | { code: 'USAGE'; message: string };

/** Pacemaker's exit codes: 64 usage, 102 not connected, 105 no such object. */
export function exitCodeOf(p: ShimProblem): number {
  switch (p.code) {
    case 'USAGE':
      return 64;
    case 'NO_CIB':
      return 102;
    case 'CIB':
      return p.error.code === 'FILE_UNREADABLE' || p.error.code === 'FILE_UNWRITABLE' ? 102 : 65;
    case 'NODE_UNKNOWN':
    case 'NO_SUCH_ATTRIBUTE':
    case 'RESOURCE_UNKNOWN':
      return 105;
  }
}

export function renderShimProblem(tool: string, p: ShimProblem): string {
  switch (p.code) {
    case 'NO_CIB':
      return `${tool}: Could not connect to the CIB: there is no live cluster here; set CIB_file to a CIB file`;
    case 'CIB':
      return `${tool}: ${p.error.problems.map(renderProblem).join('; ')}`;
    case 'NODE_UNKNOWN':
      return `${tool}: Could not map name=${p.node} to a UUID`;
    case 'NO_SUCH_ATTRIBUTE':
      return `${tool}: Error performing operation: No such device or address`;
    case 'RESOURCE_UNKNOWN':
      return `${tool}: Resource '${p.resource}' not found`;
    case 'USAGE':
      return `${tool}: ${p.message}`;
  }
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; problem: ShimProblem };

export const ok = <T>(value: T): Outcome<T> => ({ ok: true, value });
export const failed = <T>(problem: ShimProblem): Outcome<T> => ({ ok: false, problem });
