// `pcs cluster verify`: what would stop Pacemaker from running the configuration. pcs runs
// crm_verify; we check the same file with @hacluster/cib's validator (structure, ids,
// references, Pacemaker's RelaxNG schema) and add the one scheduling rule every new cluster
// meets: fencing required (stonith-enabled, true unless set) with no fence device configured,
// which makes Pacemaker start no resource at all.

import { isNote, parseBoolean, validateCib, type Cib, type CibProblem } from '@hacluster/cib';
import { schemaProblems, type SchemaProblem } from '../cib/schema-check.js';
import type { LibraryEnvironment } from '../env.js';

export type VerifyProblem =
  | { severity: 'error'; code: 'CIB'; problem: CibProblem }
  | { severity: 'error'; code: 'SCHEMA'; problem: SchemaProblem }
  | { severity: 'error'; code: 'NO_STONITH_RESOURCES' };

/** stonith-enabled as the cluster sees it: the first value in the property sets, true by default. */
function stonithEnabled(cib: Cib): boolean {
  for (const set of cib.scope('crm_config')?.elements('cluster_property_set') ?? []) {
    for (const p of set.elements('nvpair')) {
      if (p.get('name') === 'stonith-enabled') return parseBoolean(p.get('value')) ?? true;
    }
  }
  return true;
}

function hasStonithResource(cib: Cib): boolean {
  const resources = cib.scope('resources');
  if (!resources) return false;
  for (const el of resources.descendants()) if (el.name === 'primitive' && el.get('class') === 'stonith') return true;
  return false;
}

export function verifyCib(cib: Cib): VerifyProblem[] {
  const found = validateCib(cib);
  const problems: VerifyProblem[] = found.filter((p) => !isNote(p)).map((problem) => ({ severity: 'error', code: 'CIB', problem }));
  // Without xmllint there is no schema check: fall back to the rules pcs's own edits can break.
  if (found.some(isNote)) problems.push(...schemaProblems(cib).map((problem): VerifyProblem => ({ severity: 'error', code: 'SCHEMA', problem })));
  if (stonithEnabled(cib) && !hasStonithResource(cib)) problems.push({ severity: 'error', code: 'NO_STONITH_RESOURCES' });
  return problems;
}

export function clusterVerify(env: LibraryEnvironment): VerifyProblem[] {
  return verifyCib(env.getCib('cluster verify'));
}
