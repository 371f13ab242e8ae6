// Clones: wrapping a primitive or group in <clone> (promotable ones carry promotable=true).

import { XmlElement } from '@hacluster/cib';
import { appendNewNvset, META, type Pairs } from '../nvpair.js';
import { append, type IdProvider, moveTo } from '../tools.js';

/** Wraps `inner` in a new clone at the end of <resources>. */
export function appendClone(resources: XmlElement, ids: IdProvider, inner: XmlElement, options: Pairs, cloneId?: string): XmlElement {
  const id = cloneId ?? ids.allocate(`${inner.get('id') ?? ''}-clone`);
  const clone = append(resources, XmlElement.create('clone', { id }));
  moveTo(inner, clone);
  if (options.length) appendNewNvset(META, clone, options, ids);
  return clone;
}
