// Our agents as installed agents: a wrapper per agent under resource.d/hacluster, meta-data that
// loadAgentMetadata reads like any other agent's and that validates against ra-api-1.dtd.

import { execFileSync, spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { agentExecutable, findAgentsByType, listAgents, listOcfProviders, loadAgentMetadata } from '../src/index.js';
import { BUILTIN_AGENTS } from '../src/builtin/registry.js';
import { BUILTIN_DIR, hasCommand } from './support.js';

const TYPES = Object.keys(BUILTIN_AGENTS).sort();
const DTD = '/usr/share/resource-agents/ra-api-1.dtd';

describe('ocf:hacluster agents', () => {
  it('has one executable wrapper per agent and nothing else', () => {
    expect(readdirSync(BUILTIN_DIR).sort()).toEqual(TYPES);
    for (const t of TYPES) accessSync(join(BUILTIN_DIR, t), constants.X_OK);
  });

  it('lists and locates them like installed agents, without installing anything', () => {
    expect(listOcfProviders()).toContain('hacluster');
    expect(listAgents('ocf', 'hacluster').map((a) => a.type).sort()).toEqual(TYPES);
    expect(agentExecutable({ class: 'ocf', provider: 'hacluster', type: 'drbd' })).toBe(join(BUILTIN_DIR, 'drbd'));
    expect(findAgentsByType('VirtualDomain').map((a) => a.provider)).toContain('hacluster');
  });

  it.each(TYPES)('%s: loadAgentMetadata reads the parameters and actions the agent declares', async (type) => {
    const md = await loadAgentMetadata({ class: 'ocf', provider: 'hacluster', type });
    const spec = BUILTIN_AGENTS[type]!.metadata;
    expect(md.name).toBe(type);
    expect(md.ocfVersion).toBe('1.0');
    expect(md.parameters.map((p) => [p.name, p.required, p.unique, p.default])).toEqual(
      spec.parameters.map((p) => [p.name, p.required ?? false, p.unique ?? false, p.default]),
    );
    expect(md.actions.map((a) => a.name)).toEqual(spec.actions.map((a) => a.name));
  });

  it.skipIf(!hasCommand('xmllint') || !existsSync(DTD))('meta-data of every agent validates against ra-api-1.dtd', () => {
    for (const t of TYPES) {
      const xml = execFileSync(join(BUILTIN_DIR, t), ['meta-data'], { env: { PATH: process.env['PATH'] ?? '' } });
      // As ocf-tester validates: the DOCTYPE names ra-api-1.dtd, found beside it.
      const r = spawnSync('xmllint', ['--noout', '--valid', '-'], { input: xml, cwd: dirname(DTD) });
      expect([t, r.status, r.stderr.toString()]).toEqual([t, 0, '']);
    }
  });

  it('answers an unknown action with 3 and an unknown agent with 5', () => {
    const r = spawnSync(join(BUILTIN_DIR, 'Filesystem'), ['frobnicate'], { env: { PATH: process.env['PATH'] ?? '' } });
    expect(r.status).toBe(3);
    const main = join(BUILTIN_DIR, '..', '..', 'dist', 'builtin', 'main.js');
    expect(spawnSync('node', [main, 'NoSuchAgent', 'start']).status).toBe(5);
  });
});

describe('declared timeouts', () => {
  it('reads durations as Pacemaker does and picks a monitor by role', async () => {
    const { durationMs, actionTimeoutMs } = await import('../src/index.js');
    expect(['20s', '90', '2min', '500ms', '1h', 'soon'].map(durationMs)).toEqual([20_000, 90_000, 120_000, 500, 3_600_000, undefined]);
    const drbd = await loadAgentMetadata({ class: 'ocf', provider: 'hacluster', type: 'drbd' });
    expect(actionTimeoutMs(drbd, 'start')).toBe(240_000);
    expect(actionTimeoutMs(drbd, 'monitor', 'Promoted')).toBe(20_000);
    expect(actionTimeoutMs(drbd, 'promote')).toBe(90_000);
    expect(actionTimeoutMs(drbd, 'migrate_to')).toBeUndefined();
  });
});
