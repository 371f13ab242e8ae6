// The HTTP side of passive indicators: `POST /heartbeat/<name>` (or GET, for curl one-liners)
// with status=OK|ERR, an optional secret and detail, from allowed networks only.

import { timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { pushIndicator, isIndicatorName, type PushStatus } from './heartbeat.js';
import { allowed } from './networks.js';
import type { BlockList } from 'node:net';

export interface ReceiverOptions {
  stateDir: string;
  secret?: string;
  allow?: BlockList;
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function heartbeatReceiver(o: ReceiverOptions): Server {
  return createServer((req, res) => {
    const answer = (code: number, text: string): void => {
      res.writeHead(code, { 'Content-Type': 'text/plain', Connection: 'close' });
      res.end(`${text}\n`);
    };
    if (!allowed(o.allow, req.socket.remoteAddress ?? '')) return answer(403, 'source not allowed');
    let body = '';
    req.on('data', (c: Buffer) => {
      body += c.toString('utf8');
      if (body.length > 4096) req.destroy();
    });
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const m = /^\/heartbeat\/([^/]+)$/.exec(url.pathname);
      if (!m || (req.method !== 'POST' && req.method !== 'GET')) return answer(404, 'use /heartbeat/<name>');
      const name = decodeURIComponent(m[1]!);
      if (!isIndicatorName(name)) return answer(400, 'bad indicator name');
      const form = new URLSearchParams(body);
      const field = (k: string): string | undefined => form.get(k) ?? url.searchParams.get(k) ?? undefined;
      if (o.secret !== undefined && !sameSecret(field('secret') ?? '', o.secret)) return answer(403, 'bad secret');
      const status = (field('status') ?? 'OK').toUpperCase();
      if (status !== 'OK' && status !== 'ERR') return answer(400, 'status must be OK or ERR');
      pushIndicator(o.stateDir, name, status as PushStatus, field('detail') ?? '');
      answer(200, 'OK');
    });
  });
}
