import type { AgentDefinition } from '../framework/agent.js';
import { libvirtdMetadata } from './metadata.js';
import { libvirtdReal } from './real.js';
import { libvirtdSandbox } from './sandbox.js';

export const libvirtdAgent: AgentDefinition = {
  metadata: libvirtdMetadata,
  real: libvirtdReal,
  sandbox: libvirtdSandbox,
};
