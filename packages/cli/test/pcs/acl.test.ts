// ACL roles, permissions, users and groups.

import { afterEach, describe, expect, it } from 'vitest';
import { aclConfig, aclHolderCreate, aclPermissionAdd, aclPermissionDelete, aclRoleAssign, aclRoleCreate, aclRoleDelete, aclRoleUnassign } from '../../src/pcs/lib/commands/acl.js';
import { LibraryError } from '../../src/pcs/lib/reports/item.js';
import { testEnv, type TestEnv } from './helpers.js';

let t: TestEnv;
afterEach(() => t?.cleanup());

describe('acl', () => {
  it('creates roles with numbered permission ids and assigns them', () => {
    t = testEnv();
    aclRoleCreate(t.env, 'r1', [
      { kind: 'read', scopeType: 'xpath', scope: '/cib' },
      { kind: 'read', scopeType: 'id', scope: '1' },
    ], 'readers');
    aclHolderCreate(t.next(), 'user', 'alice', ['r1']);
    aclPermissionAdd(t.next(), 'r2', [{ kind: 'deny', scopeType: 'xpath', scope: '//status' }]);
    aclRoleAssign(t.next(), 'r2', 'either', 'alice');
    const c = aclConfig(t.next());
    expect(c.roles).toEqual([
      { id: 'r1', description: 'readers', permissions: [
        { id: 'r1-read', kind: 'read', xpath: '/cib', reference: undefined },
        { id: 'r1-read-1', kind: 'read', xpath: undefined, reference: '1' },
      ] },
      { id: 'r2', description: undefined, permissions: [{ id: 'r2-deny', kind: 'deny', xpath: '//status', reference: undefined }] },
    ]);
    expect(c.users).toEqual([{ id: 'alice', roles: ['r1', 'r2'] }]);
  });

  it('refuses an id that is not in the CIB, a second assignment, and an unknown permission', () => {
    t = testEnv();
    expect(() => aclRoleCreate(t.env, 'r1', [{ kind: 'read', scopeType: 'id', scope: 'nope' }], '')).toThrow(LibraryError);
    aclRoleCreate(t.next(), 'r1', [], '');
    aclHolderCreate(t.next(), 'group', 'ops', ['r1']);
    expect(() => aclRoleAssign(t.next(), 'r1', 'group', 'ops')).toThrow(/CIB_ACL_ROLE_IS_ALREADY_ASSIGNED/);
    expect(() => aclPermissionDelete(t.next(), 'nope')).toThrow(/ACL_PERMISSION_NOT_FOUND/);
    expect(() => aclHolderCreate(t.next(), 'group', 'r1', [])).toThrow(/ID_ALREADY_EXISTS/);
  });

  it('removes a role everywhere, and with autodelete the users and groups left without roles', () => {
    t = testEnv();
    aclRoleCreate(t.env, 'r1', [], '');
    aclRoleCreate(t.next(), 'r2', [], '');
    aclHolderCreate(t.next(), 'user', 'bob', ['r1']);
    aclHolderCreate(t.next(), 'user', 'eve', ['r1', 'r2']);
    aclRoleDelete(t.next(), 'r1', true);
    expect(aclConfig(t.next()).users).toEqual([{ id: 'eve', roles: ['r2'] }]);
    aclRoleUnassign(t.next(), 'r2', 'user', 'eve', false);
    expect(aclConfig(t.next()).users).toEqual([{ id: 'eve', roles: [] }]);
  });
});
