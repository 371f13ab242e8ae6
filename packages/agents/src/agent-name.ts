// Agent names as users write them: ocf:heartbeat:IPaddr2, systemd:libvirtd, stonith:fence_ipmilan,
// lsb:dlm, service:foo, or just the type (IPaddr2) to be looked up.

export type AgentClass = 'ocf' | 'systemd' | 'lsb' | 'service' | 'stonith';

export const AGENT_CLASSES: readonly AgentClass[] = ['ocf', 'systemd', 'lsb', 'service', 'stonith'];

export interface AgentName {
  class: AgentClass;
  /** Only OCF agents have a provider. */
  provider: string | undefined;
  type: string;
}

export function formatAgentName(a: AgentName): string {
  return a.provider !== undefined ? `${a.class}:${a.provider}:${a.type}` : `${a.class}:${a.type}`;
}

export type AgentNameParse =
  | { ok: true; name: AgentName }
  | { ok: true; shortName: string }
  | { ok: false; problem: 'UNKNOWN_CLASS' | 'MISSING_PROVIDER' | 'MALFORMED'; text: string };

/** Splits an agent name. A bare type comes back as `shortName` for the caller to look up. */
export function parseAgentName(text: string): AgentNameParse {
  const parts = text.split(':');
  if (parts.some((p) => p === '')) return { ok: false, problem: 'MALFORMED', text };
  if (parts.length === 1) return { ok: true, shortName: text };
  const cls = parts[0]!.toLowerCase();
  if (!(AGENT_CLASSES as readonly string[]).includes(cls)) return { ok: false, problem: 'UNKNOWN_CLASS', text };
  if (cls === 'ocf') {
    if (parts.length !== 3) return { ok: false, problem: 'MISSING_PROVIDER', text };
    return { ok: true, name: { class: 'ocf', provider: parts[1]!, type: parts[2]! } };
  }
  // systemd unit names may themselves contain '@' but never ':'; keep anything after the class.
  if (parts.length !== 2) return { ok: false, problem: 'MALFORMED', text };
  return { ok: true, name: { class: cls as AgentClass, provider: undefined, type: parts[1]! } };
}
