// Our agents by type, as they are named under the OCF provider `hacluster`.

import type { AgentDefinition } from './framework/agent.js';
import { filesystemAgent } from './filesystem/index.js';

export const BUILTIN_PROVIDER = 'hacluster';

export const BUILTIN_AGENTS: Readonly<Record<string, AgentDefinition>> = {
  Filesystem: filesystemAgent,
};
