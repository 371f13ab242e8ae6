// Regenerates test/guide-scenario/ (UPDATE_GUIDE_SCENARIO=1 npx vitest run test/guide-scenario.test.ts):
// the inputs, made with our pcs and crm_attribute and, for the cluster's state after a transition,
// Debian's crm_simulate 2.1.5 executing it; then Debian's output and graph for every situation,
// and the README saying which commands made them and when.

import { spawnSync } from 'node:child_process';
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_CIB_URL } from '@hacluster/cli';
import {
  buildGuideStack,
  debianCrmSimulate,
  editWithPcs,
  FIXTURES,
  injectionArgs,
  INPUTS,
  ourCrmAttribute,
  SITUATIONS,
  DEBIAN_CRM_SIMULATE,
} from './guide-scenario.js';

export async function regenerateFixtures(): Promise<void> {
  const log: string[] = [];
  for (const [name, recipe] of Object.entries(INPUTS)) {
    const file = join(FIXTURES, name);
    switch (recipe.kind) {
      case 'guide':
        writeFileSync(file, await buildGuideStack());
        // the demo's embedded cluster is this same CIB
        copyFileSync(file, DEMO_CIB_URL);
        log.push(`${name}: the guide's chapter 11 (pcs 0.11 syntax, test/support/guide-chapter11.ts) run with our pcs -f on a two-node cluster's CIB (also packages/cli/assets/guide-cluster.xml, the demo's cluster)`);
        break;
      case 'simulated':
        log.push(`${name}: \`${debianCrmSimulate(['-x', recipe.from, '-S', '-O', name]).command}\``);
        for (const args of recipe.attributes) {
          ourCrmAttribute(file, args);
          log.push(`${name}: then our \`CIB_file=${name} crm_attribute ${args.join(' ')}\``);
        }
        break;
      case 'pcs':
        writeFileSync(file, await editWithPcs(recipe.from, recipe.commands));
        log.push(`${name}: ${recipe.from} edited with our ${recipe.commands.map((c) => `\`pcs -f ${name} ${c.join(' ')}\``).join(', ')}`);
        break;
    }
  }
  const expectations: string[] = [];
  for (const s of SITUATIONS) {
    const { command, stdout } = debianCrmSimulate(['-x', s.input, '-S', ...injectionArgs(s.injections), '-G', `${s.name}.exp`]);
    writeFileSync(join(FIXTURES, `${s.name}.out`), stdout);
    expectations.push(`${s.name}.out, ${s.name}.exp (${s.title}): \`${command}\``);
  }
  const version = spawnSync(DEBIAN_CRM_SIMULATE, ['--version'], { encoding: 'utf8' }).stdout.split('\n')[0];
  writeFileSync(join(FIXTURES, 'README.md'), readme(new Date().toISOString().slice(0, 10), version ?? '', log, expectations));
}

function readme(date: string, version: string, inputs: string[], expectations: string[]): string {
  return `# The guide scenario's fixtures

What Debian's crm_simulate (${version}, \`${DEBIAN_CRM_SIMULATE}\`) decided for the guide's full
stack on two nodes, used by test/guide-scenario.test.ts as the expected results of our scheduler.
Made on ${date} by \`UPDATE_GUIDE_SCENARIO=1 npx vitest run test/guide-scenario.test.ts\` (after
\`pnpm build\`, which our crm_attribute needs), every command run in this folder.

The configuration is the one our pcs writes, which names the fencing option \`stonith-enabled\` as
2.1.5 reads it, so no input needed renaming (see ../shared/notes/scheduler.md §e).

## Inputs (the files given to \`crm_simulate -x\`)

${inputs.map((l) => `- ${l}`).join('\n')}

## Expectations (Debian's output, and its transition graph from -G)

${expectations.map((l) => `- ${l}`).join('\n')}
`;
}
