// Agent names as pcs reads them: standard:provider:type for OCF, standard:type otherwise
// (systemd and service units may carry '@instance' with colons in it).

export interface ResourceAgentName {
  standard: string;
  provider: string | undefined;
  type: string;
}

export const fullName = (n: ResourceAgentName): string =>
  n.provider ? `${n.standard}:${n.provider}:${n.type}` : `${n.standard}:${n.type}`;

export const isStonithName = (n: ResourceAgentName): boolean => n.standard === 'stonith';

/** Standards a CIB may name (the local host may support fewer). */
const CIB_STANDARDS = new Set(['heartbeat', 'lsb', 'nagios', 'ocf', 'service', 'stonith', 'systemd', 'upstart']);

/** Parses a full agent name; undefined when it is not one. */
export function splitAgentName(text: string): ResourceAgentName | undefined {
  const inst = /^(systemd|service):([^:@]+@.*)$/.exec(text);
  if (inst) return { standard: inst[1]!, provider: undefined, type: inst[2]! };
  const m = /^([^:]+)(?::([^:]+))?:([^:]+)$/.exec(text);
  if (!m) return undefined;
  const [, standard, provider, type] = m as unknown as [string, string, string | undefined, string];
  if (!CIB_STANDARDS.has(standard)) return undefined;
  if (standard === 'ocf' && !provider) return undefined;
  if (standard !== 'ocf' && provider) return undefined;
  return { standard, provider: provider || undefined, type };
}
