// Cluster options (crm_config) as Pacemaker's unpack_config reads them: property sets in
// precedence order with cib-bootstrap-options first, current option names or their legacy aliases
// (stonith-enabled for fencing-enabled, …), defaults for anything unset.

import { ruleTime } from '../util/rules.js';
import { MINUS_INFINITY, findClusterOption, type Score, type XmlElement } from '@hacluster/cib';
import { parseIntervalSpec } from '../util/interval.js';
import type { ClusterFlags, NoQuorumPolicy, WorkingSet } from '../model/types.js';
import { unpackNvpairs } from '../util/nvpairs.js';
import { char2score } from '../util/score.js';
import { isTrue } from '../util/strings.js';

/** Option defaults where upstream's current default differs from what older tools show. */
const DEFAULT_OVERRIDES: Record<string, string> = {
  'concurrent-fencing': 'true',
};

/** The value in force for an option given under its current or any legacy name, else its default. */
export function clusterOption(ws: Pick<WorkingSet, 'options'>, name: string): string | undefined {
  const direct = ws.options.get(name);
  if (direct !== undefined) return direct;
  const def = findClusterOption(name);
  if (def) {
    for (const legacy of def.legacy) {
      const v = ws.options.get(legacy);
      if (v !== undefined) return v;
    }
    return DEFAULT_OVERRIDES[def.name] ?? def.default;
  }
  return undefined;
}

function flag(ws: WorkingSet, name: string, current: boolean): boolean {
  const value = clusterOption(ws, name);
  return value === undefined ? current : isTrue(value);
}

function hasUnfencingNvpair(el: XmlElement | undefined): boolean {
  if (!el) return false;
  for (const d of el.descendants()) {
    if (d.name !== 'nvpair') continue;
    const name = d.get('name');
    if ((name === 'provides' || name === 'requires') && d.get('value') === 'unfencing') {
      if (d.parent?.name === 'meta_attributes') return true;
    }
  }
  return false;
}

export function parseNoQuorumPolicy(value: string | undefined, flags: ClusterFlags, input: XmlElement): NoQuorumPolicy {
  switch (value?.toLowerCase()) {
    case 'ignore':
      return 'ignore';
    case 'freeze':
      return 'freeze';
    case 'demote':
      return 'demote';
    case 'suicide':
    case 'fence':
      if (flags.stonithEnabled) {
        const panic = Number.parseInt(input.get('no-quorum-panic') ?? '0', 10) || 0;
        if (panic || flags.haveQuorum) return 'suicide';
      }
      return 'stop';
    default:
      return 'stop';
  }
}

export type HealthStrategy = 'none' | 'migrate-on-red' | 'only-green' | 'progressive' | 'custom';

export function healthStrategy(ws: Pick<WorkingSet, 'options'>): HealthStrategy {
  const v = clusterOption(ws, 'node-health-strategy')?.toLowerCase();
  switch (v) {
    case 'migrate-on-red':
    case 'only-green':
    case 'progressive':
    case 'custom':
      return v;
    default:
      return 'none';
  }
}

/** The scores red, yellow and green stand for under the node health strategy in force. */
function healthColours(ws: WorkingSet): { red: Score; yellow: Score; green: Score } {
  const zero = 0 as Score;
  switch (healthStrategy(ws)) {
    case 'none':
      return { red: zero, yellow: zero, green: zero };
    case 'migrate-on-red':
      return { red: MINUS_INFINITY, yellow: zero, green: zero };
    case 'only-green':
      return { red: MINUS_INFINITY, yellow: MINUS_INFINITY, green: zero };
    default:
      return {
        red: char2score(clusterOption(ws, 'node-health-red')),
        yellow: char2score(clusterOption(ws, 'node-health-yellow')),
        green: char2score(clusterOption(ws, 'node-health-green')),
      };
  }
}

/** Reads the cluster options into the working set (Pacemaker's unpack_config). */
export function unpackConfig(ws: WorkingSet, crmConfig: XmlElement | undefined, resources: XmlElement | undefined): void {
  const ctx = ruleTime(ws);
  unpackNvpairs(crmConfig, 'cluster_property_set', ctx, ws.options, ws.idIndex, { alwaysFirst: 'cib-bootstrap-options' });
  const f = ws.flags;
  f.startupProbes = flag(ws, 'enable-startup-probes', f.startupProbes);
  if (isTrue(clusterOption(ws, 'have-watchdog'))) f.haveStonithResource = true;
  if (hasUnfencingNvpair(resources) || hasUnfencingNvpair(ws.rscDefaults)) f.enableUnfencing = true;
  f.stonithEnabled = flag(ws, 'fencing-enabled', f.stonithEnabled);
  const action = clusterOption(ws, 'fencing-action') ?? 'reboot';
  ws.stonithAction = action === 'poweroff' ? 'off' : action;
  f.concurrentFencing = flag(ws, 'concurrent-fencing', f.concurrentFencing);
  const delay = clusterOption(ws, 'priority-fencing-delay');
  if (delay !== undefined) ws.priorityFencingDelay = Math.floor(parseIntervalSpec(delay) / 1000);
  f.stopEverything = flag(ws, 'stop-all-resources', f.stopEverything);
  f.symmetricCluster = flag(ws, 'symmetric-cluster', f.symmetricCluster);
  ws.noQuorumPolicy = parseNoQuorumPolicy(clusterOption(ws, 'no-quorum-policy'), f, ws.input);
  f.stopRscOrphans = flag(ws, 'stop-removed-resources', f.stopRscOrphans);
  f.stopActionOrphans = flag(ws, 'cancel-removed-actions', f.stopActionOrphans);
  f.removeAfterStop = flag(ws, 'remove-after-stop', f.removeAfterStop);
  f.maintenanceMode = flag(ws, 'maintenance-mode', f.maintenanceMode);
  f.startFailureFatal = flag(ws, 'start-failure-is-fatal', f.startFailureFatal);
  if (f.stonithEnabled) f.startupFencing = flag(ws, 'startup-fencing', f.startupFencing);
  ws.nodeHealth = healthColours(ws);
  ws.placementStrategy = clusterOption(ws, 'placement-strategy') ?? 'default';
  ws.nodePendingTimeout = timeoutMs2s(parseIntervalSpec(clusterOption(ws, 'node-pending-timeout')));
  f.shutdownLock = flag(ws, 'shutdown-lock', f.shutdownLock);
  if (f.shutdownLock) {
    ws.shutdownLockLimit = Math.floor(parseIntervalSpec(clusterOption(ws, 'shutdown-lock-limit')) / 1000);
  }
}

/** pcmk__timeout_ms2s: milliseconds to whole seconds, rounded to the nearest (at least 1). */
function timeoutMs2s(ms: number): number {
  if (ms === 0) return 0;
  if (ms < 1000) return 1;
  return Math.floor(ms / 1000) + (ms % 1000 >= 500 ? 1 : 0);
}
