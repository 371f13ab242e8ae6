// Reading and replacing one scope of a CIB, as `cibadmin --query/--replace --scope` do and
// `pcs cluster cib scope=…` and `pcs cluster cib-push scope=…` use.

import type { Cib } from './cib.js';
import { CibError } from './errors.js';
import { isScope, type Scope } from './scopes.js';
import { applyVersionBump, type VersionBump } from './version.js';
import { sameElement } from './xml/compare.js';
import { dropLayout, replaceElement } from './xml/edit.js';
import { parseXml } from './xml/parse.js';
import { serializeXml } from './xml/serialize.js';
import type { XmlElement } from './xml/tree.js';

function checkScope(name: string): Scope {
  if (!isScope(name)) throw new CibError({ code: 'UNKNOWN_SCOPE', scope: name });
  return name;
}

/** The element of a scope; an unknown scope and a missing section are errors. */
export function readScope(cib: Cib, scope: string): XmlElement {
  const el = cib.scope(checkScope(scope));
  if (!el) throw new CibError({ code: 'MISSING_SECTION', section: scope });
  return el;
}

/** A scope's XML, with its own indentation taken off so that it starts at the margin. */
export function scopeXml(cib: Cib, scope: string): string {
  const el = readScope(cib, scope);
  const text = serializeXml(el);
  // The closing tag's line shows how deep the section sits.
  const nl = text.lastIndexOf('\n');
  const indent = nl < 0 ? '' : /^[ \t]*/.exec(text.slice(nl + 1))![0];
  const lines = text.split('\n');
  const outdented = indent && lines.slice(1).every((l) => l.startsWith(indent) || l.trim() === '');
  return (outdented ? lines.map((l, i) => (i === 0 ? l : l.slice(indent.length))).join('\n') : text) + '\n';
}

export interface ReplaceScopeOptions {
  /** Move epoch (a configuration scope) or num_updates (status) when the content changes. Default true. */
  bumpVersion?: boolean;
  /** Named in XML syntax errors. */
  file?: string;
}

/**
 * Replaces one scope with new XML (text or an element), whose root must be that scope's
 * element. A missing section is created in its place. The replacement takes the layout of the
 * CIB around it. Returns the version bump made ('none' when the content is the same).
 */
export function replaceScope(cib: Cib, scope: string, replacement: XmlElement | string, options: ReplaceScopeOptions = {}): VersionBump {
  const name = checkScope(scope);
  const el = typeof replacement === 'string' ? parseXml(replacement, options.file === undefined ? {} : { file: options.file }).root : replacement.clone();
  if (el.name !== name) throw new CibError({ code: 'SCOPE_MISMATCH', scope: name, found: el.name });
  const current = cib.scope(name);
  if (current && sameElement(current, el)) return 'none';
  dropLayout(el);
  replaceElement(current ?? cib.ensureScope(name), el);
  const bump: VersionBump = name === 'status' ? 'num_updates' : 'epoch';
  if (options.bumpVersion ?? true) applyVersionBump(cib.root, bump);
  return bump;
}
