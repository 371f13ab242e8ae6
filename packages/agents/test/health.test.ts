// Health checks against real servers on loopback: HTTP, HTTPS (a certificate made with openssl),
// SMTP (a small server speaking the dialogue), plain TCP and scripts; the OCO responder and the
// passive heartbeat with its HTTP receiver.

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer, request } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { connect, createServer, type AddressInfo, type Server } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkFromParams } from '../src/health/params.js';
import { runHealthCheck } from '../src/health/run.js';
import { heartbeatCli } from '../src/health/heartbeat-cli.js';
import { indicatorState, pushIndicator } from '../src/health/heartbeat.js';
import { heartbeatReceiver } from '../src/health/heartbeat-receiver.js';
import { parseNetworks } from '../src/health/networks.js';
import { ocoResponder } from '../src/health/oco.js';
import type { HealthCheck } from '../src/health/model.js';
import { hasCommand, scratch, writeScript } from './support.js';

const servers: Server[] = [];
afterAll(() => {
  for (const s of servers) s.close();
});

async function listen(s: Server): Promise<number> {
  servers.push(s);
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  return (s.address() as AddressInfo).port;
}

function check(params: Record<string, string>): HealthCheck {
  const c = checkFromParams(params);
  if ('code' in c) throw new Error(`${c.parameter} ${c.reason}`);
  return c;
}

const md5 = (s: string): string => createHash('md5').update(s).digest('hex');

let httpPort = 0;
let flakyHits = 0;
const handler = (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse): void => {
  if (req.url === '/') res.end('hello');
  else if (req.url === '/health') {
    res.writeHead(204);
    res.end();
  } else if (req.url === '/flaky') {
    flakyHits += 1;
    res.writeHead(flakyHits < 3 ? 503 : 200);
    res.end('eventually');
  } else if (req.url === '/vhost') res.end(req.headers.host ?? '');
  else {
    res.writeHead(500);
    res.end('broken');
  }
};

beforeAll(async () => {
  httpPort = await listen(createHttpServer(handler));
});

describe('HTTP_GET', () => {
  it('passes when every URL has its status code and digest', async () => {
    const r = await runHealthCheck(check({ check: 'HTTP_GET', connect_port: String(httpPort), urls: `/;digest=${md5('hello')};status_code=200 /health;status_code=204` }));
    expect([r.ok, r.attempts]).toEqual([true, 1]);
  });

  it('fails on a wrong digest, a wrong status, any non-2xx without one', async () => {
    const port = String(httpPort);
    const wrongDigest = await runHealthCheck(check({ check: 'HTTP_GET', connect_port: port, retry: '0', urls: `/;digest=${md5('bye')}` }));
    expect([wrongDigest.ok, wrongDigest.detail]).toEqual([false, `/: digest ${md5('hello')}, expected ${md5('bye')}`]);
    expect((await runHealthCheck(check({ check: 'HTTP_GET', connect_port: port, retry: '0', urls: '/health;status_code=200' }))).detail).toBe('/health: status 204, expected 200');
    expect((await runHealthCheck(check({ check: 'HTTP_GET', connect_port: port, retry: '0', urls: '/ /broken' }))).detail).toBe('/broken: status 500');
  });

  it('retries as many times as asked, then passes or gives up', async () => {
    flakyHits = 0;
    const given = await runHealthCheck(check({ check: 'HTTP_GET', connect_port: String(httpPort), retry: '1', delay_before_retry: '0', urls: '/flaky' }));
    expect([given.ok, given.attempts, flakyHits]).toEqual([false, 2, 2]);
    flakyHits = 0;
    const passed = await runHealthCheck(check({ check: 'HTTP_GET', connect_port: String(httpPort), retry: '3', delay_before_retry: '0', urls: '/flaky' }));
    expect([passed.ok, passed.attempts, flakyHits]).toEqual([true, 3, 3]);
  });

  it('sends the virtual host', async () => {
    const r = await runHealthCheck(check({ check: 'HTTP_GET', connect_port: String(httpPort), virtualhost: 'www.example.org', urls: `/vhost;digest=${md5('www.example.org')}` }));
    expect(r.ok).toBe(true);
  });

  it('gives up on a server that accepts but never answers, after connect_timeout', async () => {
    const silent = createServer(() => undefined);
    const port = await listen(silent);
    const r = await runHealthCheck(check({ check: 'HTTP_GET', connect_port: String(port), connect_timeout: '1', retry: '0', urls: '/' }));
    expect([r.ok, r.detail]).toEqual([false, `no answer from 127.0.0.1:${port}/ in time`]);
  });
});

