// enable / disable / manage / unmanage: target-role and is-managed meta attributes, with tags
// standing for the resources they list.

import type { Cib, XmlElement } from '@hacluster/cib';
import {
  disable,
  enable,
  findResources,
  manage,
  primitivesOf,
  RESOURCE_TAGS,
  resourcesToEnable,
  resourcesToManage,
  resourcesToUnmanage,
  unmanage,
} from '../../cib/resource/common.js';
import { IdProvider } from '../../cib/tools.js';
import type { LibraryEnvironment } from '../../env.js';

/** Resources named directly or through the tags that list them. */
export function findResourcesExpandTags(cib: Cib, ids: readonly string[]): { found: XmlElement[]; reports: ReturnType<typeof findResources>['reports'] } {
  const tags = cib.scope('tags')?.elements('tag') ?? [];
  const out: XmlElement[] = [];
  const reports: ReturnType<typeof findResources>['reports'] = [];
  const add = (e: XmlElement) => {
    if (!out.includes(e)) out.push(e);
  };
  for (const id of ids) {
    const tag = tags.find((t) => t.get('id') === id);
    if (!tag) {
      const r = findResources(cib, [id], [...RESOURCE_TAGS, 'tag']);
      r.found.forEach(add);
      reports.push(...r.reports);
      continue;
    }
    for (const ref of tag.elements('obj_ref')) {
      const r = findResources(cib, [ref.get('id') ?? ''], RESOURCE_TAGS).found[0];
      if (r) add(r);
    }
  }
  return { found: out, reports };
}

export function disableResources(env: LibraryEnvironment, ids: readonly string[]): void {
  const cib = env.getCib('resource disable');
  const { found, reports } = findResourcesExpandTags(cib, ids);
  env.reports.reportList(reports).throwOnErrors();
  const idp = new IdProvider(cib);
  for (const el of found) disable(el, idp);
  env.pushCib(cib);
}

export function enableResources(env: LibraryEnvironment, ids: readonly string[]): void {
  const cib = env.getCib('resource enable');
  const { found, reports } = findResourcesExpandTags(cib, ids);
  env.reports.reportList(reports).throwOnErrors();
  const idp = new IdProvider(cib);
  const seen = new Set<XmlElement>();
  for (const el of found) for (const e of resourcesToEnable(el)) if (!seen.has(e)) (seen.add(e), enable(e, idp));
  env.pushCib(cib);
}

const monitorOps = (primitive: XmlElement) => primitive.elements('operations').flatMap((o) => o.elements('op')).filter((op) => op.get('name') === 'monitor');

export function unmanageResources(env: LibraryEnvironment, ids: readonly string[], withMonitor: boolean): void {
  const cib = env.getCib('resource unmanage');
  const { found, reports } = findResourcesExpandTags(cib, ids);
  env.reports.reportList(reports).throwOnErrors();
  const idp = new IdProvider(cib);
  const targets: XmlElement[] = [];
  for (const el of found) for (const t of resourcesToUnmanage(el)) if (!targets.includes(t)) targets.push(t);
  const primitives = new Set<XmlElement>();
  for (const t of targets) {
    unmanage(t, idp);
    if (withMonitor) for (const p of primitivesOf(t)) primitives.add(p);
  }
  for (const p of primitives) for (const op of monitorOps(p)) op.set('enabled', 'false');
  env.pushCib(cib);
}

export function manageResources(env: LibraryEnvironment, ids: readonly string[], withMonitor: boolean): void {
  const cib = env.getCib('resource manage');
  const { found, reports } = findResourcesExpandTags(cib, ids);
  env.reports.reportList(reports).throwOnErrors();
  const idp = new IdProvider(cib);
  const targets: XmlElement[] = [];
  for (const el of found) for (const t of resourcesToManage(el)) if (!targets.includes(t)) targets.push(t);
  for (const t of targets) {
    manage(t, idp);
    if (withMonitor && t.name === 'primitive') for (const op of monitorOps(t)) op.remove('enabled');
  }
  const sorted = [...found].sort((a, b) => ((a.get('id') ?? '') < (b.get('id') ?? '') ? -1 : 1));
  for (const r of sorted) {
    for (const p of primitivesOf(r)) {
      const ops = monitorOps(p);
      if (ops.length && ops.every((op) => ['false', '0', 'no', 'off', 'n'].includes((op.get('enabled') ?? 'true').toLowerCase()))) {
        env.reports.report({ severity: 'warning', message: { code: 'RESOURCE_MANAGED_NO_MONITOR_ENABLED', id: p.get('id') ?? '' } });
      }
    }
  }
  env.pushCib(cib);
}
