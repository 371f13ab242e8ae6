import type { AgentDefinition } from '../framework/agent.js';
import { controldMetadata } from './metadata.js';
import { controldReal } from './real.js';
import { controldSandbox } from './sandbox.js';

export const controldAgent: AgentDefinition = {
  metadata: controldMetadata,
  real: controldReal,
  sandbox: controldSandbox,
};
