// Reads rules from the XML tree. id-refs (a <rule id-ref="..."/> pointing at a rule defined
// elsewhere) are followed through the document's id index.

import type { IdIndex } from '../ids.js';
import type { XmlElement } from '../xml/tree.js';
import type { DateSpec, DurationSpec, Rule, RuleCondition } from './model.js';

const DATE_SPEC_FIELDS = [
  'years',
  'months',
  'monthdays',
  'hours',
  'minutes',
  'seconds',
  'weekdays',
  'yeardays',
  'weeks',
  'weekyears',
  'moon',
] as const;

const DURATION_FIELDS = ['years', 'months', 'weeks', 'days', 'hours', 'minutes', 'seconds'] as const;

function readFields<K extends string>(el: XmlElement, fields: readonly K[]): Partial<Record<K, string>> {
  const out: Partial<Record<K, string>> = {};
  for (const f of fields) {
    const v = el.get(f);
    if (v !== undefined) out[f] = v;
  }
  return out;
}

/** Follows an id-ref to the element it names, when that element has the same tag. */
export function dereference(el: XmlElement, ids: IdIndex | undefined): XmlElement {
  const ref = el.get('id-ref');
  if (ref === undefined || !ids) return el;
  const target = ids.get(ref);
  return target && target.name === el.name ? target : el;
}

export function readRule(ruleEl: XmlElement, ids?: IdIndex): Rule {
  const el = dereference(ruleEl, ids);
  const conditions: RuleCondition[] = [];
  for (const c of el.children) {
    if (c.kind !== 'element') continue;
    switch (c.name) {
      case 'expression': {
        const src = c.get('value-source');
        conditions.push({
          kind: 'expression',
          id: c.get('id'),
          attribute: c.get('attribute') ?? '',
          operation: c.get('operation') ?? '',
          value: c.get('value'),
          type: c.get('type'),
          valueSource: src === 'param' || src === 'meta' ? src : 'literal',
        });
        break;
      }
      case 'date_expression': {
        const specEl = c.first('date_spec');
        const durEl = c.first('duration');
        conditions.push({
          kind: 'date',
          id: c.get('id'),
          operation: c.get('operation') ?? 'in_range',
          start: c.get('start'),
          end: c.get('end'),
          spec: specEl ? ({ id: specEl.get('id'), ...readFields(specEl, DATE_SPEC_FIELDS) } as DateSpec) : undefined,
          duration: durEl ? ({ id: durEl.get('id'), ...readFields(durEl, DURATION_FIELDS) } as DurationSpec) : undefined,
        });
        break;
      }
      case 'rsc_expression':
        conditions.push({
          kind: 'rsc',
          id: c.get('id'),
          class: c.get('class'),
          provider: c.get('provider'),
          type: c.get('type'),
        });
        break;
      case 'op_expression':
        conditions.push({ kind: 'op', id: c.get('id'), name: c.get('name') ?? '', interval: c.get('interval') });
        break;
      case 'rule':
        conditions.push({ kind: 'rule', rule: readRule(c, ids) });
        break;
    }
  }
  const op = el.get('boolean-op');
  return {
    id: el.get('id'),
    score: el.get('score'),
    scoreAttribute: el.get('score-attribute'),
    booleanOp: op !== undefined && op.toLowerCase() === 'or' ? 'or' : 'and',
    role: el.get('role'),
    conditions,
  };
}
