// Groups: creating them, moving primitives in and out (an emptied group disappears, and with it
// a clone that held it).

import { XmlElement } from '@hacluster/cib';
import { error, type ReportItem } from '../../reports/item.js';
import { validateAddRemoveItems } from '../../validate.js';
import { append, remove, moveTo } from '../tools.js';
import { groupInner, isAnyClone, isGroup, isResource, isWrapper, parentResource } from './common.js';

export function appendGroup(resources: XmlElement, id: string): XmlElement {
  return append(resources, XmlElement.create('group', { id }));
}

/** Next sibling element. */
export function nextElement(el: XmlElement): XmlElement | undefined {
  const p = el.parent;
  if (!p) return undefined;
  const kids = p.elements();
  return kids[kids.indexOf(el) + 1];
}

export function validateMoveToGroup(group: XmlElement, resources: readonly XmlElement[], adjacent: XmlElement | undefined): ReportItem[] {
  const out: ReportItem[] = [];
  for (const r of resources) {
    const id = r.get('id') ?? '';
    if (!isResource(r)) out.push(error({ code: 'ID_BELONGS_TO_UNEXPECTED_TYPE', id, expectedTypes: ['primitive'], currentType: r.name }));
    else if (isWrapper(r)) out.push(error({ code: 'CANNOT_GROUP_RESOURCE_WRONG_TYPE', id, type: r.name }));
    else {
      const parent = parentResource(r);
      if (parent && !isGroup(parent)) {
        out.push(error({ code: 'CANNOT_GROUP_RESOURCE_WRONG_TYPE', id, type: r.name, parentType: parent.name, parentId: parent.get('id') ?? '' }));
      }
    }
  }
  if (isGroup(group)) {
    out.push(
      ...validateAddRemoveItems(
        resources.map((r) => r.get('id') ?? ''),
        [],
        groupInner(group).map((r) => r.get('id') ?? ''),
        'group',
        'resource',
        group.get('id') ?? '',
        adjacent?.get('id'),
        true,
      ),
    );
  } else {
    out.push(error({ code: 'ID_BELONGS_TO_UNEXPECTED_TYPE', id: group.get('id') ?? '', expectedTypes: ['group'], currentType: group.name }));
  }
  return out;
}

/** Puts primitives into a group (next to `adjacent` if given); empty old groups go away. */
export function moveResourcesToGroup(group: XmlElement, primitives: readonly XmlElement[], adjacent?: XmlElement, after = true): void {
  let anchor = adjacent;
  for (const r of primitives) {
    const oldParent = r.parent;
    const next = anchor ? nextElement(anchor) : undefined;
    if (anchor && next && after) {
      moveTo(r, next.parent!, next);
      anchor = r;
    } else if (anchor && !after) {
      moveTo(r, anchor.parent!, anchor);
    } else {
      moveTo(r, group);
      anchor = r;
    }
    if (oldParent && isGroup(oldParent) && groupInner(oldParent).length === 0) {
      const grand = oldParent.parent;
      if (grand) {
        if (isAnyClone(grand) && grand.parent) remove(grand);
        else remove(oldParent);
      }
    }
  }
}
