// Rule evaluation for the scheduler: rules are read once per element (cached) and evaluated with
// @hacluster/cib's evaluator, which follows Pacemaker's typed comparisons and date expressions.

import { evaluateRule, readRule, type Rule, type RuleContext, type XmlElement } from '@hacluster/cib';
import type { WorkingSet } from '../model/types.js';

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

/**
 * The context for rules evaluated at the cluster's "now" whose results decide the transition
 * (constraints, options, attributes): date expressions record when they will change, and the
 * graph asks to be recomputed by then (recheck-by).
 */
export function ruleTime(ws: WorkingSet): RuleContext {
  return { now: { epoch: ws.now, offset: ws.nowOffset }, nextChange: ws.ruleChange };
}

/** When the scheduler must run again at the latest (0: no particular time). */
export function recheckTime(ws: WorkingSet): number {
  const next = ws.ruleChange.epoch;
  if (next === undefined || next <= ws.now || (ws.recheckBy > 0 && ws.recheckBy <= next)) return ws.recheckBy;
  return next;
}
