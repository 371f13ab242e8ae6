// Public surface of @hacluster/agents.

export * from './agent-name.js';
export * from './locate.js';
export * from './metadata/model.js';
export { parseMetadata, MetadataError } from './metadata/parse.js';
export { loadAgentMetadata, AgentNotFoundError, type MetadataOptions } from './metadata/load.js';
export { loadAgentMetadataCached, defaultMetadataCacheDir, type CachedMetadataOptions } from './metadata/disk-cache.js';
export { actionTimeoutMs, durationMs } from './metadata/timeouts.js';
export * from './ocf/codes.js';
export * from './ocf/environment.js';
export { parseExitReason, OCF_EXIT_REASON_PREFIX } from './ocf/exit-reason.js';
export { runProcess, type ProcessRequest, type ProcessResult, type ProcessOutcome } from './exec/process.js';
export * from './exec/operation.js';
export { executorConfig, type ExecutorConfig } from './exec/config.js';
export { Executor, type RecurringListener } from './exec/executor.js';
export { debugAction, type DebugSpec, type DebugOptions, type DebugResult, type DebugActionName } from './exec/debug.js';
export { defaultHostArgument, fenceAgentInput, parseHostMap, type FenceResult } from './classes/stonith.js';
export { activeStateToOcf, pacemakerDropIn, systemdUnitName } from './classes/systemd.js';
