// The long-running side of the health agents, started detached by their `start`: the OCO
// responder or the heartbeat receiver. `daemon-main.js <json options>`; writes its pid
// file once listening and removes it on SIGTERM.

import { rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Server } from 'node:net';
import { heartbeatReceiver } from './heartbeat-receiver.js';
import { parseNetworks } from './networks.js';
import { nodeTakesTraffic } from './node-status.js';
import { ocoResponder } from './oco.js';

export interface DaemonOptions {
  kind: 'oco' | 'heartbeat';
  port: number;
  address: string;
  pidfile: string;
  /** oco */
  node?: string;
  healthAttributes?: string[];
  forceKoFile?: string;
  /** heartbeat */
  stateDir?: string;
  secret?: string;
  allowedNetworks?: string;
}

export function daemonServer(o: DaemonOptions): Server {
  if (o.kind === 'oco') {
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries(process.env)) if (v !== undefined) env[k] = v;
    return ocoResponder({
      healthy: () => nodeTakesTraffic({ node: o.node ?? '', healthAttributes: o.healthAttributes ?? [], env }),
      ...(o.forceKoFile ? { forceKoFile: o.forceKoFile } : {}),
    });
  }
  const allow = o.allowedNetworks ? parseNetworks(o.allowedNetworks) : undefined;
  if (typeof allow === 'string') throw new RangeError(allow);
  return heartbeatReceiver({ stateDir: o.stateDir ?? '/run/hacluster/heartbeat', ...(o.secret ? { secret: o.secret } : {}), ...(allow ? { allow } : {}) });
}

/** Runs a daemon until SIGTERM: `daemon-main.js <json options>`. */
export function runDaemon(json: string): void {
  const o = JSON.parse(json) as DaemonOptions;
  const server = daemonServer(o);
  server.listen(o.port, o.address, () => {
    mkdirSync(dirname(o.pidfile), { recursive: true });
    writeFileSync(o.pidfile, `${process.pid}\n`);
  });
  server.on('error', (e) => {
    process.stderr.write(`${o.kind}: ${e.message}\n`);
    process.exit(1);
  });
  process.on('SIGTERM', () => {
    rmSync(o.pidfile, { force: true });
    server.close();
    process.exit(0);
  });
}
