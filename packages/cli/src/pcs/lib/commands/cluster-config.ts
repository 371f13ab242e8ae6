// `pcs cluster config`: corosync.conf in structured form.

import { corosyncConfDto, type CorosyncConfDto } from '../corosync/facade.js';
import type { LibraryEnvironment } from '../env.js';
import { error, LibraryError } from '../reports/item.js';

export function corosyncConfStruct(env: LibraryEnvironment): CorosyncConfDto {
  const dto = corosyncConfDto(env.readCorosyncConf());
  if (dto === 'missing-node-names') throw new LibraryError(error({ code: 'COROSYNC_CONFIG_MISSING_NODE_DATA', what: 'names' }));
  if (dto === 'missing-node-ids') throw new LibraryError(error({ code: 'COROSYNC_CONFIG_MISSING_NODE_DATA', what: 'ids' }));
  if ('transport' in dto && !('cluster_name' in dto)) throw new LibraryError(error({ code: 'COROSYNC_CONFIG_UNSUPPORTED_TRANSPORT', transport: dto.transport }));
  return dto as CorosyncConfDto;
}
