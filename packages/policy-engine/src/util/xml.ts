// Small helpers over the CIB's XML tree.

import type { XmlElement } from '@hacluster/cib';

/** Child elements with a given name (or all), in document order. */
export function childElements(el: XmlElement | undefined, name?: string): XmlElement[] {
  return el ? el.elements(name) : [];
}

/**
 * Pacemaker's expand_idref: an element carrying id-ref stands for the element of the same tag
 * with that id anywhere in the configuration; undefined when the reference is dangling.
 */
export function expandIdref(el: XmlElement, ids: ReadonlyMap<string, XmlElement>): XmlElement | undefined {
  const ref = el.get('id-ref');
  if (ref === undefined) return el;
  const target = ids.get(ref);
  return target !== undefined && target.name === el.name ? target : undefined;
}
