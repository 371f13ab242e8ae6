// A checker from OCF instance parameters (keepalived's keywords, lower-cased): the HealthCheck
// agent and node-health users describe checks this way.
//
//   check=HTTP_GET connect_ip=127.0.0.1 connect_port=80 connect_timeout=3 retry=2
//   delay_before_retry=1 urls="/;status_code=200 /health;digest=9b3a...;status_code=204"

import type { HealthCheck, HealthCheckKind, UrlCheck } from './model.js';

export type CheckParamsProblem = { code: 'HEALTH_CHECK_INVALID'; parameter: string; reason: string };

const KINDS: readonly HealthCheckKind[] = ['TCP_CHECK', 'HTTP_GET', 'SSL_GET', 'SMTP_CHECK', 'MISC_CHECK'];

export function parseUrls(text: string): UrlCheck[] | string {
  const out: UrlCheck[] = [];
  for (const entry of text.split(/\s+/).filter((e) => e !== '')) {
    const [path = '', ...fields] = entry.split(';');
    if (!path.startsWith('/')) return `url path ${path} must start with /`;
    const u: UrlCheck = { path };
    for (const f of fields) {
      const [k, v = ''] = f.split('=');
      if (k === 'digest' && /^[0-9a-fA-F]{32}$/.test(v)) u.digest = v.toLowerCase();
      else if (k === 'status_code' && /^\d{3}$/.test(v)) u.statusCode = Number(v);
      else return `bad url field ${f} (digest=<md5> or status_code=<nnn>)`;
    }
    out.push(u);
  }
  return out.length > 0 ? out : 'no url given';
}

function seconds(v: string | undefined, dflt: number): number | undefined {
  if (v === undefined || v === '') return dflt * 1000;
  return /^\d+(\.\d+)?$/.test(v) ? Number(v) * 1000 : undefined;
}

export function checkFromParams(p: Record<string, string>): HealthCheck | CheckParamsProblem {
  const bad = (parameter: string, reason: string): CheckParamsProblem => ({ code: 'HEALTH_CHECK_INVALID', parameter, reason });
  const kind = (p['check'] ?? '').toUpperCase() as HealthCheckKind;
  if (!KINDS.includes(kind)) return bad('check', `must be one of ${KINDS.join(', ')}`);
  const retry = Number(p['retry'] ?? '1');
  if (!Number.isInteger(retry) || retry < 0) return bad('retry', 'must be a whole number');
  const delay = seconds(p['delay_before_retry'], 1);
  if (delay === undefined) return bad('delay_before_retry', 'must be seconds');
  if (kind === 'MISC_CHECK') {
    if (!p['misc_path']) return bad('misc_path', 'is required for MISC_CHECK');
    const t = seconds(p['misc_timeout'], 5);
    if (t === undefined) return bad('misc_timeout', 'must be seconds');
    return { kind, miscPath: p['misc_path'], miscTimeoutMs: t, miscDynamic: /^(1|true|yes)$/i.test(p['misc_dynamic'] ?? ''), retry, delayBeforeRetryMs: delay };
  }
  const port = Number(p['connect_port'] ?? '');
  if (!Number.isInteger(port) || port <= 0 || port > 65535) return bad('connect_port', 'must be a TCP port');
  const timeout = seconds(p['connect_timeout'], 5);
  if (timeout === undefined) return bad('connect_timeout', 'must be seconds');
  const common = { connectIp: p['connect_ip'] || '127.0.0.1', connectPort: port, connectTimeoutMs: timeout, retry, delayBeforeRetryMs: delay, ...(p['bindto'] ? { bindTo: p['bindto'] } : {}) };
  switch (kind) {
    case 'TCP_CHECK':
      return { kind, ...common };
    case 'SMTP_CHECK':
      return { kind, ...common, heloName: p['helo_name'] || 'localhost' };
    case 'HTTP_GET':
    case 'SSL_GET': {
      const urls = parseUrls(p['urls'] ?? '');
      if (typeof urls === 'string') return bad('urls', urls);
      return { kind, ...common, urls, ...(p['virtualhost'] ? { virtualhost: p['virtualhost'] } : {}) };
    }
  }
}
