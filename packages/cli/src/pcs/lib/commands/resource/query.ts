// Small questions about resources that CLI handlers ask before acting.

import { findResourceElement, isStonith } from '../../cib/resource/common.js';
import type { LibraryEnvironment } from '../../env.js';

export function isAnyStonith(env: LibraryEnvironment, ids: readonly string[]): boolean {
  const cib = env.getCib('resource');
  return ids.some((id) => {
    const el = findResourceElement(cib, id, ['primitive']);
    return !!el && isStonith(el);
  });
}
