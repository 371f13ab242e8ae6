// `constraint location config [resources|nodes [ID…]] [--full] [--all]`, in pcs's layout.

import type { LocationConstraintView } from '../../lib/commands/constraint/location.js';
import type { RuleExpressionDto } from '../../lib/cib/rule/dto.js';

type RscKey = string; // `${type}\u0000${value}`
const rscKey = (c: LocationConstraintView): RscKey => `${c.rscType}\u0000${c.rscValue}`;
const rscLabel = (c: LocationConstraintView) => (c.rscType === 'regexp' ? `Resource pattern: ${c.rscValue}` : `Resource: ${c.rscValue}`);
const rscOrder = (a: LocationConstraintView, b: LocationConstraintView) => {
  const ta = a.rscType === 'regexp' ? 0 : 1;
  const tb = b.rscType === 'regexp' ? 0 : 1;
  return ta - tb || (a.rscValue < b.rscValue ? -1 : a.rscValue > b.rscValue ? 1 : 0);
};

const primaryRole = (v: string) => {
  const c = v ? v.charAt(0).toUpperCase() + v.slice(1).toLowerCase() : v;
  return c === 'Master' ? 'Promoted' : c === 'Slave' ? 'Unpromoted' : c;
};

function attrsList(options: Record<string, string>, id: string | undefined, detail: boolean): string[] {
  const out = Object.entries(options)
    .sort((a, b) => (a[0] < b[0] ? -1 : 1))
    .map(([k, v]) => `${k}=${k === 'role' ? primaryRole(v) : v}`);
  if (detail) out.push(`(id:${id ?? ''})`);
  return out;
}

/** pcs's older detailed rule listing (attributes sorted, no quoting). */
export function legacyRuleLines(r: RuleExpressionDto, detail: boolean, expired = false): string[] {
  const lines = [`Rule${expired ? ' (expired)' : ''}: ${attrsList(r.options, r.id, detail).join(' ')}`];
  for (const c of r.expressions) {
    if (c.type === 'RULE') lines.push(...legacyRuleLines(c, detail).map((l) => '  ' + l));
    else if (c.type === 'EXPRESSION') {
      const o = c.options;
      const parts = 'value' in o ? [o['attribute'] ?? '', o['operation'] ?? '', ...('type' in o ? [o['type']!] : []), o['value'] ?? ''] : [o['operation'] ?? '', o['attribute'] ?? ''];
      if (detail) parts.push(`(id:${c.id})`);
      lines.push(`  Expression: ${parts.join(' ')}`);
    } else if (c.type === 'DATE_EXPRESSION') {
      const o = c.options;
      if (o['operation'] === 'date_spec') {
        lines.push(`  ${['Expression:', ...(detail ? [`(id:${c.id})`] : [])].join(' ')}`);
        lines.push(`    Date Spec: ${c.date_spec ? attrsList(c.date_spec.options, c.date_spec.id, detail).join(' ') : ''}`);
      } else if (o['operation'] === 'in_range') {
        const parts = ['date', 'in_range'];
        if ('start' in o) parts.push(o['start']!, 'to');
        if ('end' in o) parts.push(o['end']!);
        if (c.duration) parts.push('duration');
        if (detail) parts.push(`(id:${c.id})`);
        lines.push(`  Expression: ${parts.join(' ')}`);
        if (c.duration) lines.push(`    Duration: ${attrsList(c.duration.options, c.duration.id, detail).join(' ')}`);
      } else {
        const parts = ['date', o['operation'] ?? ''];
        if ('start' in o) parts.push(o['start']!);
        if ('end' in o) parts.push(o['end']!);
        if (detail) parts.push(`(id:${c.id})`);
        lines.push(`  Expression: ${parts.join(' ')}`);
      }
    }
  }
  return lines;
}

function isPositive(score: string): boolean {
  if (score === 'INFINITY') return true;
  if (score === '-INFINITY') return false;
  return Number.parseInt(score || '0', 10) >= 0;
}

function scoreLines(
  list: readonly LocationConstraintView[],
  labelPositive: string,
  labelNegative: string,
  show: (c: LocationConstraintView) => string,
  detail: boolean,
): string[] {
  const out: string[] = [];
  for (const [positive, label] of [
    [true, labelPositive],
    [false, labelNegative],
  ] as const) {
    const lines: string[] = [];
    for (const c of list.filter((x) => isPositive(x.score || '0') === positive)) {
      const what = show(c);
      if (!what) continue;
      const parts = [`      ${what}`, `(score:${c.score || '0'})`];
      if (c.role) parts.push(`(role:${primaryRole(c.role)})`);
      if (c.resourceDiscovery) parts.push(`(resource-discovery=${c.resourceDiscovery})`);
      if (detail) parts.push(`(id:${c.id})`);
      lines.push(parts.join(' '));
    }
    if (lines.length) out.push(label, ...lines);
  }
  return out;
}

function ruleBlocks(list: readonly LocationConstraintView[], detail: boolean): string[] {
  const out: string[] = [];
  const withRules = list.filter((c) => c.rules.length).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const c of withRules) {
    out.push(`    Constraint: ${c.id}${c.resourceDiscovery ? ` (resource-discovery=${c.resourceDiscovery})` : ''}`);
    for (const r of c.rules) out.push(...legacyRuleLines(r, detail).map((l) => '      ' + l));
  }
  return out;
}

export function locationLines(all: readonly LocationConstraintView[], opts: { detail: boolean; byNode: boolean; filter: string[] }): string[] {
  const out = ['Location Constraints:'];
  if (opts.byNode) {
    const nodes = [...new Set(all.map((c) => c.node))].sort();
    for (const node of nodes) {
      if (opts.filter.length && !opts.filter.includes(node)) continue;
      out.push(`  Node: ${node}`);
      out.push(...scoreLines(all.filter((c) => c.node === node), '    Allowed to run:', '    Not allowed to run:', rscLabel, opts.detail));
    }
    const keys = [...new Map(all.filter((c) => c.rules.length).sort(rscOrder).map((c) => [rscKey(c), c])).values()];
    for (const k of keys) {
      out.push(`  ${rscLabel(k)}`);
      out.push(...ruleBlocks(all.filter((c) => rscKey(c) === rscKey(k)), opts.detail));
    }
    return out;
  }
  const resources = [...new Map([...all].sort(rscOrder).map((c) => [rscKey(c), c])).values()];
  for (const r of resources) {
    if (opts.filter.length && !opts.filter.includes(rscKey(r))) continue;
    const mine = all.filter((c) => rscKey(c) === rscKey(r));
    const lines = [
      `  ${rscLabel(r)}`,
      ...scoreLines(mine, '    Enabled on:', '    Disabled on:', (c) => (c.node ? `Node: ${c.node}` : ''), opts.detail),
      ...ruleBlocks(mine, opts.detail),
    ];
    if (lines.length > 1) out.push(...lines);
  }
  return out;
}

export const locationFilterKey = (type: 'resource' | 'regexp', value: string) => `${type}\u0000${value}`;
