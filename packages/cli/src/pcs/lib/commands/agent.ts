// Turning the agent name a user typed into meta-data: a full name is split, a bare type is
// looked up among installed agents; an agent that cannot be read is an error that --force
// turns into a warning (the resource is then created from what the user gave).

import { AgentUnavailable } from '../agents/unavailable.js';
import type { PcsAgentMetadata } from '../agents/metadata.js';
import { fullName, splitAgentName, type ResourceAgentName } from '../agents/name.js';
import type { LibraryEnvironment } from '../env.js';
import { error, info, LibraryError, warning } from '../reports/item.js';

/** A full name is split; a bare type is searched for among installed agents. */
export async function resolveAgentName(env: LibraryEnvironment, text: string): Promise<ResourceAgentName> {
  if (text.includes(':')) {
    const name = splitAgentName(text);
    if (!name) throw new LibraryError(error({ code: 'INVALID_RESOURCE_AGENT_NAME', name: text }));
    return name;
  }
  const all = (await env.agents()).findByType(text);
  const { BUILTIN_OCF_PROVIDER } = await import('@hacluster/agents');
  // This project ships its own agents (ocf:hacluster:*) beside the host's; a bare type means the
  // host's agent when there is one, as it did with pcs before ours were there.
  const hosts = all.filter((a) => !(a.standard === 'ocf' && a.provider === BUILTIN_OCF_PROVIDER));
  const found = hosts.length ? hosts : all;
  if (found.length === 1) {
    env.reports.report(info({ code: 'AGENT_NAME_GUESSED', entered: text, guessed: fullName(found[0]!) }));
    return found[0]!;
  }
  if (found.length > 1) {
    throw new LibraryError(error({ code: 'AGENT_NAME_GUESS_FOUND_MORE_THAN_ONE', agent: text, possible: found.map(fullName).sort() }));
  }
  throw new LibraryError(error({ code: 'AGENT_NAME_GUESS_FOUND_NONE', agent: text }));
}

/** Meta-data of an agent; with `allowAbsent`, an agent that cannot be read gives empty meta-data. */
export async function agentMetadata(env: LibraryEnvironment, name: ResourceAgentName, allowAbsent: boolean): Promise<PcsAgentMetadata> {
  try {
    return await (await env.agents()).metadata(name);
  } catch (e) {
    if (!(e instanceof AgentUnavailable)) throw e;
    const message = { code: 'UNABLE_TO_GET_AGENT_METADATA' as const, agent: e.agent, reason: e.reason };
    if (allowAbsent) {
      env.reports.report(warning(message));
      return (await env.agents()).voidMetadata(name);
    }
    throw new LibraryError(error(message, 'FORCE'));
  }
}
