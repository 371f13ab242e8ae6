// Name-value sets as plain data (pcs's CibNvsetDto): nvpairs sorted by id.

import type { XmlElement } from '@hacluster/cib';
import { ruleToDto, type RuleExpressionDto } from './rule/dto.js';
import { attributesWithoutId } from './rule/to-str.js';

export interface NvpairDto {
  id: string;
  name: string;
  value: string;
}

export interface NvsetDto {
  id: string;
  options: Record<string, string>;
  rule: RuleExpressionDto | null;
  nvpairs: NvpairDto[];
}

export function nvsetToDto(el: XmlElement): NvsetDto {
  const rule = el.first('rule');
  return {
    id: el.get('id') ?? '',
    options: attributesWithoutId(el),
    rule: rule ? ruleToDto(rule) : null,
    nvpairs: el
      .elements('nvpair')
      .map((p) => ({ id: p.get('id') ?? '', name: p.get('name') ?? '', value: p.get('value') ?? '' }))
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
  };
}
