import type { Knex } from 'knex';
import { containsPattern } from '../db/like.ts';

/** An account as modules need it: who it is, whether it may act, where its person sits. */
export interface AccountFacts {
  id: string;
  displayName: string;
  active: boolean;
  isTenantAdmin: boolean;
  personId: string | null;
  unitId: string | null;
}

/** The facts of these accounts (those of the tenant), by id, in one query. */
export async function accountFacts(trx: Knex.Transaction, ids: readonly string[]): Promise<Map<string, AccountFacts>> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return new Map();
  const rows: {
    id: string;
    display_name: string;
    status: string;
    is_tenant_admin: boolean;
    person_id: string | null;
    unit_id: string | null;
  }[] = await trx('core_user as u')
    .leftJoin('core_person as p', function joinPerson() {
      this.on('p.tenant_id', 'u.tenant_id').andOn('p.id', 'u.person_id');
    })
    .whereIn('u.id', wanted)
    .select('u.id', 'u.display_name', 'u.status', 'u.is_tenant_admin', 'u.person_id', 'p.unit_id');
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        displayName: r.display_name,
        active: r.status === 'active',
        isTenantAdmin: r.is_tenant_admin,
        personId: r.person_id,
        unitId: r.unit_id,
      },
    ]),
  );
}

/** The roles of the tenant among these ids, with their names. */
export async function roleNames(trx: Knex.Transaction, ids: readonly string[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return new Map();
  const rows: { id: string; name: string }[] = await trx('core_role').whereIn('id', wanted).select('id', 'name');
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The active accounts whose person holds the role, with the person's unit, in one query. */
export async function roleAccounts(trx: Knex.Transaction, roleId: string): Promise<{ userId: string; unitId: string | null }[]> {
  const rows: { user_id: string; unit_id: string | null }[] = await trx('core_person_role as pr')
    .join('core_person as p', function joinPerson() {
      this.on('p.tenant_id', 'pr.tenant_id').andOn('p.id', 'pr.person_id');
    })
    .join('core_user as u', function joinUser() {
      this.on('u.tenant_id', 'p.tenant_id').andOn('u.person_id', 'p.id');
    })
    .where('pr.role_id', roleId)
    .where('u.status', 'active')
    .distinct('u.id as user_id', 'p.unit_id');
  return rows.map((r) => ({ userId: r.user_id, unitId: r.unit_id }));
}

/** The tenant's active administrators: who takes what nobody else can. */
export async function tenantAdminAccounts(trx: Knex.Transaction): Promise<string[]> {
  return trx('core_user').where({ is_tenant_admin: true, status: 'active' }).orderBy('id').pluck('id');
}

/** Active accounts whose name contains `q` (all when empty), by name, with their unit's name: what pickers of approvers offer. */
export async function accountsNamed(
  trx: Knex.Transaction,
  q: string,
  limit: number,
): Promise<{ id: string; displayName: string; unitName: string | null }[]> {
  const rows: { id: string; display_name: string; unit_name: string | null }[] = await trx('core_user as u')
    .leftJoin('core_person as p', function joinPerson() {
      this.on('p.tenant_id', 'u.tenant_id').andOn('p.id', 'u.person_id');
    })
    .leftJoin('core_unit as un', function joinUnit() {
      this.on('un.tenant_id', 'p.tenant_id').andOn('un.id', 'p.unit_id');
    })
    .where('u.status', 'active')
    .modify((query) => (q ? query.whereILike('u.display_name', containsPattern(q)) : query))
    .orderBy([{ column: 'u.display_name' }, { column: 'u.id' }])
    .limit(limit)
    .select('u.id', 'u.display_name', 'un.name as unit_name');
  return rows.map((r) => ({ id: r.id, displayName: r.display_name, unitName: r.unit_name }));
}

/** The tenant's roles among these names, by name (what a tenant-config file names roles by). */
export async function rolesNamed(trx: Knex.Transaction, names: readonly string[]): Promise<Map<string, string>> {
  const wanted = [...new Set(names)];
  if (wanted.length === 0) return new Map();
  const rows: { id: string; name: string }[] = await trx('core_role').whereIn('name', wanted).select('id', 'name');
  return new Map(rows.map((r) => [r.name, r.id]));
}
