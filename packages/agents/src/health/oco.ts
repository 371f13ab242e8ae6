// OVH's OCO probe answered: a TCP responder (port 79 by default) that writes "OK" when this node
// is online, not in standby and healthy, "KO" otherwise, then closes. A file forces KO (to drain
// a node from the load balancer by hand), as OCO's result directory does.

import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:net';

export interface OcoOptions {
  /** Decides OK/KO for each probe. */
  healthy: () => Promise<boolean>;
  /** While this file exists the answer is KO. */
  forceKoFile?: string;
}

export function ocoResponder(o: OcoOptions): Server {
  return createServer((socket) => {
    socket.on('error', () => undefined);
    const answer = async (): Promise<string> => {
      if (o.forceKoFile && existsSync(o.forceKoFile)) return 'KO';
      try {
        return (await o.healthy()) ? 'OK' : 'KO';
      } catch {
        return 'KO';
      }
    };
    void answer().then((a) => socket.end(`${a}\n`));
  });
}
