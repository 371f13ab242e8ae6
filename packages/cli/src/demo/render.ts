// The demo's story as text: each page's event, the Transition Summary as crm_simulate lists it,
// what to notice, and the cluster's status where the story goes on from it.

import type { Page } from './story.js';

export function renderPages(pages: Page[]): string {
  const out: string[] = [];
  pages.forEach((p, i) => {
    out.push(`${i + 1}. ${p.title}: ${p.event}`);
    if (!p.plan.ok) {
      out.push(p.plan.by === 'pcs' ? `   pcs refused: ${p.plan.reason}` : `   The scheduler cannot plan this yet: ${p.plan.reason}`, '');
      return;
    }
    if (p.plan.summary.length === 0) out.push('   Nothing to do.');
    else out.push('   Transition Summary:', ...p.plan.summary.map((l) => `     * ${l}`));
    for (const h of p.plan.highlights) out.push(`   → ${h}`);
    if (p.plan.stillStopped.length > 0) out.push(`   → still stopped afterwards: ${p.plan.stillStopped.join(', ')}`);
    if (p.status) out.push('', '   The cluster now:', ...p.status.trimEnd().split('\n').map((l) => `   ${l}`));
    out.push('');
  });
  return out.join('\n');
}
