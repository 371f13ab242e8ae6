// ACLs in the CIB's <acls> section: roles with permissions (read, write, deny on an XPath or
// an element id), users (acl_target) and groups (acl_group) holding roles.

import { XmlElement, type Cib } from '@hacluster/cib';
import { append, appendNew, IdProvider, idExists, remove, elementsById, section } from '../cib/tools.js';
import type { LibraryEnvironment } from '../env.js';
import { error, LibraryError, type ReportItem } from '../reports/item.js';
import { idReports } from '../validate.js';

export type Permission = { kind: string; scopeType: string; scope: string };

const KINDS = ['read', 'write', 'deny'];
const SCOPES = ['xpath', 'id'];

function aclSection(cib: Cib): XmlElement {
  return section(cib, 'acls');
}

function edit(env: LibraryEnvironment, command: string, change: (cib: Cib, acls: XmlElement, ids: IdProvider) => void): void {
  const cib = env.getCib(command);
  change(cib, aclSection(cib), new IdProvider(cib));
  env.pushCib(cib);
}

/** An element of the ACL section by tag and id; other elements with that id are named in the error. */
function find(cib: Cib, acls: XmlElement, tag: string, id: string, describedAs = [tag]): XmlElement {
  const el = acls.elements(tag).find((e) => e.get('id') === id);
  if (el) return el;
  const other = elementsById(cib, id)[0] ?? acls.elements().find((e) => e.get('id') === id);
  if (other) throw new LibraryError(error({ code: 'ID_BELONGS_TO_UNEXPECTED_TYPE', id, expectedTypes: describedAs, currentType: other.name }));
  throw new LibraryError(error({ code: 'ID_NOT_FOUND', id, expectedTypes: describedAs }));
}

function validatePermissions(cib: Cib, list: readonly Permission[]): void {
  const reports: ReportItem[] = [];
  for (const p of list) {
    if (!KINDS.includes(p.kind)) reports.push(error({ code: 'INVALID_OPTION_VALUE', optionName: 'permission', optionValue: p.kind, allowedValues: KINDS }));
    if (!SCOPES.includes(p.scopeType)) reports.push(error({ code: 'INVALID_OPTION_VALUE', optionName: 'scope type', optionValue: p.scopeType, allowedValues: SCOPES }));
    if (p.scopeType === 'id' && !idExists(cib, p.scope)) reports.push(error({ code: 'ID_NOT_FOUND', id: p.scope, expectedTypes: ['id'] }));
  }
  if (reports.length) throw new LibraryError(...reports);
}

function newRole(acls: XmlElement, ids: IdProvider, id: string, description?: string): XmlElement {
  const reports = idReports(id, 'ACL role');
  if (reports.length) throw new LibraryError(...reports);
  const taken = ids.book(id);
  if (taken.length) throw new LibraryError(...taken);
  const role = append(acls, XmlElement.create('acl_role', { id }));
  if (description) role.set('description', description);
  return role;
}

function addPermissions(role: XmlElement, ids: IdProvider, list: readonly Permission[]): void {
  for (const p of list) {
    appendNew(role, 'acl_permission', {
      id: ids.allocate(`${role.get('id') ?? 'role'}-${p.kind}`),
      kind: p.kind,
      [p.scopeType === 'xpath' ? 'xpath' : 'reference']: p.scope,
    });
  }
}

export function aclRoleCreate(env: LibraryEnvironment, id: string, permissions: Permission[], description: string): void {
  edit(env, 'acl role create', (cib, acls, ids) => {
    if (permissions.length) validatePermissions(cib, permissions);
    const role = newRole(acls, ids, id, description);
    addPermissions(role, ids, permissions);
  });
}

export function aclRoleDelete(env: LibraryEnvironment, id: string, autodelete: boolean): void {
  edit(env, 'acl role delete', (cib, acls) => {
    remove(find(cib, acls, 'acl_role', id));
    for (const holder of [...acls.elements('acl_target'), ...acls.elements('acl_group')]) {
      const refs = holder.elements('role').filter((r) => r.get('id') === id);
      if (!refs.length) continue;
      refs.forEach(remove);
      if (autodelete && !holder.elements('role').length) remove(holder);
    }
  });
}

export type Holder = 'user' | 'group' | 'either';

function findHolder(cib: Cib, acls: XmlElement, kind: Holder, id: string): XmlElement {
  if (kind === 'user') return find(cib, acls, 'acl_target', id);
  if (kind === 'group') return find(cib, acls, 'acl_group', id);
  // Users first: a user and a group may share a name, and then pcs means the user.
  const user = acls.elements('acl_target').find((e) => e.get('id') === id);
  return user ?? find(cib, acls, 'acl_group', id, ['acl_group', 'acl_target']);
}

