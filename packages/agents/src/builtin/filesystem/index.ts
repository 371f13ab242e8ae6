import type { AgentDefinition } from '../framework/agent.js';
import { filesystemMetadata } from './metadata.js';
import { filesystemReal } from './real.js';
import { filesystemSandbox } from './sandbox.js';

export const filesystemAgent: AgentDefinition = {
  metadata: filesystemMetadata,
  real: filesystemReal,
  sandbox: filesystemSandbox,
};