describe.skipIf(!hasCommand('openssl'))('SSL_GET', () => {
  it('checks over TLS (self-signed certificate, not verified, as keepalived)', async () => {
    const dir = scratch();
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=localhost', '-days', '1', '-keyout', join(dir, 'k.pem'), '-out', join(dir, 'c.pem')], { stdio: 'ignore' });
    const port = await listen(createHttpsServer({ key: readFileSync(join(dir, 'k.pem')), cert: readFileSync(join(dir, 'c.pem')) }, handler));
    expect((await runHealthCheck(check({ check: 'SSL_GET', connect_port: String(port), urls: `/;digest=${md5('hello')}` }))).ok).toBe(true);
    const plainToTls = await runHealthCheck(check({ check: 'HTTP_GET', connect_port: String(port), connect_timeout: '2', retry: '0', urls: '/' }));
    expect(plainToTls.ok).toBe(false);
  });
});

describe('SMTP_CHECK, TCP_CHECK, MISC_CHECK', () => {
  function smtpServer(greeting: string): Server {
    return createServer((s) => {
      s.write(`${greeting}\r\n`);
      let buf = '';
      s.on('data', (c: Buffer) => {
        buf += c.toString();
        while (buf.includes('\r\n')) {
          const line = buf.slice(0, buf.indexOf('\r\n'));
          buf = buf.slice(buf.indexOf('\r\n') + 2);
          if (/^HELO /.test(line)) s.write(`250-mail.test greets ${line.slice(5)}\r\n250 OK\r\n`);
          else if (line === 'QUIT') s.end('221 bye\r\n');
          else s.write('500 what\r\n');
        }
      });
    });
  }

  it('SMTP: greeting 220, HELO 250 (multi-line), QUIT 221; a 554 greeting fails', async () => {
    const good = await listen(smtpServer('220 mail.test ESMTP'));
    expect((await runHealthCheck(check({ check: 'SMTP_CHECK', connect_port: String(good), helo_name: 'node1' }))).ok).toBe(true);
    const bad = await listen(smtpServer('554 go away'));
    const r = await runHealthCheck(check({ check: 'SMTP_CHECK', connect_port: String(bad), retry: '0' }));
    expect([r.ok, r.detail]).toEqual([false, 'SMTP greeting 554, expected 220']);
  });

  it('TCP: connects, or fails on a closed port', async () => {
    expect((await runHealthCheck(check({ check: 'TCP_CHECK', connect_port: String(httpPort) }))).ok).toBe(true);
    const closed = createServer();
    const port = await new Promise<number>((r) => closed.listen(0, '127.0.0.1', () => r((closed.address() as AddressInfo).port)));
    await new Promise((r) => closed.close(r));
    const r = await runHealthCheck(check({ check: 'TCP_CHECK', connect_port: String(port), retry: '0' }));
    expect(r.ok).toBe(false);
    expect(r.detail).toContain('ECONNREFUSED');
  });

  it('MISC: exit 0 passes, 1 fails, with misc_dynamic 2-255 pass with weight code-2; a hung script times out', async () => {
    const dir = scratch();
    const script = (rc: number): string => writeScript(join(dir, `rc${rc}`), `#!/bin/sh\nexit ${rc}\n`);
    expect((await runHealthCheck(check({ check: 'MISC_CHECK', misc_path: script(0) }))).ok).toBe(true);
    expect((await runHealthCheck(check({ check: 'MISC_CHECK', misc_path: script(1), retry: '0' }))).ok).toBe(false);
    expect((await runHealthCheck(check({ check: 'MISC_CHECK', misc_path: script(7), retry: '0' }))).ok).toBe(false);
    const dyn = await runHealthCheck(check({ check: 'MISC_CHECK', misc_path: script(7), misc_dynamic: '1' }));
    expect([dyn.ok, dyn.weight]).toEqual([true, 5]);
    const hung = await runHealthCheck(check({ check: 'MISC_CHECK', misc_path: writeScript(join(dir, 'hang'), '#!/bin/sh\nsleep 30\n'), misc_timeout: '1', retry: '0' }));
    expect([hung.ok, hung.detail.endsWith('timed out')]).toEqual([false, true]);
  });

  it('rejects bad parameters with the parameter named', () => {
    expect(checkFromParams({ check: 'PING' })).toMatchObject({ code: 'HEALTH_CHECK_INVALID', parameter: 'check' });
    expect(checkFromParams({ check: 'HTTP_GET', connect_port: '80', urls: 'index.html' })).toMatchObject({ parameter: 'urls' });
    expect(checkFromParams({ check: 'TCP_CHECK', connect_port: '99999' })).toMatchObject({ parameter: 'connect_port' });
  });
});

