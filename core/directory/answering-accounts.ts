import type { Knex } from 'knex';
import { tenantOfTransaction } from '../db/tenant-scoping.ts';

/** Someone a module's record is addressed to: a person, or a unit (its people who hold a permission). */
export interface AnswerTarget {
  /** The module's own key for the target (an assignment, an assignee): the result is keyed by it. */
  key: string;
  unitId: string | null;
  personId: string | null;
}

/**
 * The active accounts that answer for each target: the person's own account, and the accounts of
 * the unit's people who hold `permission` through any role (a tenant admin holds every
 * permission, as everywhere on the platform). One query whatever the number of targets.
 */
export async function answeringAccounts(
  trx: Knex.Transaction,
  targets: AnswerTarget[],
  permission: string,
): Promise<Map<string, string[]>> {
  const byKey = new Map<string, string[]>(targets.map((t) => [t.key, []]));
  if (targets.length === 0) return byKey;
  const { rows } = await trx.raw(
    `select distinct t.key, usr.id as user_id
       from jsonb_to_recordset(?::jsonb) as t(key text, unit_id uuid, person_id uuid)
       join core_person p on p.tenant_id = ? and (p.id = t.person_id or p.unit_id = t.unit_id)
       join core_user usr on usr.tenant_id = p.tenant_id and usr.person_id = p.id and usr.status = 'active'
      where p.id = t.person_id or usr.is_tenant_admin or exists (
        select 1 from core_person_role pr
        join core_role_permission rp on rp.tenant_id = pr.tenant_id and rp.role_id = pr.role_id
        where pr.tenant_id = p.tenant_id and pr.person_id = p.id and rp.permission = ?)`,
    [JSON.stringify(targets.map((t) => ({ key: t.key, unit_id: t.unitId, person_id: t.personId }))), tenantOfTransaction(trx), permission],
  );
  for (const row of rows as { key: string; user_id: string }[]) byKey.get(row.key)?.push(row.user_id);
  return byKey;
}

/** Accounts of the heads of units: the active accounts of people whose position is one of `positionNames`. */
export async function unitHeadAccounts(trx: Knex.Transaction, unitIds: string[], positionNames: string[]): Promise<Map<string, string[]>> {
  const byUnit = new Map<string, string[]>(unitIds.map((id) => [id, []]));
  if (unitIds.length === 0 || positionNames.length === 0) return byUnit;
  const rows: { unit_id: string; user_id: string }[] = await trx('core_person as p')
    .join('core_position as pos', function joinPosition() {
      this.on('pos.tenant_id', 'p.tenant_id').andOn('pos.id', 'p.position_id');
    })
    .join('core_user as usr', function joinUser() {
      this.on('usr.tenant_id', 'p.tenant_id').andOn('usr.person_id', 'p.id');
    })
    .whereIn('p.unit_id', unitIds)
    .whereIn('pos.name', positionNames)
    .where('usr.status', 'active')
    .distinct('p.unit_id', 'usr.id as user_id');
  for (const row of rows) byUnit.get(row.unit_id)?.push(row.user_id);
  return byUnit;
}
