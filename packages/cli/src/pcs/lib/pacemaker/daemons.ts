// The meta-data of Pacemaker's daemons (cluster options, fence device parameters), built into
// pcs at generation time (scripts/gen-pacemaker-metadata.mjs): no daemon runs here to ask.

import { toPcsMetadata, type PcsAgentMetadata } from '../agents/metadata.js';
import { DAEMON_METADATA } from './daemon-metadata.generated.js';

export type PacemakerDaemon = keyof typeof DAEMON_METADATA;

export function daemonMetadata(daemon: PacemakerDaemon): PcsAgentMetadata {
  return toPcsMetadata({ standard: 'pacemaker', provider: undefined, type: daemon }, DAEMON_METADATA[daemon], true);
}
