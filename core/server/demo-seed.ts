import fs from 'node:fs';
import type { Knex } from 'knex';
import { uuidv7 } from 'uuidv7';
import type { Database } from '../db/database.ts';
import { setTransactionContext, withTenant } from '../db/tenant-transaction.ts';
import { hashPassword } from '../auth/password.ts';
import type { PlatformModule } from '../modules/contract.ts';
import { ModuleRegistry } from '../modules/module-registry.ts';
import { applyTenantConfigInTransaction } from '../tenant-config/apply-to-database.ts';

export const DEMO = {
  operator: { username: 'operator', password: 'Operator@2026' },
  tenant: { slug: 'demo', name: '示范县' },
  admin: { username: 'admin', password: 'Admin@2026' },
};

/**
 * The demo tenants, one file each in `tenant-config/demo/`: the small 示范县 and one per seed
 * county. Listed here on purpose (no directory scan): a file dropped there is not loaded by surprise.
 */
export const DEMO_TENANT_FILES = ['demo', 'leshan-shizhong', 'huantai', 'suichang', 'zhangzhou', 'donggang'] as const;

export function demoTenantFile(name: (typeof DEMO_TENANT_FILES)[number]): URL {
  return new URL(`../../tenant-config/demo/${name}.json`, import.meta.url);
}

/**
 * On a database without tenants, applies every demo tenant file, the way `npm run tenants:apply`
 * does, and creates the platform operator when there is none (with `operatorPassword`, else the
 * demo one), all in one transaction: a failure leaves the database as it was, so the next start
 * tries again. Every demo admin and staff account gets the demo password. Returns the logins to
 * print, only when it created them (a later start prints no password).
 */
export async function seedDemoIfEmpty(
  db: Database,
  modules: PlatformModule[] = [],
  options: { operatorPassword?: string } = {},
): Promise<string[]> {
  const registry = new ModuleRegistry(modules);
  const created = await withTenant(db, null, async (trx) => {
    if (await trx('core_tenant').first('id')) return null;
    const operator = await createFirstOperator(trx, options.operatorPassword ?? DEMO.operator.password);
    for (const file of DEMO_TENANT_FILES) {
      const config: unknown = JSON.parse(fs.readFileSync(demoTenantFile(file), 'utf8'));
      await applyTenantConfigInTransaction(db, trx, registry, config, { adminPassword: DEMO.admin.password, mustChangePassword: false });
      await setTransactionContext(db, trx, null);
    }
    return { operator };
  });
  if (!created) return [];
  const names = new Map<string, { name: string; staff: string[] }>();
  for (const file of DEMO_TENANT_FILES) {
    const config = JSON.parse(fs.readFileSync(demoTenantFile(file), 'utf8')) as {
      profile: { slug: string; name: string };
      people?: { account?: string }[];
    };
    names.set(config.profile.slug, {
      name: config.profile.name,
      staff: (config.people ?? []).flatMap((p) => (p.account ? [p.account] : [])),
    });
  }
  const operatorLine = !created.operator
    ? []
    : [
        `Platform operator:  ${DEMO.operator.username} / ${options.operatorPassword ? '(the OPERATOR_PASSWORD you set)' : DEMO.operator.password}   (/platform/login)`,
      ];
  return [
    ...operatorLine,
    ...[...names].map(
      ([slug, { name, staff }]) =>
        `Tenant "${slug}" (${name}) admin:  ${DEMO.admin.username} / ${DEMO.admin.password}   (/t/${slug}/login)${staff.length > 0 ? `\n    staff, same password: ${staff.join(', ')}` : ''}`,
    ),
    'These demo logins are printed once, now: change the passwords before real use.',
  ];
}

/**
 * Creates the platform operator `operator` unless an operator exists already (or another node
 * starting at the same moment created it). Returns whether this call created it.
 */
export async function createFirstOperator(
  trx: Knex.Transaction,
  password: string,
  options: { mustChangePassword?: boolean } = {},
): Promise<boolean> {
  if (await trx('core_operator').first('id')) return false;
  const inserted = await trx('core_operator')
    .insert({
      id: uuidv7(),
      username: DEMO.operator.username,
      display_name: '平台运维',
      password_hash: await hashPassword(password),
      must_change_password: options.mustChangePassword === true,
    })
    .onConflict('username')
    .ignore()
    .returning('id');
  return inserted.length > 0;
}
