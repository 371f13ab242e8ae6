// The process behind every wrapper script in resource.d/hacluster: `main.js <type> <action>`.
// It is an OCF agent like any other: everything comes from the environment, the exit code is the
// result, meta-data goes to stdout and everything else to stderr.

import { OCF_ERR_INSTALLED } from '../ocf/codes.js';
import { OCF_EXIT_REASON_PREFIX } from '../ocf/exit-reason.js';
import { runAgent } from './framework/runner.js';
import { BUILTIN_AGENTS } from './registry.js';

async function main(argv: string[]): Promise<number> {
  const [type = '', action = ''] = argv;
  const def = BUILTIN_AGENTS[type];
  if (!def) {
    process.stderr.write(`${OCF_EXIT_REASON_PREFIX}no built-in agent named ${type}\n`);
    return OCF_ERR_INSTALLED;
  }
  const out = await runAgent(def, action, process.env, (l) => process.stderr.write(l));
  if (out.stdout) process.stdout.write(out.stdout);
  return out.rc;
}

const rc = await main(process.argv.slice(2));
// Exit explicitly: daemons an agent started must not keep this process alive.
process.stdout.write('', () => process.exit(rc));
