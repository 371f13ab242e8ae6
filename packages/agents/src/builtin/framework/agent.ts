// What one of our agents is: its meta-data and, for each backend, the handlers of the actions it
// supports. Each handler returns the OCF exit code or throws an AgentFailure with the reason.

import type { OcfExitCode } from '../../ocf/codes.js';
import type { AgentContext } from './context.js';
import type { MetadataSpec } from './metadata-spec.js';

export type HandledAction = 'start' | 'stop' | 'monitor' | 'promote' | 'demote' | 'notify' | 'migrate_to' | 'migrate_from' | 'reload' | 'validate';

export type Handlers = Partial<Record<HandledAction, () => Promise<OcfExitCode>>>;

export type Backend = 'real' | 'sandbox';

export interface AgentDefinition {
  metadata: MetadataSpec;
  real(ctx: AgentContext): Handlers;
  sandbox(ctx: AgentContext): Handlers;
}
