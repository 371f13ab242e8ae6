// `pcs resource failcount show`: failures the cluster recorded in the status section, as the
// node attributes fail-count-<resource>[:<clone>]#<operation>_<interval> and last-failure-….

import type { LibraryEnvironment } from '../../env.js';
import { timeoutToSeconds } from '../../pacemaker/values.js';
import { error, LibraryError, type ReportItem } from '../../reports/item.js';

export interface Failure {
  node: string;
  resource: string;
  cloneId: string | undefined;
  operation: string;
  /** milliseconds, as Pacemaker writes them in the attribute name */
  interval: string;
  failCount: number | 'INFINITY';
  lastFailure: number;
}

function parseName(name: string): { resource: string; cloneId: string | undefined; operation: string; interval: string } | undefined {
  const hash = name.indexOf('#');
  const under = name.lastIndexOf('_');
  if (hash < 0 || under < hash) return undefined;
  const rc = name.slice(0, hash);
  const colon = rc.indexOf(':');
  return {
    resource: colon < 0 ? rc : rc.slice(0, colon),
    cloneId: colon < 0 ? undefined : rc.slice(colon + 1),
    operation: name.slice(hash + 1, under),
    interval: name.slice(under + 1),
  };
}

export interface FailureFilter {
  resource?: string | undefined;
  node?: string | undefined;
  operation?: string | undefined;
  interval?: string | undefined;
}

export function failcounts(env: LibraryEnvironment, filter: FailureFilter): Failure[] {
  const problems: ReportItem[] = [];
  if (filter.interval !== undefined && filter.operation === undefined) {
    problems.push(error({ code: 'PREREQUISITE_OPTION_IS_MISSING', option: 'interval', prerequisite: 'operation', optionType: '' }));
  }
  const seconds = filter.interval === undefined ? undefined : timeoutToSeconds(filter.interval);
  if (filter.interval !== undefined && seconds === undefined) {
    problems.push(error({ code: 'INVALID_OPTION_VALUE', optionName: 'interval', optionValue: filter.interval, allowedValues: 'time interval (e.g. 1, 2s, 3m, 4h, ...)' }));
  }
  if (problems.length) throw new LibraryError(...problems);
  const intervalMs = seconds === undefined ? undefined : String(seconds * 1000);
  const out: Failure[] = [];
  for (const state of env.getCib('resource failcount').scope('status')?.elements('node_state') ?? []) {
    const info = new Map<string, { 'fail-count'?: string; 'last-failure'?: string }>();
    for (const attrs of state.elements('transient_attributes')) {
      for (const set of attrs.elements('instance_attributes')) {
        for (const p of set.elements('nvpair')) {
          const name = p.get('name') ?? '';
          for (const part of ['fail-count', 'last-failure'] as const) {
            if (!name.startsWith(part + '-')) continue;
            const key = name.slice(part.length + 1);
            const entry = info.get(key) ?? {};
            entry[part] = p.get('value');
            info.set(key, entry);
            break;
          }
        }
      }
    }
    for (const [key, data] of info) {
      const n = parseName(key);
      if (!n) continue;
      const raw = (data['fail-count'] ?? '0').toUpperCase();
      // A count that is not a number still means at least one failure.
      const failCount: number | 'INFINITY' = raw === 'INFINITY' ? 'INFINITY' : /^-?[0-9]+$/.test(raw) ? Number(raw) : 1;
      const lastFailure = /^[0-9]+$/.test(data['last-failure'] ?? '') ? Number(data['last-failure']) : 0;
      out.push({ node: state.get('uname') ?? '', ...n, failCount, lastFailure });
    }
  }
  return out.filter(
    (f) =>
      (filter.node === undefined || f.node === filter.node) &&
      (filter.resource === undefined || f.resource === filter.resource) &&
      (filter.operation === undefined || f.operation === filter.operation) &&
      (intervalMs === undefined || f.interval === intervalMs),
  );
}
