// Gets an installed agent's meta-data by running it (`<agent> meta-data` for OCF, `-o metadata`
// for fence agents), with a timeout, and caches the parsed result per executable and mtime.

import { childProcess } from '../exec/builtins.js';
import { statSync } from 'node:fs';
import { formatAgentName, type AgentName } from '../agent-name.js';
import { agentExecutable, defaultAgentPaths, type AgentPaths } from '../locate.js';
import type { AgentMetadata } from './model.js';
import { MetadataError, parseMetadata } from './parse.js';

export class AgentNotFoundError extends Error {
  readonly code = 'AGENT_NOT_FOUND';
  constructor(readonly agent: string) {
    super(`agent '${agent}' is not installed`);
  }
}

const cache = new Map<string, { mtimeMs: number; metadata: AgentMetadata }>();

function run(file: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    childProcess().execFile(file, args, { env, timeout: timeoutMs, maxBuffer: 8 * 1024 * 1024, killSignal: 'SIGKILL' }, (err, stdout) => {
      // Some agents exit non-zero after printing valid meta-data; the XML decides.
      if (stdout && stdout.includes('<resource-agent')) resolve(stdout);
      else reject(err ?? new MetadataError('no meta-data printed'));
    });
  });
}

export interface MetadataOptions {
  paths?: AgentPaths;
  timeoutMs?: number;
}

export async function loadAgentMetadata(name: AgentName, options: MetadataOptions = {}): Promise<AgentMetadata> {
  const paths = options.paths ?? defaultAgentPaths();
  const exe = agentExecutable(name, paths);
  if (!exe) throw new AgentNotFoundError(formatAgentName(name));
  const mtimeMs = statSync(exe).mtimeMs;
  const hit = cache.get(exe);
  if (hit && hit.mtimeMs === mtimeMs) return hit.metadata;
  const env: NodeJS.ProcessEnv = { PATH: process.env['PATH'] ?? '/usr/sbin:/usr/bin:/sbin:/bin', OCF_ROOT: paths.ocfRoot, LC_ALL: 'C' };
  const args = name.class === 'stonith' ? ['-o', 'metadata'] : ['meta-data'];
  let xml: string;
  try {
    xml = await run(exe, args, env, options.timeoutMs ?? 30_000);
  } catch (e) {
    throw new MetadataError(`cannot read the meta-data of '${formatAgentName(name)}': ${e instanceof Error ? e.message : String(e)}`);
  }
  const metadata = parseMetadata(xml);
  cache.set(exe, { mtimeMs, metadata });
  return metadata;
}
