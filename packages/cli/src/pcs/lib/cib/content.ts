// Whether two CIB subtrees hold the same content, the way the CIB manager decides whether a
// push changed anything: layout and attribute order do not count. (The CIB store on the
// cibstore branch brings the same check as sameElement/versionBumpFor; this module goes once
// that is on main.)

import type { XmlElement, XmlNode } from '@hacluster/cib';

const significant = (el: XmlElement): XmlNode[] => el.children.filter((c) => !(c.kind === 'text' && c.raw.trim() === '') && c.kind !== 'pi' && c.kind !== 'doctype');

function sameAttributes(a: XmlElement, b: XmlElement, ignore: ReadonlySet<string>): boolean {
  const names = (e: XmlElement) => e.attributeNames().filter((n) => !ignore.has(n));
  const x = names(a);
  const y = names(b);
  return x.length === y.length && x.every((n) => b.has(n) && a.get(n) === b.get(n));
}

function sameNode(a: XmlNode, b: XmlNode): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'element') return sameElement(a, b as XmlElement);
  if (a.kind === 'text') return a.value === (b as typeof a).value;
  return 'content' in a && a.content === (b as { content: string }).content;
}

export function sameElement(a: XmlElement, b: XmlElement, ignore: ReadonlySet<string> = new Set()): boolean {
  if (a.name !== b.name || !sameAttributes(a, b, ignore)) return false;
  const x = significant(a);
  const y = significant(b);
  return x.length === y.length && x.every((c, i) => sameNode(c, y[i]!));
}

/**
 * epoch when the configuration (or schema) changed, num_updates for anything else, or nothing.
 * Root attributes count, version numbers and write stamps included: a pushed file that differs
 * from the current CIB only there still replaces it (as cibadmin --replace on a file does).
 */
export function versionBump(before: XmlElement, after: XmlElement): 'epoch' | 'num_updates' | 'none' {
  const cb = before.first('configuration');
  const ca = after.first('configuration');
  const configSame = cb === undefined || ca === undefined ? cb === ca : sameElement(cb, ca);
  if (!configSame || before.get('validate-with') !== after.get('validate-with')) return 'epoch';
  if (!sameAttributes(before, after, new Set())) return 'num_updates';
  const rest = (r: XmlElement) => significant(r).filter((c) => !(c.kind === 'element' && c.name === 'configuration'));
  const x = rest(before);
  const y = rest(after);
  return x.length === y.length && x.every((c, i) => sameNode(c, y[i]!)) ? 'none' : 'num_updates';
}
