import type { AgentDefinition } from '../framework/agent.js';
import { virtualDomainMetadata } from './metadata.js';
import { virtualDomainReal } from './real.js';
import { virtualDomainSandbox } from './sandbox.js';

export const virtualDomainAgent: AgentDefinition = {
  metadata: virtualDomainMetadata,
  real: virtualDomainReal,
  sandbox: virtualDomainSandbox,
};
