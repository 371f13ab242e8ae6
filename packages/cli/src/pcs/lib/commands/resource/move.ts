// move-with-constraint / ban / clear, as crm_resource --move/--ban/--clear write them:
// cli-prefer-RSC and cli-ban-RSC-on-NODE location constraints, with a dated rule when a
// lifetime is given.

import { XmlElement, addDuration, formatUtc, parseIsoDuration, type Cib } from '@hacluster/cib';
import { constraintsOf, constraintsSection } from '../../cib/constraint/common.js';
import { findResourceElement, primitivesOf, isAnyClone, isBundle, isPromotableClone, isStonith, notFoundReport } from '../../cib/resource/common.js';
import { append, remove } from '../../cib/tools.js';
import type { LibraryEnvironment } from '../../env.js';
import { deprecation, error, info, LibraryError, warning, type ReportItem } from '../../reports/item.js';

/** Nodes where the status section says the resource (or an instance of it) runs (or is promoted). */
export function runningOn(cib: Cib, resourceId: string, promotedOnly = false): string[] {
  const status = cib.scope('status');
  if (!status) return [];
  const out: string[] = [];
  for (const ns of status.elements('node_state')) {
    for (const lrm of ns.elements('lrm')) {
      for (const r of lrm.elements('lrm_resources').flatMap((x) => x.elements('lrm_resource'))) {
        const id = r.get('id') ?? '';
        if (id !== resourceId && id.split(':')[0] !== resourceId) continue;
        const ops = r.elements('lrm_rsc_op').sort((a, b) => Number(a.get('call-id') ?? 0) - Number(b.get('call-id') ?? 0));
        const last = ops.filter((o) => (o.get('operation') ?? '') !== 'monitor' || o.get('rc-code') === '0' || o.get('rc-code') === '8').pop();
        const promoted = last && ((last.get('operation') === 'promote' && last.get('rc-code') === '0') || (last.get('operation') === 'monitor' && last.get('rc-code') === '8'));
        if (promotedOnly && !promoted) continue;
        if (last && ['start', 'promote', 'migrate_from', 'monitor'].includes(last.get('operation') ?? '') && ['0', '8'].includes(last.get('rc-code') ?? '')) {
          const uname = ns.get('uname') ?? ns.get('id') ?? '';
          if (!out.includes(uname)) out.push(uname);
        }
      }
    }
  }
  return out;
}

/** Nodes a resource is active (or promoted) on: where any of its primitives is. */
function activeNodes(cib: Cib, el: XmlElement, promotedOnly = false): string[] {
  const nodes = new Set<string>();
  for (const p of primitivesOf(el)) for (const n of runningOn(cib, p.get('id') ?? '', promotedOnly)) nodes.add(n);
  return [...nodes];
}

/** The end of a lifetime given as an ISO 8601 duration (PT1H) from now, as crm_resource writes it. */
function lifetimeEnd(lifetime: string, now: Date): string {
  const d = parseIsoDuration(lifetime);
  if (!d) throw new LibraryError(error({ code: 'INVALID_OPTION_VALUE', optionName: 'lifetime', optionValue: lifetime, allowedValues: 'an ISO 8601 duration (PT1H, P1D, …)' }));
  return formatUtc(addDuration({ epoch: Math.floor(now.getTime() / 1000), offset: 0 }, d));
}

function analyse(cib: Cib, el: XmlElement) {
  let clone: XmlElement | undefined;
  for (let p = el.parent; p && p.name !== 'resources'; p = p.parent) if (isAnyClone(p)) clone = p;
  return {
    isBundle: isBundle(el),
    isClone: isAnyClone(el),
    inClone: !!clone,
    promotable: isAnyClone(el) && isPromotableClone(el),
    inPromotable: !!clone && isPromotableClone(clone),
    promotableId: isAnyClone(el) ? el.get('id') : clone?.get('id'),
  };
}

interface ConstraintSpec {
  id: string;
  resource: string;
  node: string;
  score: 'INFINITY' | '-INFINITY';
  promoted: boolean;
  end?: string | undefined;
  ruleIds: [rule: string, expr: string, date: string];
}

