// Utilization attributes of resources and nodes (pcs's older commands: `<id>-utilization`,
// nvpair ids "<set>-<name>", whole numbers only).

import type { Cib, XmlElement } from '@hacluster/cib';
import { legacyUpdateNvset, nvsetPairs, UTILIZATION } from '../cib/nvpair.js';
import { findResourceElement } from '../cib/resource/common.js';
import { IdProvider } from '../cib/tools.js';
import type { LibraryEnvironment } from '../env.js';
import { error, LibraryError } from '../reports/item.js';

const isInt = (v: string) => /^[-+]?[0-9]+$/.test(v);

/** Utilization of an element as "name=value …" (first utilization set, names sorted). */
export function utilizationString(el: XmlElement, only?: string): string {
  return nvsetPairs(el.first(UTILIZATION))
    .filter(([n]) => only === undefined || n === only)
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([n, v]) => `${n}=${v}`)
    .join(' ');
}

function setUtilization(cib: Cib, el: XmlElement, pairs: [string, string][], idPrefix = ''): void {
  const sorted = [...pairs].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  for (const [n, v] of sorted) {
    if (v !== '' && !isInt(v)) throw new LibraryError(error({ code: 'INVALID_OPTION_VALUE', optionName: `utilization attribute ${n}`, optionValue: v, allowedValues: 'a whole number' }));
  }
  legacyUpdateNvset(el, sorted, UTILIZATION, `${idPrefix}${el.get('id') ?? ''}-utilization`, new IdProvider(cib));
}

export function resourceUtilization(env: LibraryEnvironment, id?: string, pairs: [string, string][] = []): [string, string][] {
  const cib = env.getCib('resource utilization');
  if (id === undefined) {
    const section = cib.scope('resources');
    const out: [string, string][] = [];
    for (const p of section ? [...section.descendants()].filter((e) => e.name === 'primitive') : []) {
      const u = utilizationString(p);
      if (u) out.push([p.get('id') ?? '', u]);
    }
    return out.sort((a, b) => (a[0] < b[0] ? -1 : 1));
  }
  const el = findResourceElement(cib, id, ['primitive']);
  if (!el) throw new LibraryError(error({ code: 'RESOURCE_DOES_NOT_EXIST', id }));
  if (pairs.length) {
    setUtilization(cib, el, pairs);
    env.pushCib(cib);
    return [];
  }
  return [[id, utilizationString(el)]];
}

export function nodeElement(cib: Cib, name: string): XmlElement | undefined {
  return cib.scope('nodes')?.elements('node').find((n) => n.get('uname') === name);
}

export function nodeUtilization(env: LibraryEnvironment, node?: string, pairs: [string, string][] = [], nameFilter?: string): [string, string][] {
  const cib = env.getCib('node utilization');
  if (node === undefined || !pairs.length) {
    const out: [string, string][] = [];
    for (const n of cib.scope('nodes')?.elements('node') ?? []) {
      const uname = n.get('uname') ?? '';
      if (node !== undefined && uname !== node) continue;
      const u = utilizationString(n, nameFilter);
      if (u) out.push([uname, u]);
    }
    return out.sort((a, b) => (a[0] < b[0] ? -1 : 1));
  }
  const el = nodeElement(cib, node);
  if (!el) throw new LibraryError(error({ code: 'NODE_NOT_FOUND', node }));
  setUtilization(cib, el, pairs, 'nodes-');
  env.pushCib(cib);
  return [];
}
