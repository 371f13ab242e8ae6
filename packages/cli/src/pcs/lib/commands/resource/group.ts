// Groups: `resource group add|remove|list`, `resource ungroup`.

import type { XmlElement } from '@hacluster/cib';
import { findResourceElement, groupInner, isGroup, isStonith, parentResource, resourcesSection } from '../../cib/resource/common.js';
import { appendGroup, moveResourcesToGroup, validateMoveToGroup } from '../../cib/resource/group.js';
import { elementById } from '../../cib/tools.js';
import type { LibraryEnvironment } from '../../env.js';
import { deprecation, error, info, LibraryError } from '../../reports/item.js';
import { idReports } from '../../validate.js';
import { removeFromGroup } from './clone.js';

export interface GroupAddRequest {
  group: string;
  resources: string[];
  adjacent?: string | undefined;
  after: boolean;
}

export function groupAdd(env: LibraryEnvironment, req: GroupAddRequest): void {
  const cib = env.getCib('resource group add');
  let adjacent: XmlElement | undefined;
  if (req.adjacent) {
    adjacent = elementById(cib, req.adjacent);
    if (!adjacent) throw new LibraryError(error({ code: 'ID_NOT_FOUND', id: req.adjacent, expectedTypes: [] }));
  }
  let group = elementById(cib, req.group);
  if (!group) {
    env.reports.reportList(idReports(req.group, 'group name'));
    group = appendGroup(resourcesSection(cib), req.group);
  }
  const found: XmlElement[] = [];
  for (const id of req.resources) {
    const el = elementById(cib, id);
    if (el) found.push(el);
    else env.reports.report(error({ code: 'ID_NOT_FOUND', id, expectedTypes: [] }));
  }
  if (found.some(isStonith)) env.reports.report(deprecation({ code: 'STONITH_RESOURCE_IN_RESOURCE_COMMAND', id: req.group, replacement: 'a group without fence devices' }));
  env.reports.reportList(validateMoveToGroup(group, found, adjacent)).throwOnErrors();
  moveResourcesToGroup(group, found, adjacent, req.after);
  env.pushCib(cib);
}

/** `resource group remove G [ID…]`, `resource ungroup G [ID…]`: no ids means all of them. */
export function groupRemove(env: LibraryEnvironment, groupId: string, ids: string[]): void {
  const cib = env.getCib('resource ungroup');
  const group = findResourceElement(cib, groupId, ['group']);
  if (!group) throw new LibraryError(error({ code: 'ID_NOT_FOUND', id: groupId, expectedTypes: ['group'] }));
  let members: XmlElement[];
  if (ids.length === 0) members = groupInner(group);
  else {
    members = ids.map((id) => {
      const p = groupInner(group).find((m) => m.get('id') === id);
      if (!p) throw new LibraryError(error({ code: 'ADD_REMOVE', problem: 'not-in', containerType: 'group', itemType: 'resource', containerId: groupId, items: [id] }));
      return p;
    });
  }
  removeFromGroup(cib, group, members, (cid) => env.reports.report(info({ code: 'CONSTRAINT_REMOVED_WITH_RESOURCE', id: cid })));
  env.pushCib(cib);
}

/** Each group and its members, in document order. */
export function groupList(env: LibraryEnvironment): { id: string; members: string[] }[] {
  const cib = env.getCib('resource group list');
  const section = cib.scope('resources');
  if (!section) return [];
  return [...section.descendants()].filter(isGroup).map((g) => ({ id: g.get('id') ?? '', members: [...g.descendants()].filter((e) => e.name === 'primitive').map((p) => p.get('id') ?? '') }));
}

export { parentResource };
