import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, TestPlatform, type TestTenant } from '../helpers/test-platform.ts';
import { apiPerson, apiUnit, createScopedUser, type ScopedUser } from '../helpers/org-fixtures.ts';
import { CORE_ERRORS } from '../../core/schemas/error-codes.ts';

/**
 * Issue 10.1: nobody gives, grants or takes over more than they hold, on every path that changes
 * accounts, roles, role grants, role members and person links. Each refusal is a 403 with a code
 * and the field, and writes nothing.
 */
describe('privilege inside a county: nobody gives, grants or takes over more than they hold', () => {
  let platform: TestPlatform;
  let county: TestTenant;
  let adminId: string;
  const units: Record<string, { id: string }> = {};
  const people: Record<string, string> = {};
  /** core.users.manage with the scope own_unit, in 城关镇. */
  let accountClerk: ScopedUser;
  /** core.roles.manage tenant-wide, but core.org.read only for 城关镇 and below. */
  let roleClerk: ScopedUser;
  let leaderRoleId: string;

  beforeAll(async () => {
    platform = await TestPlatform.start();
    county = await platform.createTenant('jiazhou', '嘉州县');
    adminId = (await county.admin.get(`${county.base}/auth/me`)).json().user.id;
    units.root = await apiUnit(county.admin, county, { name: '嘉州县', kind: 'county' });
    units.chengguan = await apiUnit(county.admin, county, { name: '城关镇', kind: 'town', parentId: units.root.id });
    units.dongguan = await apiUnit(county.admin, county, { name: '东关村', kind: 'village', parentId: units.chengguan.id });
    units.hexi = await apiUnit(county.admin, county, { name: '河西镇', kind: 'town', parentId: units.root.id });
    people.leader = (await apiPerson(county.admin, county, { name: '县领导', unitId: units.chengguan.id })).id;
    people.clerk = (await apiPerson(county.admin, county, { name: '城关办事员', unitId: units.chengguan.id })).id;
    people.villager = (await apiPerson(county.admin, county, { name: '东关村干部', unitId: units.dongguan.id })).id;
    people.hexi = (await apiPerson(county.admin, county, { name: '河西干部', unitId: units.hexi.id })).id;
    const leaderRole = await county.admin.post(`${county.base}/roles`, {
      name: '县领导',
      grants: [
        { permission: 'core.audit.read', scope: 'tenant' },
        { permission: 'core.org.manage', scope: 'tenant' },
      ],
    });
    leaderRoleId = leaderRole.json().id;
    await county.admin.put(`${county.base}/roles/${leaderRoleId}/members`, { personIds: [people.leader] });
    accountClerk = await createScopedUser(platform, county, {
      username: 'account-clerk',
      unitId: units.chengguan.id,
      grants: [{ permission: 'core.users.manage', scope: 'own_unit' }],
    });
    roleClerk = await createScopedUser(platform, county, {
      username: 'role-clerk',
      unitId: units.chengguan.id,
      grants: [
        { permission: 'core.roles.manage', scope: 'tenant' },
        { permission: 'core.org.read', scope: 'unit_subtree' },
      ],
    });
  });
  afterAll(() => platform?.stop());

  const expectRefused = (
    response: { statusCode: number; json(): { error: { code: string; details: { path: string }[] } } },
    code: string,
    path: string,
  ) => {
    expect(response.statusCode, JSON.stringify(response.json())).toBe(403);
    expect(response.json().error.code).toBe(code);
    expect(response.json().error.details.map((d) => d.path)).toContain(path);
  };
  const account = (id: string) => platform.ownerQuery('core_user').where({ tenant_id: county.id, id }).first();

  describe('accounts (core.users.manage, even with the scope own_unit)', () => {
    it('cannot reset a tenant admin’s password (ADMIN_ONLY): the admin’s password is unchanged', async () => {
      const reset = await accountClerk.client.post(`${county.base}/users/${adminId}/reset-password`, { newPassword: 'taken-over-1' });
      expectRefused(reset, CORE_ERRORS.ADMIN_ONLY, 'params.id');
      expect((await platform.client().post(`${county.base}/auth/login`, { login: 'admin', password: 'taken-over-1' })).statusCode).toBe(
        401,
      );
      expect((await platform.client().post(`${county.base}/auth/login`, { login: 'admin', password: ADMIN_PASSWORD })).statusCode).toBe(
        200,
      );
    });

    it('cannot make itself or a new account a tenant admin (ADMIN_ONLY), nothing written', async () => {
      expectRefused(
        await accountClerk.client.patch(`${county.base}/users/${accountClerk.userId}`, { isTenantAdmin: true }),
        CORE_ERRORS.ADMIN_ONLY,
        'body.isTenantAdmin',
      );
      expect((await account(accountClerk.userId)).is_tenant_admin).toBe(false);
      const created = await accountClerk.client.post(`${county.base}/users`, {
        username: 'new-admin',
        displayName: '新管理员',
        personId: people.clerk,
        password: 'new-admin-pass-1',
        isTenantAdmin: true,
      });
      expectRefused(created, CORE_ERRORS.ADMIN_ONLY, 'body.isTenantAdmin');
      expect(await platform.ownerQuery('core_user').where({ tenant_id: county.id, username: 'new-admin' }).first()).toBeUndefined();
    });

    it('cannot link its account to a person who holds more (their roles would be inherited)', async () => {
      expectRefused(
        await accountClerk.client.patch(`${county.base}/users/${accountClerk.userId}`, { personId: people.leader }),
        CORE_ERRORS.PRIVILEGE_EXCEEDED,
        'body.personId',
      );
      expect((await account(accountClerk.userId)).person_id).toBe(accountClerk.personId);
      const created = await accountClerk.client.post(`${county.base}/users`, {
        username: 'leader-twin',
        displayName: '领导分身',
        personId: people.leader,
        password: 'leader-twin-1',
      });
      expectRefused(created, CORE_ERRORS.PRIVILEGE_EXCEEDED, 'body.personId');
    });

    it('cannot disable or change an admin (ADMIN_ONLY): the admin stays active', async () => {
      expectRefused(
        await accountClerk.client.patch(`${county.base}/users/${adminId}`, { status: 'disabled' }),
        CORE_ERRORS.ADMIN_ONLY,
        'params.id',
      );
      expectRefused(
        await accountClerk.client.patch(`${county.base}/users/${adminId}`, { displayName: '改名' }),
        CORE_ERRORS.ADMIN_ONLY,
        'params.id',
      );
      expect(await account(adminId)).toMatchObject({ status: 'active', is_tenant_admin: true });
    });

    it('sees and touches only accounts of people in its own unit; accounts of other units or of nobody are out of reach', async () => {
      const hexiAccount = await county.admin.post(`${county.base}/users`, {
        username: 'hexi-staff',
        displayName: '河西干部',
        personId: people.hexi,
        password: 'hexi-pass-12',
      });
      const villageAccount = await county.admin.post(`${county.base}/users`, {
        username: 'village-staff',
        displayName: '东关村干部',
        personId: people.villager,
        password: 'village-pass-1',
      });
      const listed = (await accountClerk.client.get(`${county.base}/users?limit=200`))
        .json()
        .items.map((u: { username: string }) => u.username);
      expect(listed.sort()).toEqual(['account-clerk', 'role-clerk']);
      // own_unit: a village below the town is outside too.
      expectRefused(
        await accountClerk.client.post(`${county.base}/users/${villageAccount.json().id}/reset-password`, { newPassword: 'taken-over-1' }),
        CORE_ERRORS.PRIVILEGE_EXCEEDED,
        'params.id',
      );
      expectRefused(
        await accountClerk.client.patch(`${county.base}/users/${hexiAccount.json().id}`, { status: 'disabled' }),
        CORE_ERRORS.PRIVILEGE_EXCEEDED,
        'params.id',
      );
      expectRefused(
        await accountClerk.client.post(`${county.base}/users/${hexiAccount.json().id}/unlock`),
        CORE_ERRORS.PRIVILEGE_EXCEEDED,
        'params.id',
      );
      expectRefused(
        await accountClerk.client.post(`${county.base}/users`, { username: 'floating', displayName: '无人', password: 'floating-pass-1' }),
        CORE_ERRORS.PRIVILEGE_EXCEEDED,
        'body.personId',
      );
      expect((await account(hexiAccount.json().id)).status).toBe('active');
    });

    it('still does its job inside its unit: creates, resets and disables accounts of people who hold no more than it does', async () => {
      const created = await accountClerk.client.post(`${county.base}/users`, {
        username: 'chengguan-clerk',
        displayName: '城关办事员',
        personId: people.clerk,
        password: 'clerk-pass-12',
      });
      expect(created.statusCode).toBe(201);
      expect(
        (await accountClerk.client.post(`${county.base}/users/${created.json().id}/reset-password`, { newPassword: 'clerk-pass-34' }))
          .statusCode,
      ).toBe(200);
      expect((await accountClerk.client.patch(`${county.base}/users/${created.json().id}`, { status: 'disabled' })).statusCode).toBe(200);
    });

    it('cannot reset the password of an account whose person holds more than it does', async () => {
      const leaderAccount = await county.admin.post(`${county.base}/users`, {
        username: 'leader',
        displayName: '县领导',
        personId: people.leader,
        password: 'leader-pass-1',
      });
      expectRefused(
        await accountClerk.client.post(`${county.base}/users/${leaderAccount.json().id}/reset-password`, { newPassword: 'taken-over-1' }),
        CORE_ERRORS.PRIVILEGE_EXCEEDED,
        'params.id',
      );
      expect((await platform.client().post(`${county.base}/auth/login`, { login: 'leader', password: 'leader-pass-1' })).statusCode).toBe(
        200,
      );
    });
  });

  describe('roles, grants and members (core.roles.manage)', () => {
    const roleNames = async () => (await platform.ownerQuery('core_role').where({ tenant_id: county.id }).pluck('name')).sort();

    it('cannot create a role granting a permission it lacks, or a scope wider than its own; nothing written', async () => {
      const before = await roleNames();
      const lacking = await roleClerk.client.post(`${county.base}/roles`, {
        name: '全县账号管理',
        grants: [
          { permission: 'core.org.read', scope: 'own_unit' },
          { permission: 'core.users.manage', scope: 'tenant' },
        ],
      });
      expectRefused(lacking, CORE_ERRORS.PRIVILEGE_EXCEEDED, 'body.grants[1]');
      const wider = await roleClerk.client.post(`${county.base}/roles`, {
        name: '全县通讯录',
        grants: [{ permission: 'core.org.read', scope: 'tenant' }],
      });
      expectRefused(wider, CORE_ERRORS.PRIVILEGE_EXCEEDED, 'body.grants[0]');
      expect(await roleNames()).toEqual(before);
    });

    it('cannot add itself to a role that holds more, nor change or delete such a role', async () => {
      const join = await roleClerk.client.put(`${county.base}/roles/${leaderRoleId}/members`, {
        personIds: [people.leader, roleClerk.personId],
      });
      expectRefused(join, CORE_ERRORS.PRIVILEGE_EXCEEDED, 'params.id');
      expectRefused(
        await roleClerk.client.put(`${county.base}/roles/${leaderRoleId}`, { name: '县领导', grants: [] }),
        CORE_ERRORS.PRIVILEGE_EXCEEDED,
        'params.id',
      );
      expectRefused(await roleClerk.client.delete(`${county.base}/roles/${leaderRoleId}`), CORE_ERRORS.PRIVILEGE_EXCEEDED, 'params.id');
      expect(
        await platform.ownerQuery('core_person_role').where({ tenant_id: county.id, role_id: leaderRoleId }).pluck('person_id'),
      ).toEqual([people.leader]);
      expect((await county.admin.get(`${county.base}/roles/${leaderRoleId}`)).json().grants).toHaveLength(2);
    });

    it('cannot add itself to a role by rewriting its grants to more than it holds', async () => {
      const own = await roleClerk.client.post(`${county.base}/roles`, {
        name: '城关通讯录',
        grants: [{ permission: 'core.org.read', scope: 'unit_subtree' }],
      });
      expect(own.statusCode).toBe(201);
      expect(
        (await roleClerk.client.put(`${county.base}/roles/${own.json().id}/members`, { personIds: [roleClerk.personId, people.villager] }))
          .statusCode,
      ).toBe(200);
      const widened = await roleClerk.client.put(`${county.base}/roles/${own.json().id}`, {
        name: '城关通讯录',
        grants: [{ permission: 'core.org.read', scope: 'tenant' }],
      });
      expectRefused(widened, CORE_ERRORS.PRIVILEGE_EXCEEDED, 'body.grants[0]');
    });

    it('gives a grant only where its own reaches: a 城关镇-wide grant cannot go to a person of 河西镇', async () => {
      const role = await roleClerk.client.post(`${county.base}/roles`, {
        name: '本镇通讯录',
        grants: [{ permission: 'core.org.read', scope: 'unit_subtree' }],
      });
      const toHexi = await roleClerk.client.put(`${county.base}/roles/${role.json().id}/members`, {
        personIds: [people.villager, people.hexi],
      });
      expectRefused(toHexi, CORE_ERRORS.PRIVILEGE_EXCEEDED, 'body.personIds[1]');
      expect(
        await platform.ownerQuery('core_person_role').where({ tenant_id: county.id, role_id: role.json().id }).pluck('person_id'),
      ).toEqual([]);
      expect(
        (await roleClerk.client.put(`${county.base}/roles/${role.json().id}/members`, { personIds: [people.villager] })).statusCode,
      ).toBe(200);
    });

    it('a tenant admin still grants anything to anyone', async () => {
      const role = await county.admin.post(`${county.base}/roles`, {
        name: '全县管理',
        grants: [{ permission: 'core.users.manage', scope: 'tenant' }],
      });
      expect(role.statusCode).toBe(201);
      expect((await county.admin.put(`${county.base}/roles/${role.json().id}/members`, { personIds: [people.hexi] })).statusCode).toBe(200);
    });
  });

  it('the tenant configuration apply, which creates admins and grants anything, is for tenant admins only', async () => {
    const manager = await createScopedUser(platform, county, {
      username: 'config-clerk',
      unitId: units.root.id,
      grants: [
        { permission: 'core.users.manage', scope: 'tenant' },
        { permission: 'core.roles.manage', scope: 'tenant' },
      ],
    });
    const config = {
      profile: { slug: 'jiazhou', name: '嘉州县' },
      admins: [{ username: 'config-clerk-admin', displayName: '自封管理员' }],
    };
    const applied = await manager.client.post(`${county.base}/config/apply`, config);
    expect(applied.statusCode).toBe(403);
    expect(await platform.ownerQuery('core_user').where({ tenant_id: county.id, username: 'config-clerk-admin' }).first()).toBeUndefined();
  });
});
