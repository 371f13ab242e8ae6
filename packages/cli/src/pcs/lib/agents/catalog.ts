// Finding agents and their meta-data on this host: by full name or by type alone, with the
// meta-data cached on disk (see @hacluster/agents' disk cache), and the parameters Pacemaker
// adds to every fence device.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  agentExecutable,
  defaultAgentPaths,
  listAgents,
  listOcfProviders,
  loadAgentMetadataCached,
  type AgentName,
  type AgentPaths,
} from '@hacluster/agents';
import { daemonMetadata, type PacemakerDaemon } from '../pacemaker/daemons.js';
import { lsbMetadata } from './lsb.js';
import { AgentUnavailable } from './unavailable.js';

export { AgentUnavailable };
import { toPcsMetadata, traceParameters, voidMetadata, type PcsAgentMetadata, type PcsAgentParameter } from './metadata.js';
import { fullName, type ResourceAgentName } from './name.js';

/** Fence agents that are helpers, not devices (pcs hides them). */
const IGNORED_FENCE_AGENTS = new Set([
  'fence_ack_manual', 'fence_check', 'fence_kdump_send', 'fence_legacy', 'fence_na', 'fence_node',
  'fence_nss_wrapper', 'fence_pcmk', 'fence_sanlockd', 'fence_tool', 'fence_virtd', 'fence_vmware_helper',
]);

export interface AgentCatalogOptions {
  paths?: AgentPaths;
  cacheDir?: string | false;
  /** Whether systemd runs on this host (it does not in containers). */
  systemdRunning?: boolean;
}

export class AgentCatalog {
  private readonly paths: AgentPaths;
  private readonly cacheDir: string | false | undefined;
  private readonly systemdRunning: boolean;

  constructor(options: AgentCatalogOptions = {}) {
    this.paths = options.paths ?? defaultAgentPaths();
    this.cacheDir = options.cacheDir;
    this.systemdRunning = options.systemdRunning ?? existsSync('/run/systemd/system');
  }

  /** Standards of installed agents, as `pcs resource standards` lists them. */
  standards(): string[] {
    const out = new Set<string>();
    if (listOcfProviders(this.paths).length) out.add('ocf');
    if (existsSync(this.paths.initDir)) {
      out.add('lsb');
      out.add('service');
    }
    if (this.systemdRunning) out.add('systemd');
    out.add('stonith');
    return [...out].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase()));
  }

  ocfProviders(): string[] {
    return listOcfProviders(this.paths).sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase()));
  }

  /** standard[:provider] pairs, OCF split by provider. */
  standardsAndProviders(): { standard: string; provider?: string }[] {
    const out: { standard: string; provider?: string }[] = [];
    for (const s of this.standards()) {
      if (s === 'ocf') for (const p of this.ocfProviders()) out.push({ standard: 'ocf', provider: p });
      else out.push({ standard: s });
    }
    return out.sort((a, b) => (a.standard + ':' + (a.provider ?? '')).localeCompare(b.standard + ':' + (b.provider ?? '')));
  }

  /** Agent types of a standard (and provider). */
  agentTypes(standard: string, provider?: string): string[] {
    if (!['ocf', 'lsb', 'service', 'stonith'].includes(standard)) return [];
    const names = listAgents(standard as AgentName['class'], provider, this.paths).map((a) => a.type);
    return [...new Set(names)].filter((t) => !IGNORED_FENCE_AGENTS.has(t)).sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase()));
  }

  /** Every installed agent whose type is `type` (case-insensitive), in every standard. */
  findByType(type: string): ResourceAgentName[] {
    const lower = type.toLowerCase();
    const out: ResourceAgentName[] = [];
    for (const sp of this.standardsAndProviders()) {
      for (const t of this.agentTypes(sp.standard, sp.provider)) {
        if (t.toLowerCase() === lower) out.push({ standard: sp.standard, provider: sp.provider, type: t });
      }
    }
    return out;
  }

  /** Meta-data of an agent, cleaned up for pcs, with the extra parameters Pacemaker accepts. */
  async metadata(name: ResourceAgentName): Promise<PcsAgentMetadata> {
    const md = await this.rawMetadata(name);
    const extra: PcsAgentParameter[] = [];
    if (name.standard === 'stonith') extra.push(...this.fencedParameters());
    if (name.standard === 'ocf' && (name.provider === 'heartbeat' || name.provider === 'pacemaker')) extra.push(...traceParameters(md.parameters));
    return extra.length ? { ...md, parameters: [...md.parameters, ...extra] } : md;
  }

  /** The meta-data pcs shows for an agent that cannot be read (with --force). */
  voidMetadata(name: ResourceAgentName): PcsAgentMetadata {
    return voidMetadata(name);
  }

  private async rawMetadata(name: ResourceAgentName): Promise<PcsAgentMetadata> {
    const full = fullName(name);
    switch (name.standard) {
      case 'systemd':
        if (!this.systemdRunning) throw new AgentUnavailable(full, 'systemd is not running on this host, so its units cannot be described');
        throw new AgentUnavailable(full, 'reading systemd unit meta-data is not supported yet');
      case 'lsb':
      case 'service': {
        const script = join(this.paths.initDir, name.type);
        if (!agentExecutable({ class: 'lsb', provider: undefined, type: name.type }, this.paths)) {
          throw new AgentUnavailable(full, `no init script ${script}`);
        }
        return toPcsMetadata(name, lsbMetadata(name.type, script));
      }
      case 'ocf':
      case 'stonith': {
        const agentName: AgentName = { class: name.standard, provider: name.provider, type: name.type };
        if (!agentExecutable(agentName, this.paths)) {
          throw new AgentUnavailable(full, name.standard === 'ocf' ? `not installed (no ${join(this.paths.ocfRoot, 'resource.d', name.provider ?? '', name.type)})` : 'no such fence agent is installed');
        }
        try {
          const md = await loadAgentMetadataCached(agentName, this.cacheDir === undefined ? { paths: this.paths } : { paths: this.paths, cacheDir: this.cacheDir });
          return toPcsMetadata(name, md);
        } catch (e) {
          throw new AgentUnavailable(full, `its meta-data cannot be read: ${e instanceof Error ? e.message : String(e)}`);
        }
      }
      default:
        throw new AgentUnavailable(full, `agents of standard '${name.standard}' are not available on this host`);
    }
  }

  /** Parameters every fence device takes (pacemaker-fenced's meta-data). */
  fencedParameters(): PcsAgentParameter[] {
    return this.daemonMetadata('pacemaker-fenced').parameters;
  }

  daemonMetadata(daemon: PacemakerDaemon): PcsAgentMetadata {
    return daemonMetadata(daemon);
  }
}
