import type { Knex } from 'knex';
import type { Database } from './database.ts';
import { setRoleSql, setTenantSql } from './tenant-context-sql.ts';
import { setTransactionTenant } from './tenant-scoping.ts';

/**
 * Opens a runtime transaction scoped to one tenant: `app.tenant_id` is set transaction-locally
 * with `SET LOCAL` (safe with pooling, and carried to Citus workers; core/db/tenant-context-sql.ts),
 * so Row Level Security shows and accepts only that tenant's rows.
 * `tenantId` null opens a platform transaction that sees no tenant rows at all.
 */
export async function beginTenantTransaction(db: Database, tenantId: string | null): Promise<Knex.Transaction> {
  if (!db.switchRoleInTransaction) {
    // PostgreSQL: BEGIN and the tenant setting travel in one round trip (core/db/pg-client.ts).
    const trx = await db.runtime.transaction({ beginWith: setTenantSql(tenantId) } as Knex.TransactionConfig);
    setTransactionTenant(trx, tenantId);
    return trx;
  }
  const trx = await db.runtime.transaction();
  try {
    await setTransactionContext(db, trx, tenantId);
  } catch (error) {
    await trx.rollback().catch(() => undefined);
    throw error;
  }
  return trx;
}

export async function setTransactionContext(db: Database, trx: Knex.Transaction, tenantId: string | null): Promise<void> {
  // knex-pglite takes one statement per call.
  await trx.raw(setTenantSql(tenantId));
  setTransactionTenant(trx, tenantId);
  // PGlite connects as superuser, which bypasses RLS even when forced: drop to the runtime role.
  if (db.switchRoleInTransaction) await trx.raw(setRoleSql(db.runtimeRole));
}

/** Runs `work` in a tenant transaction: committed when it resolves, rolled back when it throws. */
export async function withTenant<T>(db: Database, tenantId: string | null, work: (trx: Knex.Transaction) => Promise<T>): Promise<T> {
  const trx = await beginTenantTransaction(db, tenantId);
  try {
    const result = await work(trx);
    await trx.commit();
    return result;
  } catch (error) {
    if (!trx.isCompleted()) await trx.rollback().catch(() => undefined);
    throw error;
  }
}
