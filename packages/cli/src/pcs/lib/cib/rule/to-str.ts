// A rule element back to the rule text that would create it ("#uname eq node1 and date gt …").

import type { XmlElement } from '@hacluster/cib';
import { formatNameValueList, quoteIf } from '../../text.js';

const EXPORTED = new Set(['rule', 'expression', 'date_expression', 'op_expression', 'rsc_expression']);

export const ruleChildren = (el: XmlElement): XmlElement[] => el.elements().filter((c) => EXPORTED.has(c.name));

export function attributesWithoutId(el: XmlElement): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(el.attributes())) if (k !== 'id') out[k] = v;
  return out;
}

const attrsToStr = (el: XmlElement) => formatNameValueList(Object.entries(attributesWithoutId(el)).sort((a, b) => (a[0] < b[0] ? -1 : 1))).join(' ');

export function ruleToStr(el: XmlElement): string {
  switch (el.name) {
    case 'rule': {
      const op = el.get('boolean-op') ?? 'and';
      return ruleChildren(el)
        .map((c) => (c.name === 'rule' ? `(${ruleToStr(c)})` : ruleToStr(c)))
        .join(` ${op} `);
    }
    case 'expression': {
      const parts: string[] = [];
      if (el.has('value')) {
        parts.push(el.get('attribute') ?? '', el.get('operation') ?? '');
        if (el.has('type')) parts.push(el.get('type') ?? '');
        parts.push(quoteIf(el.get('value') ?? '', ' '));
      } else {
        parts.push(el.get('operation') ?? '', el.get('attribute') ?? '');
      }
      return parts.join(' ');
    }
    case 'date_expression': {
      const op = el.get('operation') ?? '';
      const dateSpec = el.first('date_spec');
      const duration = el.first('duration');
      const parts: string[] = [];
      if (op === 'date_spec') {
        parts.push('date-spec');
        if (dateSpec) parts.push(attrsToStr(dateSpec));
      } else if (op === 'in_range') {
        parts.push('date', 'in_range');
        if (el.has('start')) parts.push(el.get('start') ?? '');
        parts.push('to');
        if (el.has('end')) parts.push(el.get('end') ?? '');
        if (duration) parts.push('duration', attrsToStr(duration));
      } else {
        parts.push('date', op);
        if (el.has('start')) parts.push(el.get('start') ?? '');
        if (el.has('end')) parts.push(el.get('end') ?? '');
      }
      return parts.join(' ');
    }
    case 'op_expression': {
      const parts = ['op', el.get('name') ?? ''];
      if (el.has('interval')) parts.push(`interval=${el.get('interval')}`);
      return parts.join(' ');
    }
    case 'rsc_expression':
      return 'resource ' + ['class', 'provider', 'type'].map((a) => el.get(a) ?? '').join(':');
    default:
      return '';
  }
}
