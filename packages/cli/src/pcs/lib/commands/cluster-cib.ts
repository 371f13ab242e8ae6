// `pcs cluster cib [FILE] [scope=S | --config]`: the CIB, or one of its sections, as text.

import { scopeXml } from '@hacluster/cib';
import type { LibraryEnvironment } from '../env.js';
import { error, LibraryError } from '../reports/item.js';

/** The sections pcs lets `cluster cib`, `cib-push` and `edit` work on (status is not one). */
export const PCS_CIB_SCOPES = [
  'acls',
  'alerts',
  'configuration',
  'constraints',
  'crm_config',
  'fencing-topology',
  'nodes',
  'op_defaults',
  'resources',
  'rsc_defaults',
  'tags',
];

export function checkScope(scope: string): void {
  if (!PCS_CIB_SCOPES.includes(scope)) throw new LibraryError(error({ code: 'CIB_SCOPE_INVALID', scope, allowed: PCS_CIB_SCOPES }));
}

/** The CIB's text, or a section of it as cibadmin --scope prints it. */
export function cibText(env: LibraryEnvironment, scope?: string): string {
  if (scope !== undefined) checkScope(scope);
  const cib = env.getCib('cluster cib');
  if (scope === undefined) return cib.toXml();
  if (!cib.scope(scope)) throw new LibraryError(error({ code: 'CIB_SCOPE_NOT_PRESENT', scope }));
  return scopeXml(cib, scope);
}
