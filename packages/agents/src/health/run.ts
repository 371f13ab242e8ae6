// Runs one checker with keepalived's retry rule: a failed attempt is tried again `retry` times,
// `delay_before_retry` apart; the check fails only when every attempt has.

import { httpCheck } from './http.js';
import { miscCheck } from './misc.js';
import type { CheckResult, HealthCheck } from './model.js';
import { smtpCheck } from './smtp.js';
import { tcpCheck } from './tcp.js';

async function attempt(c: HealthCheck): Promise<{ ok: boolean; detail: string; weight?: number }> {
  try {
    switch (c.kind) {
      case 'TCP_CHECK':
        return { ok: true, detail: await tcpCheck(c) };
      case 'HTTP_GET':
        return { ok: true, detail: await httpCheck(c, c.urls, false, c.virtualhost) };
      case 'SSL_GET':
        return { ok: true, detail: await httpCheck(c, c.urls, true, c.virtualhost) };
      case 'SMTP_CHECK':
        return { ok: true, detail: await smtpCheck(c, c.heloName) };
      case 'MISC_CHECK':
        return await miscCheck(c.miscPath, c.miscTimeoutMs, c.miscDynamic);
    }
  } catch (e) {
    return { ok: false, detail: e instanceof Error ? e.message : String(e) };
  }
}

export async function runHealthCheck(c: HealthCheck, sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms))): Promise<CheckResult> {
  let last = { ok: false, detail: 'not run' } as { ok: boolean; detail: string; weight?: number };
  for (let i = 0; i <= c.retry; i++) {
    if (i > 0) await sleep(c.delayBeforeRetryMs);
    last = await attempt(c);
    if (last.ok) return { ...last, attempts: i + 1 };
  }
  return { ...last, attempts: c.retry + 1 };
}