function writeConstraint(cib: Cib, s: ConstraintSpec): void {
  for (const c of constraintsOf(cib, 'rsc_location')) if (c.get('id') === s.id) remove(c);
  const role = s.promoted ? 'Promoted' : 'Started';
  if (s.end === undefined) {
    append(constraintsSection(cib), XmlElement.create('rsc_location', { id: s.id, rsc: s.resource, role, node: s.node, score: s.score }));
    return;
  }
  const loc = append(constraintsSection(cib), XmlElement.create('rsc_location', { id: s.id, rsc: s.resource, role }));
  const rule = append(loc, XmlElement.create('rule', { id: s.ruleIds[0], score: s.score, 'boolean-op': 'and' }));
  append(rule, XmlElement.create('expression', { id: s.ruleIds[1], attribute: '#uname', operation: 'eq', value: s.node, type: 'string' }));
  append(rule, XmlElement.create('date_expression', { id: s.ruleIds[2], operation: 'lt', end: s.end }));
}

export interface MoveBanRequest {
  resource: string;
  node?: string | undefined;
  promoted: boolean;
  lifetime?: string | undefined;
  now?: Date;
}

function findForMoveBan(env: LibraryEnvironment, cib: Cib, id: string): XmlElement {
  const el = findResourceElement(cib, id);
  if (!el) throw new LibraryError(notFoundReport(cib, id, ['bundle', 'clone', 'group', 'master', 'primitive']));
  if (isStonith(el)) env.reports.report(deprecation({ code: 'STONITH_RESOURCE_IN_RESOURCE_COMMAND', id, replacement: 'pcs stonith' }));
  return el;
}

export function banResource(env: LibraryEnvironment, req: MoveBanRequest): void {
  const cib = env.getCib('resource ban');
  const el = findForMoveBan(env, cib, req.resource);
  const a = analyse(cib, el);
  if (req.promoted && !a.promotable) throw new LibraryError(error({ code: 'RESOURCE_PROMOTED_NEEDS_PROMOTABLE', id: req.resource }));
  const nodes = req.node ? [req.node] : activeNodes(cib, el);
  if (nodes.length === 0) throw new LibraryError(error({ code: 'RESOURCE_BAN_NEEDS_NODE' }));
  const end = req.lifetime ? lifetimeEnd(req.lifetime, req.now ?? new Date()) : undefined;
  for (const node of nodes) {
    const id = `cli-ban-${req.resource}-on-${node}`;
    writeConstraint(cib, { id, resource: req.resource, node, score: '-INFINITY', promoted: req.promoted, end, ruleIds: [`${id}-rule`, `${id}-expr`, `${id}-lifetime`] });
    env.reports.report(warning({ code: 'RESOURCE_BAN_CONSTRAINT_CREATED', constraintId: id, resource: req.resource, node, promoted: req.promoted }));
  }
  if (end) env.reports.report(info({ code: 'CONSTRAINT_LIFETIME', end }));
  env.pushCib(cib);
}

