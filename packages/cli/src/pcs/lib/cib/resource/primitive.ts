// Primitive resources: validating instance attributes against the agent and building the
// <primitive> element.

import { XmlElement, type Cib } from '@hacluster/cib';
import { uniqueParameterGroups, type PcsAgentMetadata } from '../../agents/metadata.js';
import { fullName } from '../../agents/name.js';
import { deprecation, error, forceable, warning, type ReportItem } from '../../reports/item.js';
import { STONITH_ACTION_REPLACED_BY } from '../../agents/metadata.js';
import * as v from '../../validate.js';
import { appendNewNvset, INSTANCE, META, nvValue, type Pairs } from '../nvpair.js';
import { append, type IdProvider } from '../tools.js';
import { createOperations, type OperationSpec } from './operations.js';

const optionType = (md: PcsAgentMetadata) => (md.name.standard === 'stonith' ? 'stonith' : 'resource');

/** Reports on instance attributes of a new primitive: unknown, missing required, deprecated, not unique. */
export function validateInstanceAttributes(
  md: PcsAgentMetadata,
  attrs: Readonly<Record<string, string>>,
  opts: { forced: boolean; cib: Cib; resourceId?: string },
): ReportItem[] {
  const out: ReportItem[] = [];
  const severity = (m: Parameters<typeof forceable>[0]) => forceable(m, opts.forced);
  const type = optionType(md);
  for (const name of Object.keys(attrs)) out.push(...v.valueNotEmpty(name, '')(attrs));
  if (md.exists) {
    out.push(...v.namesIn(md.parameters.map((p) => p.name), type, severity)(attrs));
    out.push(...requiredParameters(md, attrs, severity));
    out.push(...deprecatedParameters(md, attrs));
  }
  out.push(...stonithAction(md, attrs, opts.forced));
  if (md.exists) out.push(...uniqueAttributes(md, attrs, opts.cib, opts.resourceId, opts.forced));
  return out;
}

/** The same for `resource update`: options already set are not reported again. */
export function validateInstanceAttributesUpdate(
  md: PcsAgentMetadata,
  attrs: Readonly<Record<string, string>>,
  current: Readonly<Record<string, string>>,
  opts: { forced: boolean; cib: Cib; resourceId: string },
): ReportItem[] {
  const out: ReportItem[] = [];
  const severity = (m: Parameters<typeof forceable>[0]) => forceable(m, opts.forced);
  if (md.exists) {
    const fresh = Object.fromEntries(Object.entries(attrs).filter(([k]) => !(k in current)));
    out.push(...v.namesIn(md.parameters.map((p) => p.name), optionType(md), severity)(fresh));
    out.push(...deprecatedParameters(md, Object.fromEntries(Object.entries(attrs).filter(([, val]) => val !== ''))));
    const final: Record<string, string> = { ...current };
    for (const [k, val] of Object.entries(attrs)) {
      if (val === '') delete final[k];
      else final[k] = val;
    }
    out.push(...requiredParameters(md, final, severity, Object.keys(attrs)));
  }
  out.push(...stonithAction(md, attrs, opts.forced));
  if (md.exists) out.push(...uniqueAttributes(md, attrs, opts.cib, opts.resourceId, opts.forced));
  return out;
}

function deprecatedParameters(md: PcsAgentMetadata, attrs: Readonly<Record<string, string>>): ReportItem[] {
  const out: ReportItem[] = [];
  for (const p of md.parameters) {
    if (!p.deprecated || (md.name.standard === 'stonith' && p.name === 'action')) continue;
    if (p.name in attrs) out.push(warning({ code: 'DEPRECATED_OPTION', optionName: p.name, replacedBy: [...p.deprecatedBy].sort(), optionType: optionType(md) }));
  }
  return out;
}

function stonithAction(md: PcsAgentMetadata, attrs: Readonly<Record<string, string>>, forced: boolean): ReportItem[] {
  if (md.name.standard !== 'stonith' || !attrs['action']) return [];
  return [forceable({ code: 'DEPRECATED_OPTION', optionName: 'action', replacedBy: [...STONITH_ACTION_REPLACED_BY].sort(), optionType: 'stonith' }, forced)];
}

