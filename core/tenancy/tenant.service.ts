import type { Knex } from 'knex';
import { uuidv7 } from 'uuidv7';
import { hashPassword } from '../auth/password.ts';
import { conflict, notFound } from '../http/errors.ts';
import { containsPattern } from '../db/like.ts';
import { setTenantSql } from '../db/tenant-context-sql.ts';
import { setTransactionTenant } from '../db/tenant-scoping.ts';
import { CORE_ERRORS } from '../schemas/error-codes.ts';

export interface NewTenant {
  slug: string;
  name: string;
  locale?: string;
  admin: { username: string; displayName: string; password: string };
}

const TENANT_COLUMNS = ['id', 'slug', 'name', 'status', 'locale', 'time_zone', 'logo_url', 'created_at', 'suspended_at'];

/**
 * Creates a tenant and its first admin in the caller's platform transaction. The admin row is
 * written under the new tenant's RLS context, as any tenant row must be; the admin must change
 * the password at first sign-in.
 */
export async function createTenant(trx: Knex.Transaction, input: NewTenant): Promise<TenantRow> {
  const existing = await trx('core_tenant').where({ slug: input.slug }).first('id');
  if (existing)
    throw conflict(CORE_ERRORS.TENANT_SLUG_TAKEN, `The address "${input.slug}" is taken`, [{ path: 'body.slug', message: 'is taken' }]);
  const id = uuidv7();
  const [tenant] = await trx('core_tenant')
    .insert({ id, slug: input.slug, name: input.name, locale: input.locale ?? 'zh-CN' })
    .returning(TENANT_COLUMNS);
  await inTenantContext(trx, id, async () => {
    await trx('core_user').insert({
      tenant_id: id,
      id: uuidv7(),
      username: input.admin.username,
      display_name: input.admin.displayName,
      password_hash: await hashPassword(input.admin.password),
      is_tenant_admin: true,
      // The operator chose this password: only the admin should know the one in use.
      must_change_password: true,
    });
  });
  return tenant;
}

export async function setTenantStatus(trx: Knex.Transaction, id: string, status: 'active' | 'suspended'): Promise<TenantRow> {
  const [tenant] = await trx('core_tenant')
    .where({ id })
    .update({ status, suspended_at: status === 'suspended' ? trx.fn.now() : null, updated_at: trx.fn.now() })
    .returning(TENANT_COLUMNS);
  if (!tenant) throw notFound(CORE_ERRORS.TENANT_NOT_FOUND, 'No such tenant');
  return tenant;
}

export async function listTenants(trx: Knex.Transaction, options: { limit: number; cursor?: string; q?: string }): Promise<TenantRow[]> {
  const query = trx('core_tenant').select(TENANT_COLUMNS).orderBy('slug').limit(options.limit);
  if (options.cursor) query.where('slug', '>', options.cursor);
  if (options.q) {
    const pattern = containsPattern(options.q);
    query.where((q) => q.whereILike('name', pattern).orWhereILike('slug', pattern));
  }
  return query;
}

/**
 * Usage of each listed tenant, counted under that tenant's own RLS context (the operator's
 * transaction sees no tenant rows otherwise); the context is cleared afterwards.
 */
export async function tenantUsage(trx: Knex.Transaction, tenantIds: string[]): Promise<Map<string, TenantUsage>> {
  const usage = new Map<string, TenantUsage>();
  for (const id of tenantIds) {
    await inTenantContext(trx, id, async () => {
      const { rows } = await trx.raw(
        `select (select count(*) from core_user where tenant_id = ?)::int as users,
                (select count(*) from core_person where tenant_id = ?)::int as people,
                (select count(*) from core_tenant_module where tenant_id = ? and enabled)::int as enabled_modules,
                (select count(*) from core_audit_log where tenant_id = ?)::int as records`,
        [id, id, id, id],
      );
      usage.set(id, { users: rows[0].users, people: rows[0].people, enabledModules: rows[0].enabled_modules, records: rows[0].records });
    });
  }
  return usage;
}

export async function inTenantContext(trx: Knex.Transaction, tenantId: string, work: () => Promise<void>): Promise<void> {
  await trx.raw(setTenantSql(tenantId));
  setTransactionTenant(trx, tenantId);
  await work();
  // On error the whole transaction rolls back, so only the success path needs the reset.
  await trx.raw(setTenantSql(null));
  setTransactionTenant(trx, null);
}

export interface TenantRow {
  id: string;
  slug: string;
  name: string;
  status: 'active' | 'suspended';
  locale: string;
  time_zone: string;
  logo_url: string | null;
  created_at: Date;
  suspended_at: Date | null;
}

// A type alias, not an interface: the route's response type needs its implicit index signature.
export type TenantUsage = {
  users: number;
  people: number;
  enabledModules: number;
  /** Changes recorded in the tenant's audit trail: how much the county actually works in it. */
  records: number;
};

export function tenantToView(row: TenantRow, usage?: TenantUsage) {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    status: row.status,
    locale: row.locale,
    timeZone: row.time_zone,
    logoUrl: row.logo_url,
    createdAt: row.created_at,
    suspendedAt: row.suspended_at,
    usage,
  };
}
