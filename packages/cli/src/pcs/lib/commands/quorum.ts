// Quorum settings from corosync.conf (`pcs quorum config`, the Quorum part of `pcs config`).

import { QUORUM_OPTIONS } from '../corosync/constants.js';
import { corosyncConfDto } from '../corosync/facade.js';
import type { LibraryEnvironment } from '../env.js';

export interface QuorumConfig {
  options: Record<string, string>;
  device: { model: string; generic_options: Record<string, string>; model_options: Record<string, string>; heuristics_options: Record<string, string> } | null;
}

export function quorumConfig(env: LibraryEnvironment): QuorumConfig {
  const root = env.readCorosyncConf();
  const options: Record<string, string> = {};
  for (const q of root.sectionsNamed('quorum')) for (const [n, v] of q.attributes) if (QUORUM_OPTIONS.includes(n)) options[n] = v;
  const dto = corosyncConfDto(root);
  const device = typeof dto === 'object' && 'quorum_device' in dto ? dto.quorum_device : null;
  return { options, device };
}