function assignReports(cib: Cib, acls: XmlElement, roleId: string, holder: XmlElement): ReportItem[] {
  let role: XmlElement;
  try {
    role = find(cib, acls, 'acl_role', roleId);
  } catch (e) {
    if (e instanceof LibraryError) return e.reports;
    throw e;
  }
  if (holder.elements('role').some((r) => r.get('id') === role.get('id'))) {
    return [error({ code: 'CIB_ACL_ROLE_IS_ALREADY_ASSIGNED', role: roleId, target: holder.get('id') ?? '' })];
  }
  appendNew(holder, 'role', { id: roleId });
  return [];
}

export function aclRoleAssign(env: LibraryEnvironment, roleId: string, kind: Holder, holderId: string): void {
  edit(env, 'acl role assign', (cib, acls) => {
    const reports = assignReports(cib, acls, roleId, findHolder(cib, acls, kind, holderId));
    if (reports.length) throw new LibraryError(...reports);
  });
}

export function aclRoleUnassign(env: LibraryEnvironment, roleId: string, kind: Holder, holderId: string, autodelete: boolean): void {
  edit(env, 'acl role unassign', (cib, acls) => {
    const holder = findHolder(cib, acls, kind, holderId);
    const refs = holder.elements('role').filter((r) => r.get('id') === roleId);
    if (!refs.length) throw new LibraryError(error({ code: 'CIB_ACL_ROLE_IS_NOT_ASSIGNED', role: roleId, target: holderId }));
    refs.forEach(remove);
    if (autodelete && !holder.elements('role').length) remove(holder);
  });
}

export function aclHolderCreate(env: LibraryEnvironment, kind: 'user' | 'group', id: string, roles: string[]): void {
  edit(env, `acl ${kind} create`, (cib, acls, ids) => {
    let holder: XmlElement;
    if (kind === 'user') {
      // A user's id is a login name, not an XML id: only another user may not share it.
      if (acls.elements('acl_target').some((t) => t.get('id') === id)) throw new LibraryError(error({ code: 'CIB_ACL_TARGET_ALREADY_EXISTS', id }));
      holder = appendNew(acls, 'acl_target', { id });
    } else {
      const bad = [...idReports(id, 'ACL group'), ...ids.book(id)];
      if (bad.length) throw new LibraryError(...bad);
      holder = appendNew(acls, 'acl_group', { id });
    }
    const reports = roles.flatMap((r) => assignReports(cib, acls, r, holder));
    if (reports.length) throw new LibraryError(...reports);
  });
}

export function aclHolderDelete(env: LibraryEnvironment, kind: 'user' | 'group', id: string): void {
  edit(env, `acl ${kind} delete`, (cib, acls) => remove(find(cib, acls, kind === 'user' ? 'acl_target' : 'acl_group', id)));
}

export function aclPermissionAdd(env: LibraryEnvironment, roleId: string, permissions: Permission[]): void {
  edit(env, 'acl permission add', (cib, acls, ids) => {
    validatePermissions(cib, permissions);
    const existing = acls.elements('acl_role').find((r) => r.get('id') === roleId);
    addPermissions(existing ?? newRole(acls, ids, roleId), ids, permissions);
  });
}

export function aclPermissionDelete(env: LibraryEnvironment, id: string): void {
  edit(env, 'acl permission delete', (cib, acls) => {
    const perm = [...acls.descendants()].find((e) => e.name === 'acl_permission' && e.get('id') === id);
    if (!perm) throw new LibraryError(error({ code: 'ACL_PERMISSION_NOT_FOUND', id }));
    remove(perm);
  });
}

export interface AclConfig {
  users: { id: string; roles: string[] }[];
  groups: { id: string; roles: string[] }[];
  roles: { id: string; description: string | undefined; permissions: { id: string; kind: string; xpath?: string | undefined; reference?: string | undefined }[] }[];
}

export function aclConfig(env: LibraryEnvironment): AclConfig {
  const acls = env.getCib('acl config').scope('acls');
  const holders = (tag: string) => (acls?.elements(tag) ?? []).map((t) => ({ id: t.get('id') ?? '', roles: t.elements('role').map((r) => r.get('id') ?? '').filter(Boolean) }));
  return {
    users: holders('acl_target'),
    groups: holders('acl_group'),
    roles: (acls?.elements('acl_role') ?? []).map((r) => ({
      id: r.get('id') ?? '',
      description: r.get('description'),
      permissions: r.elements('acl_permission').map((p) => ({ id: p.get('id') ?? '', kind: p.get('kind') ?? '', xpath: p.get('xpath'), reference: p.get('reference') })),
    })),
  };
}
