// SMTP_CHECK: the server must greet with 220, answer HELO with 250 and QUIT with 221.

import type { Socket } from 'node:net';
import type { CommonCheckOptions } from './model.js';
import { openConnection } from './tcp.js';

/** Reads one SMTP reply (possibly multi-line: "250-..." continued by "250 ..."). */
function reply(socket: Socket, buffered: { text: string }, timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const done = (): boolean => {
      const lines = buffered.text.split('\r\n');
      for (let i = 0; i < lines.length - 1; i++) {
        const m = /^(\d{3}) /.exec(lines[i]!);
        if (m) {
          buffered.text = lines.slice(i + 1).join('\r\n');
          cleanup();
          resolve(Number(m[1]));
          return true;
        }
      }
      return false;
    };
    const onData = (c: Buffer): void => {
      buffered.text += c.toString('latin1');
      done();
    };
    const onEnd = (): void => {
      cleanup();
      reject(new Error('connection closed by the SMTP server'));
    };
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error('SMTP server did not answer in time'));
    }, timeoutMs);
    const cleanup = (): void => {
      clearTimeout(timer);
      socket.off('data', onData);
      socket.off('end', onEnd);
    };
    socket.on('data', onData);
    socket.on('end', onEnd);
    done();
  });
}

export async function smtpCheck(o: CommonCheckOptions, heloName: string): Promise<string> {
  const socket = await openConnection(o);
  const buffered = { text: '' };
  try {
    const greeting = await reply(socket, buffered, o.connectTimeoutMs);
    if (greeting !== 220) throw new Error(`SMTP greeting ${greeting}, expected 220`);
    socket.write(`HELO ${heloName}\r\n`);
    const helo = await reply(socket, buffered, o.connectTimeoutMs);
    if (helo !== 250) throw new Error(`HELO answered ${helo}, expected 250`);
    socket.write('QUIT\r\n');
    const quit = await reply(socket, buffered, o.connectTimeoutMs);
    if (quit !== 221) throw new Error(`QUIT answered ${quit}, expected 221`);
    return 'SMTP dialogue completed';
  } finally {
    socket.destroy();
  }
}
