// Cluster options (crm_config). Upstream Pacemaker renamed several options (stonith-enabled became
// fencing-enabled, and so on); real clusters carry both spellings, so every option has its
// current name and the legacy names it is also read under.

export type OptionType = 'boolean' | 'integer' | 'score' | 'duration' | 'select' | 'percentage' | 'string' | 'nonnegative';

export interface ClusterOption {
  /** The current upstream name. */
  name: string;
  /** Older names, still accepted (the first is the one pcs 0.11 and Pacemaker 2.1 show). */
  legacy: readonly string[];
  type: OptionType;
  default: string | undefined;
  /** Allowed values, for select options. */
  values?: readonly string[];
  /** Set by the cluster itself, not by users. */
  readOnly?: boolean;
  /** Options newer than Pacemaker 2.1 (pcs 0.11 does not list them). */
  sinceUpstream3?: boolean;
}

const o = (
  name: string,
  type: OptionType,
  dflt: string | undefined,
  extra: Partial<Omit<ClusterOption, 'name' | 'type' | 'default'>> = {},
): ClusterOption => ({ name, legacy: [], type, default: dflt, ...extra });

export const CLUSTER_OPTIONS: readonly ClusterOption[] = [
  o('dc-version', 'string', undefined, { readOnly: true }),
  o('cluster-infrastructure', 'string', undefined, { readOnly: true }),
  o('cluster-name', 'string', undefined),
  o('dc-deadtime', 'duration', '20s'),
  o('cluster-recheck-interval', 'duration', '15min'),
  o('fencing-reaction', 'select', 'stop', { legacy: ['fence-reaction'], values: ['stop', 'panic'] }),
  o('election-timeout', 'duration', '2min'),
  o('shutdown-escalation', 'duration', '20min'),
  o('join-integration-timeout', 'duration', '3min', { legacy: ['crmd-integration-timeout'] }),
  o('join-finalization-timeout', 'duration', '30min', { legacy: ['crmd-finalization-timeout'] }),
  o('transition-delay', 'duration', '0s', { legacy: ['crmd-transition-delay'] }),
  o('no-quorum-policy', 'select', 'stop', { values: ['stop', 'freeze', 'ignore', 'demote', 'fence', 'suicide'] }),
  o('shutdown-lock', 'boolean', 'false'),
  o('shutdown-lock-limit', 'duration', '0'),
  o('enable-startup-probes', 'boolean', 'true'),
  o('maintenance-mode', 'boolean', 'false'),
  o('stop-all-resources', 'boolean', 'false'),
  o('stop-removed-resources', 'boolean', 'true', { legacy: ['stop-orphan-resources'] }),
  o('cancel-removed-actions', 'boolean', 'true', { legacy: ['stop-orphan-actions'] }),
  o('remove-after-stop', 'boolean', 'false'),
  o('startup-fencing', 'boolean', 'true'),
  o('fencing-enabled', 'boolean', 'true', { legacy: ['stonith-enabled'] }),
  o('fencing-action', 'select', 'reboot', { legacy: ['stonith-action'], values: ['reboot', 'off', 'poweroff'] }),
  o('fencing-timeout', 'duration', '60s', { legacy: ['stonith-timeout'] }),
  o('have-watchdog', 'boolean', 'false', { readOnly: true }),
  o('fencing-watchdog-timeout', 'duration', '0', { legacy: ['stonith-watchdog-timeout'] }),
  o('concurrent-fencing', 'boolean', 'true'),
  o('fencing-max-attempts', 'score', '10', { legacy: ['stonith-max-attempts'] }),
  o('priority-fencing-delay', 'duration', '0'),
  o('node-pending-timeout', 'duration', '0', { sinceUpstream3: true }),
  o('cluster-delay', 'duration', '60s'),
  o('batch-limit', 'integer', '0'),
  o('migration-limit', 'integer', '-1'),
  o('cluster-ipc-limit', 'nonnegative', '500'),
  o('symmetric-cluster', 'boolean', 'true'),
  o('placement-strategy', 'select', 'default', { values: ['default', 'utilization', 'minimal', 'balanced'] }),
  o('node-health-strategy', 'select', 'none', {
    values: ['none', 'migrate-on-red', 'only-green', 'progressive', 'custom'],
  }),
  o('node-health-base', 'score', '0'),
  o('node-health-green', 'score', '0'),
  o('node-health-yellow', 'score', '0'),
  o('node-health-red', 'score', '-INFINITY'),
  o('pe-error-series-max', 'integer', '-1'),
  o('pe-warn-series-max', 'integer', '5000'),
  o('pe-input-series-max', 'integer', '4000'),
  o('enable-acl', 'boolean', 'false'),
  o('start-failure-is-fatal', 'boolean', 'true'),
  o('load-threshold', 'percentage', '80%'),
  o('node-action-limit', 'integer', '0'),
];

const BY_NAME = new Map<string, ClusterOption>();
for (const opt of CLUSTER_OPTIONS) {
  BY_NAME.set(opt.name, opt);
  for (const l of opt.legacy) BY_NAME.set(l, opt);
}

/** The option known under this name (current or legacy), if any. */
export function findClusterOption(name: string): ClusterOption | undefined {
  return BY_NAME.get(name);
}

/** The current name of an option given under any of its names; unknown names pass through. */
export function canonicalOptionName(name: string): string {
  return BY_NAME.get(name)?.name ?? name;
}

/**
 * Resolves option values from name/value pairs in precedence order (the first value of a name
 * wins, as when Pacemaker unpacks sorted property sets), mapping legacy names to current ones.
 * A value under the current name wins over one under a legacy name.
 */
export function resolveClusterOptions(pairs: Iterable<readonly [string, string]>): Map<string, string> {
  const current = new Map<string, string>();
  const legacy = new Map<string, string>();
  for (const [name, value] of pairs) {
    const opt = BY_NAME.get(name);
    if (!opt || opt.name === name) {
      if (!current.has(name)) current.set(name, value);
    } else if (!legacy.has(opt.name)) {
      legacy.set(opt.name, value);
    }
  }
  for (const [name, value] of legacy) if (!current.has(name)) current.set(name, value);
  return current;
}

/**
 * Pacemaker's boolean spelling rules (crm_str_to_boolean): yes/true/on/y/1 and no/false/off/n/0,
 * in any case and nothing else (no surrounding blanks); undefined for anything else.
 */
export function parseBoolean(value: string | undefined): boolean | undefined {
  if (value === undefined) return undefined;
  switch (value.toLowerCase()) {
    case 'true':
    case 'on':
    case 'yes':
    case 'y':
    case '1':
      return true;
    case 'false':
    case 'off':
    case 'no':
    case 'n':
    case '0':
      return false;
    default:
      return undefined;
  }
}
