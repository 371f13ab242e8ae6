import type { AgentDefinition } from '../framework/agent.js';
import { clvmMetadata } from './metadata.js';
import { clvmReal } from './real.js';
import { clvmSandbox } from './sandbox.js';

export const clvmAgent: AgentDefinition = {
  metadata: clvmMetadata,
  real: clvmReal,
  sandbox: clvmSandbox,
};
