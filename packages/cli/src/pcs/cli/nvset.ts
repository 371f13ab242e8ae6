// Name-value sets and rules as pcs lists them ("Meta Attrs: id" and indented name=value lines).

import type { NvsetDto } from '../lib/cib/nvset-dto.js';
import type { RuleExpressionDto } from '../lib/cib/rule/dto.js';
import { formatNameValueList } from '../lib/text.js';
import { indent } from './text.js';

const inEffectLabel = (r: RuleExpressionDto): string | undefined =>
  r.in_effect === 'EXPIRED' ? 'expired' : r.in_effect === 'NOT_YET_IN_EFFECT' ? 'not yet in effect' : undefined;

const sortedEntries = (o: Record<string, string>) => Object.entries(o).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));

export function ruleToLines(r: RuleExpressionDto, withIds = false): string[] {
  if (r.type === 'RULE') {
    const label = inEffectLabel(r);
    const head = [`Rule${label ? ` (${label})` : ''}:`, ...formatNameValueList(sortedEntries(r.options))];
    if (withIds) head.push(`(id:${r.id})`);
    return [head.join(' '), ...indent(r.expressions.flatMap((e) => ruleToLines(e, withIds)))];
  }
  if (r.type === 'DATE_EXPRESSION') {
    const op = r.options['operation'];
    if (op === 'date_spec') {
      const head = ['Expression:'];
      if (withIds) head.push(`(id:${r.id})`);
      const line = ['Date Spec:'];
      if (r.date_spec) {
        line.push(...formatNameValueList(sortedEntries(r.date_spec.options)));
        if (withIds) line.push(`(id:${r.date_spec.id})`);
      }
      return [head.join(' '), ...indent([line.join(' ')])];
    }
    if (op === 'in_range' && r.duration) {
      const head = ['Expression:', 'date', 'in_range'];
      if (r.options['start'] !== undefined) head.push(r.options['start']);
      head.push('to', 'duration');
      if (withIds) head.push(`(id:${r.id})`);
      const line = ['Duration:', ...formatNameValueList(sortedEntries(r.duration.options))];
      if (withIds) line.push(`(id:${r.duration.id})`);
      return [head.join(' '), ...indent([line.join(' ')])];
    }
  }
  const parts = ['Expression:', r.as_string];
  if (withIds) parts.push(`(id:${r.id})`);
  return [parts.join(' ')];
}

export function nvsetToLines(nvset: NvsetDto, label = 'Options Set', withIds = false): string[] {
  const effect = nvset.rule ? inEffectLabel(nvset.rule) : undefined;
  const head = [`${label}${effect ? ` (${effect})` : ''}:${nvset.id ? ` ${nvset.id}` : ''}`];
  const opts = sortedEntries(nvset.options);
  if (opts.length) head.push(formatNameValueList(opts).join(' '));
  const lines = formatNameValueList(nvset.nvpairs.map((p) => [p.name, p.value] as [string, string]).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0)));
  if (nvset.rule) lines.push(...ruleToLines(nvset.rule, withIds));
  return [head.join(' '), ...indent(lines)];
}
