// Public surface of @hacluster/agents.

export * from './agent-name.js';
export * from './locate.js';
export * from './metadata/model.js';
export { parseMetadata, MetadataError } from './metadata/parse.js';
export { loadAgentMetadata, AgentNotFoundError, type MetadataOptions } from './metadata/load.js';
export { loadAgentMetadataCached, defaultMetadataCacheDir, type CachedMetadataOptions } from './metadata/disk-cache.js';
