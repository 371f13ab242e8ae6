// `pnpm demo`: the guide's two-node KVM cluster (DRBD dual-primary, DLM, clvmd, GFS2, libvirtd
// and a VirtualDomain guest), shipped with the repository as chapter 11 leaves it: what it is
// made of, then what the scheduler decides from its first start on (see story.ts).

import { readFileSync } from 'node:fs';
import { Cib } from '@hacluster/cib';
import { describeCluster } from './describe.js';
import { renderPages } from './render.js';
import { statusOf, tellStory } from './story.js';

export { describeCluster } from './describe.js';

export const DEMO_CIB_URL = new URL('../../assets/guide-cluster.xml', import.meta.url);

export async function demo(cib: Cib): Promise<string> {
  return `${describeCluster(cib)}\nStatus (as crm_mon shows it):\n${statusOf(cib)}\n${renderPages(await tellStory(cib))}`;
}

export async function main(): Promise<number> {
  const cib = Cib.parse(readFileSync(DEMO_CIB_URL, 'utf8'), 'guide-cluster.xml');
  process.stdout.write(`The guide's two-node cluster, as its chapter 11 configures it (${DEMO_CIB_URL.pathname})\n\n`);
  process.stdout.write(await demo(cib));
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = await main();
