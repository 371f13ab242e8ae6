import type { AgentDefinition } from '../framework/agent.js';
import { drbdMetadata } from './metadata.js';
import { drbdReal } from './real.js';
import { drbdSandbox } from './sandbox.js';

export const drbdAgent: AgentDefinition = {
  metadata: drbdMetadata,
  real: drbdReal,
  sandbox: drbdSandbox,
};
