import type { Knex } from 'knex';
import type { Database } from './database.ts';

/**
 * Opens a runtime transaction scoped to one tenant: `app.tenant_id` is set transaction-locally
 * (safe with pooling), so Row Level Security shows and accepts only that tenant's rows.
 * `tenantId` null opens a platform transaction that sees no tenant rows at all.
 */
export async function beginTenantTransaction(db: Database, tenantId: string | null): Promise<Knex.Transaction> {
  if (!db.switchRoleInTransaction) {
    // PostgreSQL: BEGIN and the tenant setting travel in one round trip (core/db/pg-client.ts).
    return db.runtime.transaction({ beginWith: tenantContextSql(tenantId) } as Knex.TransactionConfig);
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
  if (db.switchRoleInTransaction) {
    // PGlite connects as superuser, which bypasses RLS even when forced: drop to the runtime role.
    await trx.raw(`select set_config('app.tenant_id', ?, true), set_config('role', ?, true)`, [tenantId ?? '', db.runtimeRole]);
  } else {
    await trx.raw(`select set_config('app.tenant_id', ?, true)`, [tenantId ?? '']);
  }
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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The setting as SQL text: the id comes from our own tenant table and is checked to be a uuid. */
function tenantContextSql(tenantId: string | null): string {
  if (tenantId !== null && !UUID.test(tenantId)) throw new Error('tenant id is not a uuid');
  return `select set_config('app.tenant_id', '${tenantId ?? ''}', true)`;
}
