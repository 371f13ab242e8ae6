// crm_simulate: simulate a cluster's response to events (the launcher in bin/ calls main).

import { readFileSync } from 'node:fs';
import { runCrmSimulate } from '../crm_simulate/command.js';

export async function main(argv: string[]): Promise<number> {
  const result = runCrmSimulate(argv, { readStdin: () => readFileSync(0, 'utf8') });
  if (result.stderrFirst) process.stderr.write(result.stderrFirst);
  if (result.stdout) process.stdout.write(result.stdout);
  if (result.stderr) process.stderr.write(result.stderr);
  return result.exitCode;
}
