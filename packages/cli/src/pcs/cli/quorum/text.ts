// `pcs quorum config`'s text, also the Quorum part of `pcs config`.

import type { QuorumConfig } from '../../lib/commands/quorum.js';
import { indent } from '../text.js';

const byName = ([a]: [string, string], [b]: [string, string]) => (a < b ? -1 : a > b ? 1 : 0);
const pairs = (o: Record<string, string>) => Object.entries(o).sort(byName).map(([n, v]) => `${n}: ${v}`);

export function quorumConfigLines(c: QuorumConfig): string[] {
  const lines = ['Options:', ...indent(pairs(c.options))];
  if (c.device) {
    lines.push('Device:', ...indent(pairs(c.device.generic_options)));
    lines.push(...indent([`Model: ${c.device.model}`, ...indent(pairs(c.device.model_options))]));
    const h = pairs(c.device.heuristics_options);
    if (h.length) lines.push(...indent(['Heuristics:', ...indent(h)]));
  }
  return lines;
}
