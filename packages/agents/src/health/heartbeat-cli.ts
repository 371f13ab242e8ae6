// `hacluster-heartbeat push NAME [OK|ERR] [--state-dir DIR] [--detail TEXT]`: the command way of
// pushing a passive indicator; `hacluster-heartbeat show NAME --period S` prints its state.

import { parseArgs } from 'node:util';
import { indicatorState, pushIndicator, isIndicatorName } from './heartbeat.js';

export const DEFAULT_HEARTBEAT_DIR = '/run/hacluster/heartbeat';

export function heartbeatCli(argv: string[], out: (s: string) => void, err: (s: string) => void): number {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { 'state-dir': { type: 'string' }, detail: { type: 'string' }, period: { type: 'string' } } });
  } catch (e) {
    err(`hacluster-heartbeat: ${e instanceof Error ? e.message : String(e)}\n`);
    return 64;
  }
  const [verb, name = '', status = 'OK'] = parsed.positionals;
  const dir = parsed.values['state-dir'] ?? DEFAULT_HEARTBEAT_DIR;
  if (!isIndicatorName(name)) {
    err('usage: hacluster-heartbeat push NAME [OK|ERR] | show NAME --period SECONDS\n');
    return 64;
  }
  if (verb === 'push') {
    const s = status.toUpperCase();
    if (s !== 'OK' && s !== 'ERR') {
      err('hacluster-heartbeat: status must be OK or ERR\n');
      return 64;
    }
    pushIndicator(dir, name, s, parsed.values.detail ?? '');
    return 0;
  }
  if (verb === 'show') {
    const period = Number(parsed.values.period ?? '60') * 1000;
    const st = indicatorState(dir, name, period);
    out(st.status === 'OK' ? `${name}: OK\n` : `${name}: ERR (${st.reason})\n`);
    return st.status === 'OK' ? 0 : 1;
  }
  err('usage: hacluster-heartbeat push NAME [OK|ERR] | show NAME --period SECONDS\n');
  return 64;
}
