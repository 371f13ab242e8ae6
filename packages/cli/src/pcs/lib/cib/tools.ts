// Ids and elements of the CIB as pcs handles them: every id in the configuration is unique
// (status is left out: it keeps ids of deleted resources), new ids are made from a proposal
// by adding -1, -2, …, and a few elements carry ids that are references, not definitions.

import { insertElement, removeElement, replaceElement, XmlElement, type Cib } from '@hacluster/cib';
import { sanitizeId } from '../pacemaker/values.js';
import { error, type ReportItem } from '../reports/item.js';

/** Elements whose id attribute names something defined elsewhere. */
const REFERENCE_ELEMENTS = new Set(['acl_target', 'role', 'obj_ref', 'resource_ref']);

/** Walks the configuration (not the status) depth first, in document order. */
export function* configurationElements(cib: Cib): Generator<XmlElement> {
  for (const top of cib.root.elements()) {
    if (top.name === 'status') continue;
    yield* top.descendants();
  }
}

function remoteNodeName(el: XmlElement): string | undefined {
  if (el.name !== 'primitive') return undefined;
  for (const meta of el.elements('meta_attributes')) {
    for (const nv of meta.elements('nvpair')) if (nv.get('name') === 'remote-node') return nv.get('value');
  }
  return undefined;
}

/** Every configuration element whose id (or guest node name) is `id`. */
export function elementsById(cib: Cib, id: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (const el of configurationElements(cib)) {
    if ((!REFERENCE_ELEMENTS.has(el.name) && el.get('id') === id) || remoteNodeName(el) === id) out.push(el);
  }
  return out;
}

export function elementById(cib: Cib, id: string): XmlElement | undefined {
  return elementsById(cib, id)[0];
}

/** All ids in use, for many lookups in one command. */
export function usedIds(cib: Cib): Set<string> {
  const out = new Set<string>();
  for (const el of configurationElements(cib)) {
    const id = el.get('id');
    if (id !== undefined && !REFERENCE_ELEMENTS.has(el.name)) out.add(id);
    const remote = remoteNodeName(el);
    if (remote !== undefined) out.add(remote);
  }
  return out;
}

export function idExists(cib: Cib, id: string): boolean {
  return elementsById(cib, id).length > 0;
}

/** Hands out new ids and checks requested ones, remembering what this command took. */
export class IdProvider {
  private used: Set<string> | undefined;
  private readonly booked = new Set<string>();

  constructor(readonly cib: Cib) {}

  private taken(id: string): boolean {
    this.used ??= usedIds(this.cib);
    return this.booked.has(id) || this.used.has(id);
  }

  /** Forget the index after elements were removed, so their ids become free again. */
  refresh(): void {
    this.used = undefined;
  }

  exists(id: string): boolean {
    return this.taken(id);
  }

  /** The proposal if free, else proposal-1, proposal-2, … */
  allocate(proposed: string): string {
    let candidate = proposed;
    for (let n = 1; this.taken(candidate); n++) candidate = `${proposed}-${n}`;
    this.booked.add(candidate);
    return candidate;
  }

  /** Reserves ids the user asked for; reports those already taken. */
  book(...ids: string[]): ReportItem[] {
    const out: ReportItem[] = [];
    const reported = new Set<string>();
    for (const id of ids) {
      if (reported.has(id)) continue;
      if (this.taken(id)) {
        out.push(error({ code: 'ID_ALREADY_EXISTS', id }));
        reported.add(id);
        continue;
      }
      this.booked.add(id);
    }
    return out;
  }
}

/** An id for a child: "<parent id or tag>-<suffix>", made valid and unique. */
export function subelementId(context: XmlElement, suffix: string, ids: IdProvider): string {
  return ids.allocate(sanitizeId(`${context.get('id') ?? context.name}-${suffix}`));
}

/** Appends (or inserts before `before`) a child, laid out like its siblings. */
export function append(parent: XmlElement, child: XmlElement, before?: XmlElement): XmlElement {
  return insertElement(parent, child, before);
}

/** A new element appended to `parent`; attributes in the order given. */
export function appendNew(parent: XmlElement, name: string, attributes: Record<string, string | undefined> = {}): XmlElement {
  return insertElement(parent, XmlElement.create(name, attributes));
}

/** First child with this name, created (and appended, or put first) when missing. */
export function subElement(parent: XmlElement, name: string, opts: { id?: string; first?: boolean } = {}): XmlElement {
  const existing = parent.first(name);
  if (existing) return existing;
  const el = XmlElement.create(name, opts.id ? { id: opts.id } : {});
  return insertElement(parent, el, opts.first ? parent.first() : undefined);
}

export function remove(el: XmlElement): void {
  removeElement(el);
}

/** Removes an element when it has neither children nor (optionally) attributes besides id. */
export function removeWhenPointless(el: XmlElement, attributesMatter = true): void {
  if (el.elements().length > 0) return;
  if (attributesMatter && el.attributeNames().some((n) => n !== 'id')) return;
  removeElement(el);
}

/** Whitespace-only layout inside a subtree, dropped so that insertion lays it out for its new depth. */
function dropLayout(el: XmlElement): void {
  if (el.children.some((c) => (c.kind === 'text' && !c.isWhitespace) || c.kind === 'cdata')) return;
  el.children = el.children.filter((c) => c.kind !== 'text');
  for (const c of el.children) if (c.kind === 'element') dropLayout(c);
}

/**
 * A section of <configuration>, made at its end when missing, where pcs makes it (the schema
 * lets the sections come in any order, and people diff what pcs writes).
 */
export function section(cib: Cib, name: string): XmlElement {
  const existing = cib.scope(name);
  if (existing) return existing;
  const configuration = cib.scope('configuration') ?? cib.ensureScope('configuration');
  return insertElement(configuration, XmlElement.create(name));
}

/** Puts `replacement` where `old` is, laid out for that place. */
export function replaceWith(old: XmlElement, replacement: XmlElement): void {
  dropLayout(replacement);
  replaceElement(old, replacement);
}

/** Moves an element to a new parent (before `before`, or at the end), laid out for its new depth. */
export function moveTo(el: XmlElement, parent: XmlElement, before?: XmlElement): void {
  removeElement(el);
  dropLayout(el);
  insertElement(parent, el, before);
}

/** The parent element, which every element below the root has. */
export function parentOf(el: XmlElement): XmlElement | undefined {
  return el.parent ?? undefined;
}
