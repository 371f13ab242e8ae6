// `pcs`: the launcher bin/pcs.js calls main() with the command line.

import { runPcs } from '../pcs/cli/app.js';

export async function main(argv: string[]): Promise<number> {
  const chunks = { out: [] as (string | Buffer)[], err: [] as string[] };
  // Output is gathered and written once: a CLI that exits right after must not lose a pipe's tail.
  const code = await runPcs(argv, {
    cwd: process.cwd(),
    env: process.env,
    io: {
      out: (t) => void chunks.out.push(t),
      err: (t) => void chunks.err.push(t),
      outBytes: (b) => void chunks.out.push(b),
    },
  });
  if (chunks.err.length) process.stderr.write(chunks.err.join(''));
  if (chunks.out.length) {
    const data = Buffer.concat(chunks.out.map((c) => (typeof c === 'string' ? Buffer.from(c) : c)));
    await new Promise<void>((r) => process.stdout.write(data, () => r()));
  }
  return code;
}
