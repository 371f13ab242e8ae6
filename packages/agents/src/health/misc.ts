// MISC_CHECK: a script decides. Exit 0 is healthy, anything else not; with misc_dynamic, exit
// codes 2-255 are healthy too and set the weight to code - 2 (keepalived's rule).

import { runProcess } from '../exec/process.js';

export interface MiscOutcome {
  ok: boolean;
  detail: string;
  weight?: number;
}

export async function miscCheck(path: string, timeoutMs: number, dynamic: boolean, env: Record<string, string> = { PATH: process.env['PATH'] ?? '/usr/bin:/bin' }): Promise<MiscOutcome> {
  const words = path.split(/\s+/).filter((w) => w !== '');
  const p = await runProcess({ file: words[0] ?? '', args: words.slice(1), env, timeoutMs });
  const o = p.outcome;
  if (o.kind === 'timeout') return { ok: false, detail: `${path} timed out` };
  if (o.kind !== 'exited') return { ok: false, detail: `${path} did not run to the end (${o.kind})` };
  if (o.code === 0) return { ok: true, detail: `${path} exited 0` };
  if (dynamic && o.code >= 2) return { ok: true, detail: `${path} exited ${o.code}`, weight: o.code - 2 };
  return { ok: false, detail: `${path} exited ${o.code}` };
}
