// Where the attribute tools find the CIB. Like Pacemaker's tools they honour CIB_file; without it
// Pacemaker would talk to the live cluster, which we do not have, so that is a clear error.

import { CibError, readCibFile, writeCibFile, type Cib } from '@hacluster/cib';
import { failed, ok, type Outcome } from './problems.js';

export interface CibHandle {
  cib: Cib;
  file: string;
}

export function openCib(env: Record<string, string | undefined>): Outcome<CibHandle> {
  const file = env['CIB_file'];
  if (!file) return failed({ code: 'NO_CIB' });
  try {
    return ok({ cib: readCibFile(file), file });
  } catch (e) {
    if (e instanceof CibError) return failed({ code: 'CIB', error: e });
    throw e;
  }
}

export function saveCib(handle: CibHandle): Outcome<void> {
  try {
    writeCibFile(handle.file, handle.cib);
    return ok(undefined);
  } catch (e) {
    if (e instanceof CibError) return failed({ code: 'CIB', error: e });
    throw e;
  }
}
