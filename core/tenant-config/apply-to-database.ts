import type { Knex } from 'knex';
import type { Database } from '../db/database.ts';
import { beginTenantTransaction, setTransactionContext } from '../db/tenant-transaction.ts';
import type { ModuleRegistry } from '../modules/module-registry.ts';
import { createTenant } from '../tenancy/tenant.service.ts';
import { NO_CACHES } from '../auth/tenant-context.ts';
import { GrantGuard } from '../auth/grant-guard.ts';
import { ReportBuilder, type ApplyReport } from './apply-report.ts';
import { generatePassword } from './apply-access.ts';
import { applyTenantConfig, type ApplyOptions } from './tenant-config-apply.ts';
import { invalidConfig, parseTenantConfig } from './tenant-config-validator.ts';

/**
 * Applies a file outside any request (the CLI, the start-up demo seed) in ONE transaction:
 * creates the tenant when no tenant has the file's slug (its first admin is the file's first
 * admin), then applies the file to it. Committed only when everything succeeded; with `dryRun`,
 * rolled back after the report is made.
 */
export async function applyTenantConfigToDatabase(
  db: Database,
  registry: ModuleRegistry,
  input: unknown,
  options: ApplyOptions = {},
): Promise<ApplyReport> {
  const config = parseTenantConfig(input);
  const trx = await beginTenantTransaction(db, null);
  try {
    const result = await applyTenantConfigInTransaction(db, trx, registry, config, options);
    if (options.dryRun) await trx.rollback();
    else await trx.commit();
    return result;
  } catch (error) {
    if (!trx.isCompleted()) await trx.rollback().catch(() => undefined);
    throw error;
  }
}

/**
 * The same in a platform transaction the caller owns (the demo seed loads several counties in
 * one); leaves the transaction in the applied tenant's context.
 */
export async function applyTenantConfigInTransaction(
  db: Database,
  trx: Knex.Transaction,
  registry: ModuleRegistry,
  input: unknown,
  options: ApplyOptions = {},
): Promise<ApplyReport> {
  const config = parseTenantConfig(input);
  const report = new ReportBuilder();
  let tenant: { id: string } | undefined = await trx('core_tenant').where({ slug: config.profile.slug }).first('id');
  const created = !tenant;
  if (!tenant) {
    const first = config.admins?.[0];
    if (!first) throw invalidConfig([{ path: 'admins', message: 'a new tenant needs at least one admin' }]);
    const password = options.adminPassword ?? generatePassword();
    tenant = await createTenant(trx, {
      slug: config.profile.slug,
      name: config.profile.name,
      locale: config.profile.locale,
      admin: { username: first.username, displayName: first.displayName, password },
    });
    await setTransactionContext(db, trx, tenant.id);
    // As the apply creates every other admin: the file's phone, and a forced change unless told otherwise.
    const mustChange = options.adminPassword === undefined || (options.mustChangePassword ?? true);
    await trx('core_user')
      .where({ tenant_id: tenant.id, username: first.username })
      .update({ phone: first.phone ?? null, must_change_password: mustChange });
    report.add('create', 'tenant', config.profile.slug);
    report.add('create', 'admin', first.username);
    if (options.adminPassword === undefined) report.generatedPasswords.push({ username: first.username, password });
  } else {
    await setTransactionContext(db, trx, tenant.id);
  }
  return applyTenantConfig(
    { trx, tenantId: tenant.id, actorUserId: null, guard: GrantGuard.SYSTEM, registry, caches: NO_CACHES },
    config,
    options,
    { report, tenantCreated: created },
  );
}
