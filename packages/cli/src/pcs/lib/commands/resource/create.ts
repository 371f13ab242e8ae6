// `pcs resource create` and `pcs stonith create`: a primitive from an agent's meta-data, on its
// own, in a clone, in a group or in a bundle.

import type { Cib, XmlElement } from '@hacluster/cib';
import { providesPromotability, type PcsAgentMetadata } from '../../agents/metadata.js';
import { fullName, type ResourceAgentName } from '../../agents/name.js';
import { appendClone } from '../../cib/resource/clone.js';
import { disable, findResourceElement, notFoundReport, resourcesSection } from '../../cib/resource/common.js';
import { appendGroup, moveResourcesToGroup, validateMoveToGroup } from '../../cib/resource/group.js';
import { defaultOperations, prepareOperations, type OperationSpec } from '../../cib/resource/operations.js';
import { appendPrimitive, specialCasesReports, validateInstanceAttributes } from '../../cib/resource/primitive.js';
import { appendToBundle, validateBundleForResource } from '../../cib/resource/bundle.js';
import { elementById, IdProvider } from '../../cib/tools.js';
import type { Pairs } from '../../cib/nvpair.js';
import type { LibraryEnvironment } from '../../env.js';
import { isTrue } from '../../pacemaker/values.js';
import { deprecation, error, forceable, info, LibraryError, severityFor } from '../../reports/item.js';
import { idReports } from '../../validate.js';
import { agentMetadata, resolveAgentName } from '../agent.js';

export type Placement =
  | { kind: 'alone' }
  | { kind: 'clone'; options: Pairs; cloneId?: string | undefined }
  | { kind: 'group'; group: string; adjacent?: string | undefined; after: boolean }
  | { kind: 'bundle'; bundle: string };

export interface CreatePrimitiveRequest {
  id: string;
  /** As typed: a full name or a bare type (a fence agent's name for stonith). */
  agent: string;
  instance: Pairs;
  meta: Pairs;
  operations: OperationSpec[];
  placement: Placement;
  disabled?: boolean;
  noDefaultOps?: boolean;
  /** --force: absent agents, unknown options and operations become warnings. */
  force?: boolean;
  /** Fence devices: write pcs 0.9's option names (ipaddr, login, passwd, action) in their current form. */
  modernizeLegacyOptions?: boolean;
}

/** The fence options pcs 0.9 (and the guide) used, and their current names. */
const LEGACY_FENCE_OPTIONS: Record<string, string> = { ipaddr: 'ip', login: 'username', passwd: 'password' };

/**
 * pcs 0.11 keeps ipaddr/login/passwd with warnings and refuses `action`. When the agent says the
 * old name is replaced by the new one, we write the new one (action=reboot means what
 * pcmk_reboot_action=reboot says) and note it.
 */
function modernizeFenceOptions(env: LibraryEnvironment, md: PcsAgentMetadata, pairs: Pairs): [string, string][] {
  const given = new Set(pairs.map(([k]) => k));
  const replaces = (old: string, modern: string) => md.parameters.some((p) => p.name === old && p.deprecatedBy.includes(modern));
  return pairs.map(([k, v]) => {
    const modern = LEGACY_FENCE_OPTIONS[k];
    if (modern && !given.has(modern) && replaces(k, modern)) {
      env.reports.report(info({ code: 'LEGACY_FORM_ACCEPTED', legacy: `${k}=${v}`, modern: `${modern}=${v}` }));
      return [modern, v];
    }
    if (k === 'action' && (v === 'reboot' || v === 'off') && !given.has(`pcmk_${v}_action`) && md.parameters.some((p) => p.name === 'action')) {
      env.reports.report(info({ code: 'LEGACY_FORM_ACCEPTED', legacy: `action=${v}`, modern: `pcmk_${v}_action=${v}` }));
      return [`pcmk_${v}_action`, v];
    }
    return [k, v];
  });
}

async function resolve(env: LibraryEnvironment, req: CreatePrimitiveRequest, stonith: boolean): Promise<PcsAgentMetadata> {
  let name: ResourceAgentName;
  if (stonith) {
    if (req.agent.includes(':')) throw new LibraryError(error({ code: 'INVALID_STONITH_AGENT_NAME', name: req.agent }));
    name = { standard: 'stonith', provider: undefined, type: req.agent };
  } else {
    name = await resolveAgentName(env, req.agent);
    if (name.standard === 'stonith') {
      env.reports.report(deprecation({ code: 'STONITH_RESOURCE_IN_RESOURCE_COMMAND', id: fullName(name), replacement: 'pcs stonith create' }));
    }
  }
  return agentMetadata(env, name, req.force ?? false);
}

function cloneCompatibility(md: PcsAgentMetadata, options: Pairs, forced: boolean) {
  const opts = Object.fromEntries(options);
  const out = [];
  if (md.name.standard !== 'ocf') {
    for (const attr of ['globally-unique', 'promotable']) {
      if (isTrue(opts[attr] ?? '0')) out.push(error({ code: 'RESOURCE_CLONE_INCOMPATIBLE_META_ATTRIBUTES', attribute: attr, agent: fullName(md.name) }));
    }
  } else if (md.ocfVersion === '1.1' && isTrue(opts['promotable'] ?? '0') && !providesPromotability(md)) {
    out.push(forceable({ code: 'RESOURCE_CLONE_INCOMPATIBLE_META_ATTRIBUTES', attribute: 'promotable', agent: fullName(md.name) }, forced));
  }
  return out;
}

