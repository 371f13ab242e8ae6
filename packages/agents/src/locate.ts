// Where agents live on a Linux host, and which are installed.

import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AgentName } from './agent-name.js';

export interface AgentPaths {
  /** OCF_ROOT (resource.d lives below it). */
  ocfRoot: string;
  /** Directories searched for fence agents (fence_*). */
  fenceDirs: string[];
  /** Directory of LSB init scripts. */
  initDir: string;
  /**
   * resource.d of the agents this package ships (provider `hacluster`), used when they are not
   * installed under OCF_ROOT, so they can be run and described without installing anything.
   */
  builtinResourceD?: string | undefined;
}

/** The OCF provider our own agents are installed under. */
export const BUILTIN_OCF_PROVIDER = 'hacluster';

/** packages/agents/resource.d, from src/ (tests) and from dist/ (run time) alike. */
export const BUILTIN_RESOURCE_D: string = fileURLToPath(new URL('../resource.d', import.meta.url));

export function defaultAgentPaths(env: NodeJS.ProcessEnv = process.env): AgentPaths {
  return {
    ocfRoot: env['OCF_ROOT'] ?? '/usr/lib/ocf',
    fenceDirs: ['/usr/sbin', '/usr/local/sbin'],
    initDir: '/etc/init.d',
    builtinResourceD: BUILTIN_RESOURCE_D,
  };
}

function isExecutableFile(path: string): boolean {
  try {
    const st = statSync(path);
    return st.isFile() && (st.mode & 0o111) !== 0;
  } catch {
    return false;
  }
}

function list(dir: string): string[] {
  try {
    return readdirSync(dir).sort();
  } catch {
    return [];
  }
}

/** The executable that implements an agent, or undefined when it is not installed. */
export function agentExecutable(name: AgentName, paths: AgentPaths = defaultAgentPaths()): string | undefined {
  let p: string | undefined;
  switch (name.class) {
    case 'ocf': {
      const dir = ocfProviderDir(name.provider ?? '', paths);
      p = dir !== undefined ? join(dir, name.type) : join(paths.ocfRoot, 'resource.d', name.provider ?? '', name.type);
      break;
    }
    case 'stonith':
      for (const d of paths.fenceDirs) {
        const candidate = join(d, name.type);
        if (isExecutableFile(candidate)) return candidate;
      }
      return undefined;
    case 'lsb':
    case 'service':
      p = join(paths.initDir, name.type);
      break;
    case 'systemd':
      return undefined; // driven through systemd, not an executable of its own
  }
  return isExecutableFile(p) ? p : undefined;
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** The directory of an OCF provider: under OCF_ROOT, else (for ours) the package's own. */
function ocfProviderDir(provider: string, paths: AgentPaths): string | undefined {
  if (provider === '' || provider.includes('/')) return undefined;
  const installed = join(paths.ocfRoot, 'resource.d', provider);
  if (isDirectory(installed)) return installed;
  if (paths.builtinResourceD !== undefined) {
    const builtin = join(paths.builtinResourceD, provider);
    if (isDirectory(builtin)) return builtin;
  }
  return undefined;
}

export function listOcfProviders(paths: AgentPaths = defaultAgentPaths()): string[] {
  const base = join(paths.ocfRoot, 'resource.d');
  const found = new Set(list(base).filter((p) => isDirectory(join(base, p))));
  if (paths.builtinResourceD !== undefined) for (const p of list(paths.builtinResourceD)) if (isDirectory(join(paths.builtinResourceD, p))) found.add(p);
  return [...found].sort();
}

/** Installed agents of a class (and provider, for OCF), sorted by name. */
export function listAgents(cls: AgentName['class'], provider?: string, paths: AgentPaths = defaultAgentPaths()): AgentName[] {
  switch (cls) {
    case 'ocf': {
      const providers = provider !== undefined ? [provider] : listOcfProviders(paths);
      const out: AgentName[] = [];
      for (const p of providers) {
        const dir = ocfProviderDir(p, paths);
        if (dir === undefined) continue;
        for (const t of list(dir)) {
          if (!t.startsWith('.') && isExecutableFile(join(dir, t))) out.push({ class: 'ocf', provider: p, type: t });
        }
      }
      return out;
    }
    case 'stonith': {
      const seen = new Set<string>();
      const out: AgentName[] = [];
      for (const d of paths.fenceDirs) {
        for (const t of list(d)) {
          if (t.startsWith('fence_') && !seen.has(t) && isExecutableFile(join(d, t))) {
            seen.add(t);
            out.push({ class: 'stonith', provider: undefined, type: t });
          }
        }
      }
      return out.sort((a, b) => (a.type < b.type ? -1 : a.type > b.type ? 1 : 0));
    }
    case 'lsb':
    case 'service':
      return list(paths.initDir)
        .filter((t) => !t.startsWith('.') && t !== 'README' && isExecutableFile(join(paths.initDir, t)))
        .map((t) => ({ class: cls, provider: undefined, type: t }));
    case 'systemd':
      return [];
  }
}

/** Installed agents whose type is `shortName` (for names given without class and provider). */
export function findAgentsByType(shortName: string, paths: AgentPaths = defaultAgentPaths()): AgentName[] {
  const out: AgentName[] = [];
  for (const p of listOcfProviders(paths)) {
    const dir = ocfProviderDir(p, paths);
    if (dir !== undefined && isExecutableFile(join(dir, shortName))) out.push({ class: 'ocf', provider: p, type: shortName });
  }
  if (shortName.startsWith('fence_') && agentExecutable({ class: 'stonith', provider: undefined, type: shortName }, paths)) {
    out.push({ class: 'stonith', provider: undefined, type: shortName });
  }
  if (existsSync(join(paths.initDir, shortName)) && isExecutableFile(join(paths.initDir, shortName))) {
    out.push({ class: 'lsb', provider: undefined, type: shortName });
  }
  return out;
}
