// TCP connections with a connect timeout, the base of every network checker.

import { connect, type Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import type { CommonCheckOptions } from './model.js';

export function openConnection(o: CommonCheckOptions, tls = false): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const base = { host: o.connectIp, port: o.connectPort, ...(o.bindTo ? { localAddress: o.bindTo } : {}) };
    // keepalived's SSL_GET does not verify the certificate unless told to; neither do we.
    const socket = tls ? tlsConnect({ ...base, rejectUnauthorized: false, servername: o.connectIp }) : connect(base);
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`connect to ${o.connectIp}:${o.connectPort} timed out`));
    }, o.connectTimeoutMs);
    socket.once(tls ? 'secureConnect' : 'connect', () => {
      clearTimeout(timer);
      resolve(socket);
    });
    socket.once('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
  });
}

export async function tcpCheck(o: CommonCheckOptions): Promise<string> {
  const s = await openConnection(o);
  s.destroy();
  return `connected to ${o.connectIp}:${o.connectPort}`;
}