/** Builds the primitive (appended to <resources>) after all checks passed. */
export function buildPrimitive(env: LibraryEnvironment, cib: Cib, ids: IdProvider, req: CreatePrimitiveRequest, md: PcsAgentMetadata, kind: 'resource' | 'stonith'): XmlElement {
  const forced = req.force ?? false;
  if (ids.exists(req.id)) throw new LibraryError(error({ code: 'ID_ALREADY_EXISTS', id: req.id }));
  const idProblems = idReports(req.id, `${kind} name`);
  if (idProblems.length) throw new LibraryError(idProblems[0]!);
  const newRoles = newRoleNamesSupported(cib);
  const { operations, reports } = prepareOperations(
    req.operations,
    defaultOperations(md, req.noDefaultOps ?? false),
    md.actions.map((a) => a.name),
    newRoles,
    severityFor(forced),
  );
  env.reports.reportList(reports).throwOnErrors();
  env.reports.reportList(validateInstanceAttributes(md, Object.fromEntries(req.instance), { forced, cib })).throwOnErrors();
  return appendPrimitive(resourcesSection(cib), ids, req.id, md, req.instance, req.meta, operations);
}

/** Pacemaker 2.1 (schema 3.7+) names roles Promoted/Unpromoted; older schemas Master/Slave. */
export function newRoleNamesSupported(cib: Cib): boolean {
  const m = /^pacemaker-(\d+)\.(\d+)/.exec(cib.root.get('validate-with') ?? '');
  if (!m) return true;
  const major = Number(m[1]);
  const minor = Number(m[2]);
  return major > 3 || (major === 3 && minor >= 7);
}

export async function createResource(env: LibraryEnvironment, req: CreatePrimitiveRequest): Promise<void> {
  const md = await resolve(env, req, false);
  const forced = req.force ?? false;
  const p = req.placement;
  if (p.kind === 'clone') env.reports.reportList(cloneCompatibility(md, p.options, forced)).throwOnErrors();
  const cib = env.getCib('resource create');
  const ids = new IdProvider(cib);
  env.reports.reportList(specialCasesReports(md, Object.fromEntries(req.meta), forced)).throwOnErrors();
  if (p.kind === 'clone' && p.cloneId !== undefined) {
    const r = idReports(p.cloneId);
    env.reports.reportList(r.length ? r : ids.book(p.cloneId)).throwOnErrors();
  }
  const { group, adjacent } = p.kind === 'group' ? groupPlacement(env, cib, p) : {};
  if (p.kind === 'bundle') env.reports.reportList(validateBundleForResource(cib, p.bundle, req.id, forced)).throwOnErrors();
  env.reports.throwOnErrors();
  const primitive = buildPrimitive(env, cib, ids, req, md, 'resource');
  switch (p.kind) {
    case 'alone':
      if (req.disabled) disable(primitive, ids);
      break;
    case 'clone': {
      const clone = appendClone(resourcesSection(cib), ids, primitive, p.options, p.cloneId);
      if (req.disabled) disable(clone, ids);
      break;
    }
    case 'group':
      if (req.disabled) disable(primitive, ids);
      env.reports.reportList(validateMoveToGroup(group!, [primitive], adjacent)).throwOnErrors();
      moveResourcesToGroup(group!, [primitive], adjacent, p.after);
      break;
    case 'bundle':
      if (req.disabled) disable(primitive, ids);
      appendToBundle(findResourceElement(cib, p.bundle, ['bundle'])!, primitive);
      break;
  }
  env.pushCib(cib);
}

/**
 * The group a new primitive goes into (created when missing, unless its id is unusable) and the
 * member it goes next to. A bad group id is reported, not thrown, so other problems show too.
 */
function groupPlacement(
  env: LibraryEnvironment,
  cib: Cib,
  p: { group: string; adjacent?: string | undefined },
): { group?: XmlElement; adjacent?: XmlElement } {
  let adjacent: XmlElement | undefined;
  if (p.adjacent) {
    adjacent = elementById(cib, p.adjacent);
    if (!adjacent) throw new LibraryError(error({ code: 'ID_NOT_FOUND', id: p.adjacent, expectedTypes: [] }));
  }
  let group = elementById(cib, p.group);
  if (!group) {
    env.reports.reportList(idReports(p.group, 'group name'));
    if (!env.reports.hasErrors) group = appendGroup(resourcesSection(cib), p.group);
  }
  return { ...(group ? { group } : {}), ...(adjacent ? { adjacent } : {}) };
}

export async function createStonith(env: LibraryEnvironment, req: CreatePrimitiveRequest): Promise<void> {
  const md = await resolve(env, req, true);
  if (req.modernizeLegacyOptions && md.exists) req = { ...req, instance: modernizeFenceOptions(env, md, req.instance) };
  const meta: [string, string][] = [...req.meta.map(([k, v]) => [k, v] as [string, string])];
  if (md.name.standard === 'stonith' && md.actions.some((a) => a.name === 'on' && a.onTarget && a.automatic)) meta.push(['provides', 'unfencing']);
  const cib = env.getCib('stonith create');
  const ids = new IdProvider(cib);
  const p = req.placement;
  const { group, adjacent } = p.kind === 'group' ? groupPlacement(env, cib, p) : {};
  env.reports.throwOnErrors();
  const primitive = buildPrimitive(env, cib, ids, { ...req, meta }, md, 'stonith');
  if (req.disabled) disable(primitive, ids);
  if (group) {
    env.reports.reportList(validateMoveToGroup(group, [primitive], adjacent)).throwOnErrors();
    moveResourcesToGroup(group, [primitive], adjacent, p.kind === 'group' && p.after);
  }
  env.pushCib(cib);
}

export { notFoundReport };
