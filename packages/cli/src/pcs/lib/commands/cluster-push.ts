// `pcs cluster cib-push FILE [scope=S | --config | diff-against=ORIG]`: the whole CIB, one
// section of it, or only what changed between two files, taken into the current CIB.
// - A whole CIB older than the current one is refused: its changes would be lost on a
//   configuration that has moved on since the file was taken.
// - A section is taken as it is, whatever its version.
// - diff-against applies the difference ORIG → FILE to the current CIB, so changes made
//   meanwhile by others survive; a change that no longer fits is a conflict and nothing is done.

import { readFileSync } from 'node:fs';
import { applyPatch, Cib, CibError, parseXml, compareCibVersions, diffCibs, formatVersion, readVersion, renderProblem, replaceScope, sameAttributes, versionBumpFor, type XmlElement } from '@hacluster/cib';
import type { LibraryEnvironment } from '../env.js';
import { error, info, LibraryError } from '../reports/item.js';
import { checkScope } from './cluster-cib.js';

function readPushedFile(env: LibraryEnvironment, file: string): { path: string; text: string } {
  const path = env.path(file);
  try {
    return { path, text: readFileSync(path, 'utf8') };
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : e instanceof Error ? e.message : String(e);
    throw new LibraryError(error({ code: 'CIB_PUSH_PARSE_ERROR', file, reason }));
  }
}

const parseProblem = (file: string, e: unknown) =>
  new LibraryError(error({ code: 'CIB_PUSH_PARSE_ERROR', file, reason: e instanceof CibError ? e.problems.map(renderProblem).join('; ') : String(e) }));

function readCibArgument(env: LibraryEnvironment, file: string): Cib {
  const { path, text } = readPushedFile(env, file);
  try {
    return Cib.parse(text, path);
  } catch (e) {
    throw parseProblem(file, e);
  }
}

/**
 * The section a scoped push takes: the file's root when it is that section (what
 * `cluster cib FILE scope=S` writes), else the first element of that name in it (a whole CIB).
 */
function pushedSection(env: LibraryEnvironment, file: string, scope: string): XmlElement | undefined {
  const { path, text } = readPushedFile(env, file);
  let root: XmlElement;
  try {
    root = parseXml(text, { file: path }).root;
  } catch (e) {
    throw parseProblem(file, e);
  }
  for (const el of root.descendants()) if (el.name === scope) return el;
  return undefined;
}

export function cibPush(env: LibraryEnvironment, file: string, scope: string | undefined): void {
  if (scope !== undefined) checkScope(scope);
  const current = env.getCib('cluster cib-push');
  if (scope !== undefined) {
    const replacement = pushedSection(env, file, scope);
    if (!replacement) throw new LibraryError(error({ code: 'CIB_SCOPE_NOT_PRESENT', scope, file }));
    const bump = replaceScope(current, scope, replacement, { bumpVersion: false });
    if (bump !== 'none') env.replaceCib(current, bump);
  } else {
    const pushed = readCibArgument(env, file);
    const before = readVersion(current.root);
    const after = readVersion(pushed.root);
    if (compareCibVersions(after, before) < 0) {
      throw new LibraryError(error({ code: 'CIB_PUSH_OLDER_THAN_CURRENT', pushed: formatVersion(after), current: formatVersion(before) }));
    }
    let bump = versionBumpFor(current.root, pushed.root);
    // A file differing only in its root attributes (its version among them) still replaces the
    // CIB, as cibadmin --replace does on a file.
    if (bump === 'none' && !sameAttributes(current.root, pushed.root)) bump = 'num_updates';
    if (bump !== 'none') env.replaceCib(pushed, bump);
  }
  env.reports.report(info({ code: 'CIB_UPDATED' }));
}

export function cibPushDiff(env: LibraryEnvironment, file: string, original: string): void {
  const from = readCibArgument(env, original);
  const to = readCibArgument(env, file);
  const patch = diffCibs(from, to);
  if (!patch.changes.length) {
    env.reports.report(info({ code: 'CIB_PUSH_NOTHING_TO_PUSH' }));
    return;
  }
  const current = env.getCib('cluster cib-push');
  try {
    // The store moves the counters as the change requires (epoch for configuration).
    if (applyPatch(current, patch).bump !== 'none') env.writeCib(current);
  } catch (e) {
    if (e instanceof CibError) throw new LibraryError(error({ code: 'CIB_PUSH_CONFLICT', reason: e.problems.map(renderProblem).join('; ') }));
    throw e;
  }
  env.reports.report(info({ code: 'CIB_UPDATED' }));
}
