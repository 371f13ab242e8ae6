// Listing and describing installed agents: `resource standards|providers|agents|list|describe`,
// `stonith list|describe`.

import type { PcsAgentMetadata } from '../agents/metadata.js';
import { fullName, type ResourceAgentName } from '../agents/name.js';
import { AgentUnavailable } from '../agents/unavailable.js';
import { defaultOperations, prepareOperations, type OperationSpec } from '../cib/resource/operations.js';
import type { LibraryEnvironment } from '../env.js';
import { error, LibraryError, plainError, warning } from '../reports/item.js';
import { agentMetadata } from './agent.js';

const byLower = (a: string, b: string) => {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
};

export async function listStandards(env: LibraryEnvironment): Promise<string[]> {
  return (await env.agents()).standards().filter((s) => s !== 'stonith');
}

export async function listOcfProviders(env: LibraryEnvironment): Promise<string[]> {
  return (await env.agents()).ocfProviders();
}

/** Agent types of `standard[:provider]`, or of every standard but stonith. */
export async function listAgentTypes(env: LibraryEnvironment, standardProvider?: string): Promise<string[]> {
  const agents = await env.agents();
  let pairs: { standard: string; provider?: string | undefined }[];
  if (standardProvider) {
    const sp = standardProvider.endsWith(':') ? standardProvider.slice(0, -1) : standardProvider;
    const colon = sp.indexOf(':');
    pairs = [colon < 0 ? { standard: sp } : { standard: sp.slice(0, colon), provider: sp.slice(colon + 1) }];
  } else pairs = agents.standardsAndProviders();
  return pairs.filter((p) => p.standard !== 'stonith').flatMap((p) => agents.agentTypes(p.standard, p.provider)).sort(byLower);
}

export interface AgentListItem {
  name: ResourceAgentName;
  shortdesc: string | undefined;
}

/** Agents (all but fence agents, or only them), sorted by full name, filtered by a substring. */
export async function listAgents(env: LibraryEnvironment, opts: { stonith: boolean; describe: boolean; search?: string | undefined }): Promise<AgentListItem[]> {
  const agents = await env.agents();
  const pairs = agents.standardsAndProviders().filter((p) => (p.standard === 'stonith') === opts.stonith);
  const names: ResourceAgentName[] = pairs.flatMap((p) => agents.agentTypes(p.standard, p.provider).map((type) => ({ standard: p.standard, provider: p.provider, type })));
  names.sort((a, b) => (fullName(a) < fullName(b) ? -1 : fullName(a) > fullName(b) ? 1 : 0));
  const search = opts.search?.toLowerCase();
  const out: AgentListItem[] = [];
  for (const name of names) {
    if (search && !fullName(name).toLowerCase().includes(search)) continue;
    if (!opts.describe) {
      out.push({ name, shortdesc: undefined });
      continue;
    }
    try {
      out.push({ name, shortdesc: (await agents.metadata(name)).shortdesc });
    } catch (e) {
      if (!(e instanceof AgentUnavailable)) throw e;
      env.reports.report(warning({ code: 'UNABLE_TO_GET_AGENT_METADATA', agent: e.agent, reason: e.reason }));
    }
  }
  return out;
}

export interface AgentDescription {
  metadata: PcsAgentMetadata;
  /** The operations `resource create` would add, with their intervals made distinct. */
  defaultOperations: OperationSpec[];
}

export async function describeAgent(env: LibraryEnvironment, name: ResourceAgentName): Promise<AgentDescription> {
  const metadata = await agentMetadata(env, name, false);
  const { operations, reports } = prepareOperations([], defaultOperations(metadata, false), [], true, plainError);
  env.reports.reportList(reports);
  return { metadata, defaultOperations: operations };
}

/** `stonith describe TYPE`: a bare fence agent type. */
export async function describeFenceAgent(env: LibraryEnvironment, type: string): Promise<AgentDescription> {
  if (type.includes(':')) throw new LibraryError(error({ code: 'INVALID_STONITH_AGENT_NAME', name: type }));
  return describeAgent(env, { standard: 'stonith', provider: undefined, type });
}
