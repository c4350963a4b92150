import { uuidv7 } from 'uuidv7';
import { hashPassword } from '../../core/auth/password.ts';
import { withTenant } from '../../core/db/tenant-transaction.ts';
import type { TestClient } from './test-client.ts';
import type { TestPlatform, TestTenant } from './test-platform.ts';

const PASSWORD = 'user-pass-123';

export interface TestUser {
  id: string;
  username: string;
  client: TestClient;
}

/**
 * Adds an account to a tenant straight in the database (as the accounts API would) and signs it
 * in. `personPhone` also creates a directory entry, under a new unit, linked to the account.
 */
export async function addUser(
  platform: TestPlatform,
  tenant: TestTenant,
  username: string,
  phones: { phone?: string; personPhone?: string } = {},
): Promise<TestUser> {
  const id = uuidv7();
  const passwordHash = await hashPassword(PASSWORD);
  await withTenant(platform.db, tenant.id, async (trx) => {
    let personId: string | null = null;
    if (phones.personPhone) {
      const unitId = uuidv7();
      personId = uuidv7();
      await trx('core_unit').insert({
        tenant_id: tenant.id,
        id: unitId,
        name: `${username} 单位`,
        kind: 'department',
        path: `/${unitId}/`,
        depth: 0,
      });
      await trx('core_person').insert({ tenant_id: tenant.id, id: personId, name: username, phone: phones.personPhone, unit_id: unitId });
    }
    await trx('core_user').insert({
      tenant_id: tenant.id,
      id,
      username,
      display_name: username,
      password_hash: passwordHash,
      phone: phones.phone ?? null,
      person_id: personId,
    });
  });
  const client = await platform.client().loginTenant(tenant.slug, username, PASSWORD);
  return { id, username, client };
}
