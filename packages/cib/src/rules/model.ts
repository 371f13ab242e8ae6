// Rules as they are written in the CIB: <rule> with expression, date_expression, rsc_expression,
// op_expression and nested rules.

export type ExpressionOperation = 'lt' | 'gt' | 'lte' | 'gte' | 'eq' | 'ne' | 'defined' | 'not_defined';
export type ExpressionType = 'string' | 'integer' | 'number' | 'version';

export interface AttributeExpression {
  kind: 'expression';
  id: string | undefined;
  attribute: string;
  operation: ExpressionOperation | string;
  value: string | undefined;
  /** As written; when absent the type follows from the operation and values. */
  type: ExpressionType | string | undefined;
  /** Where the value comes from: the literal, or a resource parameter or meta attribute of that name. */
  valueSource: 'literal' | 'param' | 'meta';
}

/** A date_spec: each field a single number or a range "a-b" (either end may be open). */
export interface DateSpec {
  id: string | undefined;
  years?: string;
  months?: string;
  monthdays?: string;
  hours?: string;
  minutes?: string;
  seconds?: string;
  weekdays?: string;
  yeardays?: string;
  weeks?: string;
  weekyears?: string;
  moon?: string;
}

export interface DurationSpec {
  id: string | undefined;
  years?: string;
  months?: string;
  weeks?: string;
  days?: string;
  hours?: string;
  minutes?: string;
  seconds?: string;
}

export interface DateExpression {
  kind: 'date';
  id: string | undefined;
  operation: 'in_range' | 'gt' | 'lt' | 'date_spec' | string;
  start: string | undefined;
  end: string | undefined;
  duration: DurationSpec | undefined;
  spec: DateSpec | undefined;
}

export interface ResourceExpression {
  kind: 'rsc';
  id: string | undefined;
  class: string | undefined;
  provider: string | undefined;
  type: string | undefined;
}

export interface OperationExpression {
  kind: 'op';
  id: string | undefined;
  name: string;
  /** Interval as written (e.g. "10s"); undefined matches any interval. */
  interval: string | undefined;
}

export interface NestedRule {
  kind: 'rule';
  rule: Rule;
}

export type RuleCondition = AttributeExpression | DateExpression | ResourceExpression | OperationExpression | NestedRule;

export interface Rule {
  id: string | undefined;
  score: string | undefined;
  scoreAttribute: string | undefined;
  booleanOp: 'and' | 'or';
  /** Deprecated role restriction on location rules. */
  role: string | undefined;
  conditions: RuleCondition[];
}
