// HTTP_GET and SSL_GET: every URL must answer with the expected status (any 2xx by default) and,
// when a digest is given, a body whose MD5 is that digest.

import { createHash } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { CommonCheckOptions, UrlCheck } from './model.js';

export interface HttpAnswer {
  status: number;
  digest: string;
}

export function fetchDigest(o: CommonCheckOptions, path: string, tls: boolean, virtualhost?: string): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const req = (tls ? httpsRequest : httpRequest)(
      {
        host: o.connectIp,
        port: o.connectPort,
        path,
        method: 'GET',
        headers: { Host: virtualhost ?? o.connectIp, Connection: 'close', 'User-Agent': 'hacluster-healthcheck' },
        timeout: o.connectTimeoutMs,
        ...(o.bindTo ? { localAddress: o.bindTo } : {}),
        ...(tls ? { rejectUnauthorized: false } : {}),
        agent: false,
      },
      (res) => {
        const md5 = createHash('md5');
        res.on('data', (c: Buffer) => md5.update(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, digest: md5.digest('hex') }));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer from ${o.connectIp}:${o.connectPort}${path} in time`)));
    req.on('error', reject);
    req.end();
  });
}

export async function httpCheck(o: CommonCheckOptions, urls: UrlCheck[], tls: boolean, virtualhost?: string): Promise<string> {
  for (const u of urls) {
    const a = await fetchDigest(o, u.path, tls, virtualhost);
    const statusOk = u.statusCode !== undefined ? a.status === u.statusCode : a.status >= 200 && a.status < 300;
    if (!statusOk) throw new Error(`${u.path}: status ${a.status}${u.statusCode !== undefined ? `, expected ${u.statusCode}` : ''}`);
    if (u.digest !== undefined && a.digest !== u.digest.toLowerCase()) throw new Error(`${u.path}: digest ${a.digest}, expected ${u.digest}`);
  }
  return `${urls.length} url(s) answered as expected`;
}
