import { uuidv7 } from 'uuidv7';
import type { Database } from '../db/database.ts';
import { setTransactionContext, withTenant } from '../db/tenant-transaction.ts';
import { hashPassword } from '../auth/password.ts';
import { seedDemoOrg } from '../org/org-demo-seed.ts';
import { createTenant } from './tenant.service.ts';

export const DEMO = {
  operator: { username: 'operator', password: 'Operator@2026' },
  tenant: { slug: 'demo', name: '示范县' },
  admin: { username: 'admin', password: 'Admin@2026' },
};

/**
 * On an empty database (no tenants), creates the platform operator and the demo tenant with
 * its admin and its org directory (示范县). Returns the lines to print: the demo logins (valid unless someone changed them).
 */
export async function seedDemoIfEmpty(db: Database): Promise<string[]> {
  const isEmpty = await withTenant(db, null, async (trx) => !(await trx('core_tenant').first('id')));
  if (isEmpty) {
    await withTenant(db, null, async (trx) => {
      await trx('core_operator').insert({ id: uuidv7(), username: DEMO.operator.username, display_name: '平台运维', password_hash: await hashPassword(DEMO.operator.password) });
      const tenant = await createTenant(trx, { slug: DEMO.tenant.slug, name: DEMO.tenant.name, admin: { username: DEMO.admin.username, displayName: '县管理员', password: DEMO.admin.password } });
      // Same transaction, now as the demo tenant: a failed seed leaves no half-filled tenant.
      await setTransactionContext(db, trx, tenant.id);
      await seedDemoOrg(trx, tenant.id);
    });
  }
  return [
    `Platform operator:  ${DEMO.operator.username} / ${DEMO.operator.password}   (POST /api/platform/auth/login)`,
    `Demo tenant "${DEMO.tenant.slug}" (${DEMO.tenant.name}) admin:  ${DEMO.admin.username} / ${DEMO.admin.password}   (POST /api/t/${DEMO.tenant.slug}/auth/login)`,
  ];
}
