// `pcs cluster cib-push FILE [scope=S | --config]`: the whole CIB, or one section of it,
// replaced by a file's. A whole CIB older than the current one is refused (its changes would be
// lost on the current configuration, which has moved on); a section is taken as it is.

import { readFileSync } from 'node:fs';
import { Cib, compareCibVersions, formatVersion, readVersion, type XmlElement } from '@hacluster/cib';
import { versionBump, sameElement } from '../cib/content.js';
import { replaceWith, section } from '../cib/tools.js';
import type { LibraryEnvironment } from '../env.js';
import { error, info, LibraryError } from '../reports/item.js';
import { checkScope } from './cluster-cib.js';

function readNewCib(env: LibraryEnvironment, file: string): Cib {
  const path = env.path(file);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : e instanceof Error ? e.message : String(e);
    throw new LibraryError(error({ code: 'CIB_PUSH_PARSE_ERROR', file, reason }));
  }
  try {
    return Cib.parse(text, path);
  } catch (e) {
    throw new LibraryError(error({ code: 'CIB_PUSH_PARSE_ERROR', file, reason: e instanceof Error ? e.message : String(e) }));
  }
}

function firstNamed(root: XmlElement, name: string): XmlElement | undefined {
  for (const el of root.descendants()) if (el.name === name) return el;
  return undefined;
}

export function cibPush(env: LibraryEnvironment, file: string, scope: string | undefined): void {
  if (scope !== undefined) checkScope(scope);
  const pushed = readNewCib(env, file);
  const current = env.getCib('cluster cib-push');
  if (scope !== undefined) {
    const replacement = firstNamed(pushed.root, scope);
    if (!replacement) throw new LibraryError(error({ code: 'CIB_SCOPE_NOT_PRESENT', scope, file }));
    const existing = section(current, scope);
    if (!sameElement(existing, replacement)) {
      replaceWith(existing, replacement.clone());
      env.replaceCib(current, 'epoch');
    }
  } else {
    const before = readVersion(current.root);
    const after = readVersion(pushed.root);
    if (compareCibVersions(after, before) < 0) {
      throw new LibraryError(error({ code: 'CIB_PUSH_OLDER_THAN_CURRENT', pushed: formatVersion(after), current: formatVersion(before) }));
    }
    const bump = versionBump(current.root, pushed.root);
    if (bump !== 'none') env.replaceCib(pushed, bump);
  }
  env.reports.report(info({ code: 'CIB_UPDATED' }));
}