export function moveWithConstraint(env: LibraryEnvironment, req: MoveBanRequest): void {
  const cib = env.getCib('resource move-with-constraint');
  const el = findForMoveBan(env, cib, req.resource);
  const a = analyse(cib, el);
  const problems: ReportItem[] = [];
  if (a.isBundle) problems.push(error({ code: 'CANNOT_MOVE_RESOURCE', id: req.resource, reason: 'bundle' }));
  else if ((a.isClone || a.inClone) && !(a.promotable || a.inPromotable)) problems.push(error({ code: 'CANNOT_MOVE_RESOURCE', id: req.resource, reason: 'clone' }));
  else if (!req.promoted && a.inPromotable) problems.push(error({ code: 'CANNOT_MOVE_RESOURCE', id: req.resource, reason: 'promotable-inner', promotableId: a.promotableId }));
  else if (req.promoted && !a.promotable) problems.push(error({ code: 'RESOURCE_PROMOTED_NEEDS_PROMOTABLE', id: req.resource }));
  env.reports.reportList(problems).throwOnErrors();
  const end = req.lifetime ? lifetimeEnd(req.lifetime, req.now ?? new Date()) : undefined;
  if (!req.node) {
    // As crm_resource --move without a node: away from the one node it runs (or is promoted) on.
    const nodes = activeNodes(cib, el, req.promoted);
    if (nodes.length === 0) throw new LibraryError(error({ code: 'RESOURCE_BAN_NEEDS_NODE' }));
    if (nodes.length > 1) throw new LibraryError(error({ code: 'RESOURCE_MOVE_ACTIVE_ON_SEVERAL_NODES', id: req.resource, nodes }));
    const node = nodes[0]!;
    const id = `cli-ban-${req.resource}-on-${node}`;
    writeConstraint(cib, { id, resource: req.resource, node, score: '-INFINITY', promoted: req.promoted, end, ruleIds: [`${id}-rule`, `${id}-expr`, `${id}-lifetime`] });
    env.reports.report(warning({ code: 'RESOURCE_BAN_CONSTRAINT_CREATED', constraintId: id, resource: req.resource, node, promoted: req.promoted }));
    if (end) env.reports.report(info({ code: 'CONSTRAINT_LIFETIME', end }));
    env.pushCib(cib);
    return;
  }
  // As crm_resource: earlier moves go, and so does a ban from the target node.
  clearConstraints(cib, req.resource, allNodes(cib), { bans: false }, () => undefined);
  clearConstraints(cib, req.resource, [req.node], { bans: true }, () => undefined);
  const id = `cli-prefer-${req.resource}`;
  writeConstraint(cib, {
    id,
    resource: req.resource,
    node: req.node,
    score: 'INFINITY',
    promoted: req.promoted,
    end,
    ruleIds: [`cli-prefer-rule-${req.resource}`, `cli-prefer-expr-${req.resource}`, `cli-prefer-lifetime-end-${req.resource}`],
  });
  if (end) env.reports.report(info({ code: 'CONSTRAINT_LIFETIME', end }));
  env.reports.report(warning({ code: 'RESOURCE_MOVE_CONSTRAINT_CREATED', id: req.resource }));
  env.pushCib(cib);
}

const allNodes = (cib: Cib): string[] => (cib.scope('nodes')?.elements('node') ?? []).map((n) => n.get('uname') ?? '').filter(Boolean);

/** The #uname a move/ban constraint is about (its node, or its rule's expression). */
function constraintNode(c: XmlElement): string | undefined {
  if (c.has('node')) return c.get('node');
  for (const r of c.elements('rule')) for (const e of r.elements('expression')) if (e.get('attribute') === '#uname' && e.get('operation') === 'eq') return e.get('value');
  return undefined;
}

function isExpired(c: XmlElement, now: Date): boolean {
  for (const r of c.elements('rule')) {
    for (const d of r.elements('date_expression')) {
      const end = d.get('end');
      if (d.get('operation') === 'lt' && end) {
        const t = Date.parse(end.replace(' ', 'T'));
        if (Number.isFinite(t) && t <= now.getTime()) return true;
      }
    }
  }
  return false;
}

function clearConstraints(cib: Cib, resource: string, nodes: string[], opts: { bans: boolean; expiredOnly?: Date }, removed: (id: string) => void): void {
  for (const c of constraintsOf(cib, 'rsc_location')) {
    const id = c.get('id') ?? '';
    const node = constraintNode(c);
    if (node === undefined || !nodes.includes(node)) continue;
    const isBan = id === `cli-ban-${resource}-on-${node}`;
    const isPrefer = id === `cli-prefer-${resource}`;
    if (!(isPrefer || (opts.bans && isBan))) continue;
    if (opts.expiredOnly && !isExpired(c, opts.expiredOnly)) continue;
    remove(c);
    removed(id);
  }
}

export interface ClearRequest {
  resource: string;
  node?: string | undefined;
  promoted: boolean;
  expired: boolean;
  now?: Date;
}

export function clearResource(env: LibraryEnvironment, req: ClearRequest): void {
  const cib = env.getCib('resource clear');
  const el = findForMoveBan(env, cib, req.resource);
  if (req.promoted && !analyse(cib, el).promotable) throw new LibraryError(error({ code: 'RESOURCE_PROMOTED_NEEDS_PROMOTABLE', id: req.resource }));
  const nodes = req.node ? [req.node] : allNodes(cib);
  clearConstraints(cib, req.resource, nodes, { bans: true, ...(req.expired ? { expiredOnly: req.now ?? new Date() } : {}) }, (id) =>
    env.reports.report(info({ code: 'CONSTRAINT_REMOVED', id })),
  );
  env.pushCib(cib);
}
