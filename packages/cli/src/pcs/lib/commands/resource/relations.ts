// `pcs resource relations RESOURCE`

import { relationTree, type RelationTree } from '../../cib/resource/relations.js';
import { elementById } from '../../cib/tools.js';
import { isResource, isStonith } from '../../cib/resource/common.js';
import type { LibraryEnvironment } from '../../env.js';
import { deprecation, error, LibraryError } from '../../reports/item.js';

export function resourceRelations(env: LibraryEnvironment, id: string): RelationTree {
  const cib = env.getCib('resource relations');
  const el = elementById(cib, id);
  if (!el) throw new LibraryError(error({ code: 'ID_NOT_FOUND', id, expectedTypes: ['resource'] }));
  if (!isResource(el)) throw new LibraryError(error({ code: 'ID_BELONGS_TO_UNEXPECTED_TYPE', id, expectedTypes: ['resource'], currentType: el.name }));
  if (isStonith(el)) env.reports.report(deprecation({ code: 'STONITH_RESOURCE_IN_RESOURCE_COMMAND', id, replacement: 'pcs stonith' }));
  return relationTree(cib, id);
}
