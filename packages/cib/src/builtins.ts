// Node built-ins that most commands never use, loaded on first use instead of at start-up:
// node:child_process alone costs about 5 ms of a `pcs -f` command that takes 60 in all, and
// only schema checks, editors, backups and agents start processes.

import { createRequire } from 'node:module';

const load = createRequire(import.meta.url);

export function childProcess(): typeof import('node:child_process') {
  return load('node:child_process') as typeof import('node:child_process');
}

export function zlib(): typeof import('node:zlib') {
  return load('node:zlib') as typeof import('node:zlib');
}

export function dnsPromises(): typeof import('node:dns/promises') {
  return load('node:dns/promises') as typeof import('node:dns/promises');
}
