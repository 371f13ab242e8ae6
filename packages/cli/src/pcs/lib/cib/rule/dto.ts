// Rules as plain data (pcs's CibRuleExpressionDto).

import type { XmlElement } from '@hacluster/cib';
import { attributesWithoutId, ruleChildren, ruleToStr } from './to-str.js';

export interface RuleDateCommonDto {
  id: string;
  options: Record<string, string>;
}

export interface RuleExpressionDto {
  id: string;
  type: 'RULE' | 'EXPRESSION' | 'DATE_EXPRESSION' | 'OP_EXPRESSION' | 'RSC_EXPRESSION';
  in_effect: 'UNKNOWN' | 'IN_EFFECT' | 'EXPIRED' | 'NOT_YET_IN_EFFECT';
  options: Record<string, string>;
  date_spec: RuleDateCommonDto | null;
  duration: RuleDateCommonDto | null;
  expressions: RuleExpressionDto[];
  as_string: string;
}

const TYPES: Record<string, RuleExpressionDto['type']> = {
  rule: 'RULE',
  expression: 'EXPRESSION',
  date_expression: 'DATE_EXPRESSION',
  op_expression: 'OP_EXPRESSION',
  rsc_expression: 'RSC_EXPRESSION',
};

const dateCommon = (el: XmlElement | undefined): RuleDateCommonDto | null => (el ? { id: el.get('id') ?? '', options: attributesWithoutId(el) } : null);

export function ruleToDto(el: XmlElement): RuleExpressionDto {
  return {
    id: el.get('id') ?? '',
    type: TYPES[el.name] ?? 'EXPRESSION',
    in_effect: 'UNKNOWN',
    options: attributesWithoutId(el),
    date_spec: el.name === 'date_expression' ? dateCommon(el.first('date_spec')) : null,
    duration: el.name === 'date_expression' ? dateCommon(el.first('duration')) : null,
    expressions: el.name === 'rule' ? ruleChildren(el).map(ruleToDto) : [],
    as_string: ruleToStr(el),
  };
}
