// `pcs resource failcount [show] [RESOURCE] [node=NODE] [operation=OP [interval=INTERVAL]] [--full]`

import { failcounts, type Failure, type FailureFilter } from '../../lib/commands/resource/failcount.js';
import type { Cli } from '../context.js';
import { prepareOptionsAllowed } from '../parse-args.js';
import { router } from '../router.js';

function headline(empty: boolean, f: FailureFilter): string {
  const parts = [empty ? 'No failcounts' : 'Failcounts'];
  if (f.operation) {
    parts.push(`for operation '${f.operation}'`);
    if (f.interval) parts.push(`with interval '${f.interval}'`);
  }
  if (f.resource) parts.push(f.operation ? 'of' : 'for', `resource '${f.resource}'`);
  if (f.node) parts.push(`on node '${f.node}'`);
  return parts.join(' ');
}

/** Counts add up; INFINITY absorbs everything. */
function total(list: readonly Failure[]): number | 'INFINITY' {
  let sum: number | 'INFINITY' = 0;
  for (const f of list) {
    if (sum === 'INFINITY') break;
    sum = f.failCount === 'INFINITY' ? 'INFINITY' : sum + f.failCount;
  }
  return sum;
}

const sortedSet = (xs: string[]) => [...new Set(xs)].sort();

async function show(cli: Cli, argv: string[]): Promise<void> {
  cli.mods.ensureOnlySupported(['-f', '--full']);
  const resource = argv.length && !argv[0]!.includes('=') ? argv.shift() : undefined;
  const options = prepareOptionsAllowed(argv, ['node', 'operation', 'interval']);
  const filter: FailureFilter = { resource, node: options.get('node'), operation: options.get('operation'), interval: options.get('interval') };
  const found = failcounts(cli.env, filter);
  if (!found.length) {
    cli.print(headline(true, filter));
    return;
  }
  const lines: string[] = [];
  for (const r of sortedSet(found.map((f) => f.resource))) {
    lines.push(headline(false, { ...filter, resource: r }));
    const ofResource = found.filter((f) => f.resource === r);
    for (const node of sortedSet(ofResource.map((f) => f.node))) {
      const ofNode = ofResource.filter((f) => f.node === node);
      if (!cli.mods.is('--full')) {
        lines.push(`  ${node}: ${total(ofNode)}`);
        continue;
      }
      lines.push(`  ${node}:`);
      for (const op of sortedSet(ofNode.map((f) => f.operation))) {
        const ofOp = ofNode.filter((f) => f.operation === op);
        const intervals = [...new Set(ofOp.map((f) => f.interval))].sort((a, b) => (a === 'INFINITY' ? 1e6 : Number(a)) - (b === 'INFINITY' ? 1e6 : Number(b)));
        for (const i of intervals) lines.push(`    ${op} ${i}ms: ${total(ofOp.filter((f) => f.interval === i))}`);
      }
    }
  }
  cli.print(lines.join('\n'));
}

export const failcountRouter = router({ show }, ['resource', 'failcount'], 'show');
