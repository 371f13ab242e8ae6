// node:child_process loaded on first use: it costs about 5 ms at the start of every command that
// bundles the agents (pcs), and most of them run no agent. (The cib package has the same helper;
// agents depends on no other package.)

import { createRequire } from 'node:module';

const load = createRequire(import.meta.url);

export function childProcess(): typeof import('node:child_process') {
  return load('node:child_process') as typeof import('node:child_process');
}
