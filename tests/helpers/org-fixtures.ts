import { randomInt } from 'node:crypto';
import { uuidv7 } from 'uuidv7';
import { hashPassword } from '../../core/auth/password.ts';
import type { DataScopeKind } from '../../core/auth/auth.types.ts';
import type { TestClient } from './test-client.ts';
import type { TestPlatform, TestTenant } from './test-platform.ts';
import { setTenantSql } from '../../core/db/tenant-context-sql.ts';

export const SCOPED_PASSWORD = 'scoped-pass-123';

export interface Grant {
  permission: string;
  scope: DataScopeKind;
}

export interface ScopedUser {
  client: TestClient;
  personId: string;
  userId: string;
}

/** A fresh mainland mobile number for a test person. */
export function randomPhone(): string {
  return `139${String(randomInt(0, 100_000_000)).padStart(8, '0')}`;
}

/**
 * A signed-in non-admin user: a person in `unitId` holding one role with `grants`, and an
 * account linked to that person. Written as the table owner (the role API is not what is
 * under test), inside the tenant's RLS context so it works for a non-superuser owner too.
 */
export async function createScopedUser(
  platform: TestPlatform,
  tenant: TestTenant,
  options: { username: string; unitId: string; grants: Grant[] },
): Promise<ScopedUser> {
  const personId = uuidv7();
  const roleId = uuidv7();
  const userId = uuidv7();
  const passwordHash = await hashPassword(SCOPED_PASSWORD);
  await platform.db.owner.transaction(async (trx) => {
    await trx.raw(setTenantSql(tenant.id));
    const t = { tenant_id: tenant.id };
    await trx('core_person').insert({ ...t, id: personId, name: `${options.username}本人`, phone: randomPhone(), unit_id: options.unitId });
    await trx('core_role').insert({ ...t, id: roleId, name: `${options.username}的角色` });
    if (options.grants.length > 0)
      await trx('core_role_permission').insert(
        options.grants.map((g) => ({ ...t, role_id: roleId, permission: g.permission, scope: g.scope })),
      );
    await trx('core_person_role').insert({ ...t, person_id: personId, role_id: roleId });
    await trx('core_user').insert({
      ...t,
      id: userId,
      username: options.username,
      display_name: options.username,
      password_hash: passwordHash,
      person_id: personId,
    });
  });
  const client = await platform.client().loginTenant(tenant.slug, options.username, SCOPED_PASSWORD);
  return { client, personId, userId };
}

/** Read and manage grants of the directory with one scope. */
export function orgGrants(scope: DataScopeKind, manage = true): Grant[] {
  return [{ permission: 'core.org.read', scope }, ...(manage ? [{ permission: 'core.org.manage', scope }] : [])];
}

/** Creates a unit through the API; throws unless it is created. */
export async function apiUnit(
  client: TestClient,
  tenant: TestTenant,
  body: { name: string; kind: string; parentId?: string | null; code?: string; sort?: number },
): Promise<{ id: string; path: string; depth: number }> {
  const response = await client.post(`${tenant.base}/org/units`, body);
  if (response.statusCode !== 201) throw new Error(`create unit ${body.name}: ${response.statusCode} ${response.body}`);
  return response.json();
}

/** Creates a person through the API; throws unless they are created. */
export async function apiPerson(
  client: TestClient,
  tenant: TestTenant,
  body: { name: string; unitId: string; phone?: string; positionId?: string | null },
): Promise<{ id: string; phone: string }> {
  const response = await client.post(`${tenant.base}/org/people`, { phone: randomPhone(), ...body });
  if (response.statusCode !== 201) throw new Error(`create person ${body.name}: ${response.statusCode} ${response.body}`);
  return response.json();
}

/** Audit entries of one record, oldest first, read as the owner. */
export async function auditOf(
  platform: TestPlatform,
  tenantId: string,
  recordId: string,
): Promise<{ action: string; data: Record<string, unknown> }[]> {
  return platform
    .ownerQuery('core_audit_log')
    .where({ tenant_id: tenantId, record_id: recordId })
    .orderBy('at')
    .orderBy('id')
    .select('action', 'data');
}
