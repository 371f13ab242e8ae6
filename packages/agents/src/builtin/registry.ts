// Our agents by type, as they are named under the OCF provider `hacluster` (ocf:hacluster:drbd...).

import type { AgentDefinition } from './framework/agent.js';
import { clvmAgent } from './clvm/index.js';
import { controldAgent } from './controld/index.js';
import { drbdAgent } from './drbd/index.js';
import { filesystemAgent } from './filesystem/index.js';
import { healthCheckAgent } from './health/healthcheck.js';
import { ocoAgent } from './health/oco.js';
import { passiveHeartbeatAgent } from './health/passive-heartbeat.js';
import { libvirtdAgent } from './libvirtd/index.js';
import { virtualDomainAgent } from './virtual-domain/index.js';

export const BUILTIN_AGENTS: Readonly<Record<string, AgentDefinition>> = {
  drbd: drbdAgent,
  controld: controldAgent,
  clvm: clvmAgent,
  Filesystem: filesystemAgent,
  libvirtd: libvirtdAgent,
  VirtualDomain: virtualDomainAgent,
  HealthCheck: healthCheckAgent,
  oco: ocoAgent,
  PassiveHeartbeat: passiveHeartbeatAgent,
};