describe('OCO responder', () => {
  function probe(port: number): Promise<string> {
    return new Promise((resolve, reject) => {
      const s = connect({ host: '127.0.0.1', port });
      let data = '';
      s.on('data', (c: Buffer) => (data += c.toString()));
      s.on('end', () => resolve(data));
      s.on('error', reject);
    });
  }

  it('answers OK or KO as the node status says, then closes; the force file makes it KO', async () => {
    let healthy = true;
    const force = join(scratch(), 'force-ko');
    const port = await listen(ocoResponder({ healthy: async () => healthy, forceKoFile: force }));
    expect(await probe(port)).toBe('OK\n');
    healthy = false;
    expect(await probe(port)).toBe('KO\n');
    healthy = true;
    writeFileSync(force, '300\n');
    expect(await probe(port)).toBe('KO\n');
  });
});

describe('passive heartbeat', () => {
  it('is OK while OK pushes come within the period, ERR after a silence or an ERR push', () => {
    const dir = scratch();
    const t0 = 1_000_000;
    expect(indicatorState(dir, 'backup', 60_000, t0).status).toBe('ERR');
    expect(indicatorState(dir, 'backup', 60_000, t0, t0 - 1000).status).toBe('OK');
    pushIndicator(dir, 'backup', 'OK', '', t0);
    expect(indicatorState(dir, 'backup', 60_000, t0 + 59_000).status).toBe('OK');
    const late = indicatorState(dir, 'backup', 60_000, t0 + 61_000);
    expect(late).toMatchObject({ status: 'ERR', reason: 'no OK for backup within 60s' });
    pushIndicator(dir, 'backup', 'ERR', 'disk full', t0 + 62_000);
    expect(indicatorState(dir, 'backup', 60_000, t0 + 62_500)).toMatchObject({ status: 'ERR', reason: 'backup reported ERR: disk full' });
  });

  it('takes HTTP pushes with the secret, from allowed networks only', async () => {
    const dir = scratch();
    const post = (port: number, path: string, body: string): Promise<number> =>
      new Promise((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port, path, method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } }, (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        });
        req.on('error', reject);
        req.end(body);
      });
    const open = await listen(heartbeatReceiver({ stateDir: dir, secret: 's3cret', allow: parseNetworks('127.0.0.0/8 ::1') as import('node:net').BlockList }));
    expect(await post(open, '/heartbeat/web', 'status=OK&secret=wrong')).toBe(403);
    expect(existsSync(join(dir, 'web.json'))).toBe(false);
    expect(await post(open, '/heartbeat/web', 'status=OK&secret=s3cret')).toBe(200);
    expect(indicatorState(dir, 'web', 60_000).status).toBe('OK');
    const closed = await listen(heartbeatReceiver({ stateDir: dir, allow: parseNetworks('10.0.0.0/8') as import('node:net').BlockList }));
    expect(await post(closed, '/heartbeat/web', 'status=ERR')).toBe(403);
    expect(indicatorState(dir, 'web', 60_000).status).toBe('OK');
  });

  it('takes command pushes (hacluster-heartbeat push/show)', () => {
    const dir = scratch();
    const out: string[] = [];
    expect(heartbeatCli(['push', 'nightly', 'OK', '--state-dir', dir], (s) => out.push(s), (s) => out.push(s))).toBe(0);
    expect(heartbeatCli(['show', 'nightly', '--state-dir', dir, '--period', '60'], (s) => out.push(s), (s) => out.push(s))).toBe(0);
    expect(heartbeatCli(['push', 'nightly', 'ERR', '--state-dir', dir, '--detail', 'failed'], (s) => out.push(s), (s) => out.push(s))).toBe(0);
    expect(heartbeatCli(['show', 'nightly', '--state-dir', dir], (s) => out.push(s), (s) => out.push(s))).toBe(1);
    expect(out).toEqual(['nightly: OK\n', 'nightly: ERR (nightly reported ERR: failed)\n']);
  });
});
