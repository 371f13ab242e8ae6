// Debian's ocf-tester (resource-agents) against our agents run as scripts: the sandbox backends
// of all of them, and the real Filesystem on tmpfs and the real health agents on loopback.

import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUILTIN_DIR, isRoot, missingTools, scratch } from './support.js';

const missing = missingTools('ocf-tester', 'xmllint');

/** Runs ocf-tester without blocking this process (its servers must keep answering). */
function ocfTester(type: string, instance: string, params: Record<string, string>, env: Record<string, string>): Promise<{ status: number | null; out: string }> {
  const args = ['-n', instance, ...Object.entries(params).flatMap(([k, v]) => ['-o', `${k}=${v}`]), join(BUILTIN_DIR, type)];
  return new Promise((resolve) => {
    const p = spawn('ocf-tester', args, { env: { PATH: process.env['PATH'] ?? '', ...env } });
    let out = '';
    p.stdout.on('data', (c: Buffer) => (out += c.toString()));
    p.stderr.on('data', (c: Buffer) => (out += c.toString()));
    p.on('close', (status) => resolve({ status, out }));
  });
}

describe.skipIf(missing !== undefined)(missing ?? 'ocf-tester', () => {
  const domain = (dir: string): string => {
    const f = join(dir, 'vm1.xml');
    writeFileSync(f, "<domain type='qemu'><name>vm1</name><memory unit='MiB'>64</memory></domain>\n");
    return f;
  };
  const sandboxCases: [string, Record<string, string>][] = [
    ['drbd', { drbd_resource: 'r0' }],
    ['controld', {}],
    ['clvm', {}],
    ['Filesystem', { device: '/dev/drbd0', directory: '/srv/data', fstype: 'ext4' }],
    ['libvirtd', {}],
  ];

  it.each(sandboxCases)('%s (sandbox backend) passes all tests', async (type, params) => {
    const r = await ocfTester(type, `${type.toLowerCase()}1`, params, { HACLUSTER_SANDBOX: scratch(), HACLUSTER_NODE: 'node1' });
    expect(r.out).toContain('passed all tests');
    expect(r.status).toBe(0);
  });

  it('VirtualDomain (sandbox backend) passes all tests', async () => {
    const dir = scratch();
    const r = await ocfTester('VirtualDomain', 'vm1', { config: domain(dir) }, { HACLUSTER_SANDBOX: dir, HACLUSTER_NODE: 'node1' });
    expect(r.out).toContain('passed all tests');
  });

  it.skipIf(!isRoot)('Filesystem (real backend) on tmpfs passes all tests', async () => {
    const dir = scratch();
    const r = await ocfTester('Filesystem', 'fs1', { device: 'tmpfs', directory: join(dir, 'mnt'), fstype: 'tmpfs', options: 'size=8m' }, {});
    expect(r.out).toContain('passed all tests');
  });

  it('HealthCheck, oco and PassiveHeartbeat (real) pass all tests', async () => {
    const server = createServer((_, res) => res.end('hello'));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as AddressInfo).port;
    try {
      const hc = await ocfTester('HealthCheck', 'hc1', { check: 'HTTP_GET', connect_port: String(port), urls: '/;status_code=200' }, { HA_RSCTMP: scratch() });
      expect(hc.out).toContain('passed all tests');
    } finally {
      server.close();
    }
    const oco = await ocfTester('oco', 'oco1', { port: '17979', force_ko_file: join(scratch(), 'ko') }, { HA_RSCTMP: scratch() });
    expect(oco.out).toContain('passed all tests');
    const hb = await ocfTester('PassiveHeartbeat', 'hb1', { name: 'hb1', state_dir: scratch(), listen_port: '17980' }, { HA_RSCTMP: scratch() });
    expect(hb.out).toContain('passed all tests');
  });
});
