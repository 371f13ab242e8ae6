// A persistent cache of parsed agent meta-data, so that a command line tool does not run an
// agent (a shell or Python script: 20–100 ms) every time it needs its meta-data. Entries are
// keyed by the agent's executable and valid while its size and mtime stay the same; a cache
// that cannot be read or written is simply not used.

import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { formatAgentName, type AgentName } from '../agent-name.js';
import { agentExecutable, defaultAgentPaths } from '../locate.js';
import { AgentNotFoundError, loadAgentMetadata, type MetadataOptions } from './load.js';
import type { AgentMetadata } from './model.js';

/** Bump when AgentMetadata changes shape or parsing changes, so old entries are ignored. */
const FORMAT = 2;

interface Entry {
  format: number;
  executable: string;
  size: number;
  mtimeMs: number;
  metadata: AgentMetadata;
}

/** Where the cache lives: HACLUSTER_CACHE_DIR, else $XDG_CACHE_HOME/hacluster, else ~/.cache/hacluster. */
export function defaultMetadataCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  const explicit = env['HACLUSTER_CACHE_DIR'];
  if (explicit) return join(explicit, 'agent-metadata');
  const xdg = env['XDG_CACHE_HOME'];
  return join(xdg || join(env['HOME'] || homedir(), '.cache'), 'hacluster', 'agent-metadata');
}

export interface CachedMetadataOptions extends MetadataOptions {
  /** The cache folder; `false` turns the disk cache off. */
  cacheDir?: string | false;
}

function entryFile(dir: string, executable: string): string {
  return join(dir, createHash('sha1').update(executable).digest('hex').slice(0, 24) + '.json');
}

function readEntry(file: string): Entry | undefined {
  try {
    const e = JSON.parse(readFileSync(file, 'utf8')) as Entry;
    return e && e.format === FORMAT ? e : undefined;
  } catch {
    return undefined;
  }
}

function writeEntry(dir: string, file: string, entry: Entry): void {
  try {
    mkdirSync(dir, { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(entry));
    renameSync(tmp, file);
  } catch {
    // a read-only or full disk only costs speed
  }
}

/** loadAgentMetadata with a persistent cache in front of it. */
export async function loadAgentMetadataCached(name: AgentName, options: CachedMetadataOptions = {}): Promise<AgentMetadata> {
  const paths = options.paths ?? defaultAgentPaths();
  const dir = options.cacheDir === undefined ? defaultMetadataCacheDir() : options.cacheDir;
  const executable = agentExecutable(name, paths);
  if (!executable) throw new AgentNotFoundError(formatAgentName(name));
  if (dir === false) return loadAgentMetadata(name, options);
  const st = statSync(executable);
  const file = entryFile(dir, executable);
  const hit = readEntry(file);
  if (hit && hit.executable === executable && hit.size === st.size && hit.mtimeMs === st.mtimeMs) return hit.metadata;
  const metadata = await loadAgentMetadata(name, options);
  writeEntry(dir, file, { format: FORMAT, executable, size: st.size, mtimeMs: st.mtimeMs, metadata });
  return metadata;
}
