// Rule evaluation for the scheduler: rules are read once per element (cached) and evaluated with
// @hacluster/cib's evaluator, which follows Pacemaker's typed comparisons and date expressions.

import { evaluateRule, readRule, type Rule, type RuleContext, type XmlElement } from '@hacluster/cib';

const cache = new WeakMap<XmlElement, Rule>();

export function ruleOf(el: XmlElement, ids: ReadonlyMap<string, XmlElement>): Rule {
  let rule = cache.get(el);
  if (rule === undefined) {
    rule = readRule(el, ids);
    cache.set(el, rule);
  }
  return rule;
}

/** A set of <rule> children passes when any rule passes; no rules pass by default. */
export function rulesPass(parent: XmlElement, ctx: RuleContext, ids: ReadonlyMap<string, XmlElement>): boolean {
  let any = false;
  for (const c of parent.children) {
    if (c.kind !== 'element' || c.name !== 'rule') continue;
    any = true;
    if (evaluateRule(ruleOf(c, ids), ctx)) return true;
  }
  return !any;
}

export function rulePasses(rule: XmlElement, ctx: RuleContext, ids: ReadonlyMap<string, XmlElement>): boolean {
  return evaluateRule(ruleOf(rule, ids), ctx);
}