function requiredParameters(md: PcsAgentMetadata, attrs: Readonly<Record<string, string>>, severity: (m: Parameters<typeof forceable>[0]) => ReportItem, only?: string[]): ReportItem[] {
  // A required parameter is satisfied by any deprecated parameter it replaces.
  const replacedBy = new Map<string, Set<string>>();
  for (const p of md.parameters) for (const n of p.deprecatedBy) replacedBy.set(n, new Set([...(replacedBy.get(n) ?? []), p.name]));
  const olderNames = (name: string): Set<string> => {
    const out = new Set<string>();
    let frontier = [...(replacedBy.get(name) ?? [])];
    while (frontier.length) {
      const next: string[] = [];
      for (const n of frontier) if (!out.has(n)) { out.add(n); next.push(...(replacedBy.get(n) ?? [])); }
      frontier = next;
    }
    return out;
  };
  const present = (n: string) => attrs[n] !== undefined;
  const out: ReportItem[] = [];
  const plain: string[] = [];
  for (const p of md.parameters) {
    if (!p.required || p.deprecated) continue;
    const older = olderNames(p.name);
    if (only && only.length && ![p.name, ...older].some((n) => only.includes(n))) continue;
    if (older.size) {
      const all = [p.name, ...older];
      if (!all.some(present)) out.push(severity({ code: 'REQUIRED_OPTION_OF_ALTERNATIVES_IS_MISSING', optionNames: all.sort(), optionType: optionType(md), deprecated: [...older].sort() }));
    } else if (!present(p.name)) plain.push(p.name);
  }
  if (plain.length) out.push(severity({ code: 'REQUIRED_OPTIONS_ARE_MISSING', optionNames: plain.sort(), optionType: optionType(md) }));
  return out;
}

function uniqueAttributes(md: PcsAgentMetadata, attrs: Readonly<Record<string, string>>, cib: Cib, resourceId: string | undefined, forced: boolean): ReportItem[] {
  const groups = uniqueParameterGroups(md);
  if (groups.size === 0) return [];
  const resources = cib.scope('resources');
  if (!resources) return [];
  const same = [...resources.descendants()].filter(
    (e) => e.name === 'primitive' && e.get('class') === md.name.standard && e.get('type') === md.name.type && (!md.name.provider || e.get('provider') === md.name.provider),
  );
  const out: ReportItem[] = [];
  for (const [, names] of groups) {
    const wanted = names.map((n) => attrs[n] ?? '');
    if (!wanted.some((x) => x)) continue;
    const clashes = same
      .filter((e) => e.get('id') !== resourceId)
      .filter((e) => names.every((n, i) => (nvValue(e, INSTANCE, n) ?? '') === wanted[i]))
      .map((e) => e.get('id') ?? '')
      .sort();
    if (clashes.length) {
      const desc = names.map((n, i) => `${n}=${wanted[i]}`).join(', ');
      out.push(
        forceable({ code: 'RESOURCE_INSTANCE_ATTR_VALUE_NOT_UNIQUE', attributes: desc, agent: fullName(md.name), resources: clashes }, forced),
      );
    }
  }
  return out;
}

/** Appends a new <primitive> with its attributes and operations. */
export function appendPrimitive(
  parent: XmlElement,
  ids: IdProvider,
  id: string,
  md: PcsAgentMetadata,
  instance: Pairs,
  meta: Pairs,
  operations: readonly OperationSpec[],
  before?: XmlElement,
): XmlElement {
  const el = append(
    parent,
    XmlElement.create('primitive', { id, class: md.name.standard, type: md.name.type, provider: md.name.provider }),
    before,
  );
  if (instance.length) appendNewNvset(INSTANCE, el, instance, ids);
  if (meta.length) appendNewNvset(META, el, meta, ids);
  createOperations(el, operations, ids);
  return el;
}

/** Remote and guest nodes have commands of their own ('pcs cluster node add-remote|guest'). */
export function specialCasesReports(md: PcsAgentMetadata, meta: Readonly<Record<string, string>>, forced: boolean): ReportItem[] {
  const out: ReportItem[] = [];
  if (md.name.standard === 'ocf' && md.name.provider === 'pacemaker' && md.name.type === 'remote') {
    out.push(forceable({ code: 'USE_COMMAND_NODE_ADD_REMOTE' }, forced));
  }
  if (meta['remote-node'] !== undefined) out.push(forceable({ code: 'USE_COMMAND_NODE_ADD_GUEST' }, forced));
  return out;
}

export { error, deprecation };
