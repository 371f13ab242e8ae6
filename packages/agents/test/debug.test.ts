// debugAction, what `pcs resource debug-*` runs: one operation with the resource's parameters
// and meta attributes, everything kept for printing.

import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { debugAction } from '../src/index.js';
import { scratch } from './support.js';

const noDummy = existsSync('/usr/lib/ocf/resource.d/heartbeat/Dummy') ? undefined : 'skipped: resource-agents not installed';

describe('debugAction', () => {
  it.skipIf(noDummy)('runs an installed agent with OCF_RESKEY_ parameters and CRM_meta_ attributes', async () => {
    const state = join(scratch(), 'd.state');
    const spec = { id: 'd1', agent: { class: 'ocf' as const, provider: 'heartbeat', type: 'Dummy' }, params: { state }, meta: { 'target-role': 'Started', 'migration-threshold': '3' } };
    const start = await debugAction(spec, 'start', { full: true });
    expect([start.rc, start.rcName, start.execStatus]).toEqual([0, 'OCF_SUCCESS', 'done']);
    expect(start.env).toMatchObject({ OCF_RESOURCE_INSTANCE: 'd1', OCF_RESKEY_state: state, OCF_RESKEY_CRM_meta_target_role: 'Started', OCF_RESKEY_CRM_meta_migration_threshold: '3', OCF_RESKEY_CRM_meta_interval: '0', OCF_RESKEY_CRM_meta_timeout: '20000' });
    expect((await debugAction(spec, 'monitor', {})).rcName).toBe('OCF_SUCCESS');
    expect((await debugAction(spec, 'stop', {})).rc).toBe(0);
    expect((await debugAction(spec, 'monitor', {})).rcName).toBe('OCF_NOT_RUNNING');
  });

  it('runs our agents the same way, shows exit reasons, and a monitor’s raw code', async () => {
    const spec = { id: 'vm9', agent: { class: 'ocf' as const, provider: 'hacluster', type: 'VirtualDomain' }, params: { config: '/nonexistent.xml' }, meta: { timeout: '30s' } };
    const start = await debugAction(spec, 'start', { executor: { environment: { HACLUSTER_SANDBOX: scratch() } } });
    expect([start.rc, start.rcName, start.exitReason]).toEqual([5, 'OCF_ERR_INSTALLED', 'Configuration file /nonexistent.xml does not exist or is not readable']);
    expect(start.env['OCF_RESKEY_CRM_meta_timeout']).toBe('30000');
    const fs = { id: 'fs', agent: { class: 'ocf' as const, provider: 'hacluster', type: 'Filesystem' }, params: {}, meta: {} };
    const r = await debugAction(fs, 'start', { executor: { environment: { HACLUSTER_SANDBOX: scratch() } } });
    expect([r.rc, r.exitReason]).toEqual([6, 'required parameters device, directory, fstype not set']);
  });

  it('reports a timeout as an execution status', async () => {
    const sb = scratch();
    const { mkdirSync, writeFileSync } = await import('node:fs');
    mkdirSync(join(sb, 'n1', 'lv'), { recursive: true });
    writeFileSync(join(sb, 'n1', 'lv', 'hang.start'), '');
    const r = await debugAction({ id: 'lv', agent: { class: 'ocf', provider: 'hacluster', type: 'libvirtd' }, params: {}, meta: {} }, 'start', { timeoutMs: 1200, executor: { environment: { HACLUSTER_SANDBOX: sb, HACLUSTER_NODE: 'n1' } } });
    expect(r.execStatus).toBe('timeout');
  });
});
