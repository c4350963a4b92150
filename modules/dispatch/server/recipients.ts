import type { Knex } from 'knex';
import { tenantOfTransaction } from '../../../core/module-kit.ts';

export interface AssignmentTarget {
  id: string;
  unit_id: string;
  person_id: string | null;
}

/**
 * The active accounts that answer for each assignment: the responsible person's own account,
 * and the accounts of the unit's people who hold `dispatch.handle` (through any role). One query
 * whatever the number of assignments.
 */
export async function assignmentUsers(trx: Knex.Transaction, targets: AssignmentTarget[]): Promise<Map<string, string[]>> {
  const byAssignment = new Map<string, string[]>(targets.map((t) => [t.id, []]));
  if (targets.length === 0) return byAssignment;
  const { rows } = await trx.raw(
    `select distinct t.id as assignment_id, usr.id as user_id
       from jsonb_to_recordset(?::jsonb) as t(id uuid, unit_id uuid, person_id uuid)
       join core_person p on p.tenant_id = ? and (p.id = t.person_id or p.unit_id = t.unit_id)
       join core_user usr on usr.tenant_id = p.tenant_id and usr.person_id = p.id and usr.status = 'active'
      where p.id = t.person_id or usr.is_tenant_admin or exists (
        select 1 from core_person_role pr
        join core_role_permission rp on rp.tenant_id = pr.tenant_id and rp.role_id = pr.role_id
        where pr.tenant_id = p.tenant_id and pr.person_id = p.id and rp.permission = 'dispatch.handle')`,
    [JSON.stringify(targets), tenantOfTransaction(trx)],
  );
  for (const row of rows as { assignment_id: string; user_id: string }[]) byAssignment.get(row.assignment_id)?.push(row.user_id);
  return byAssignment;
}

/** Accounts of the heads of units: people whose position is one of `positionNames`. */
export async function unitHeadUsers(trx: Knex.Transaction, unitIds: string[], positionNames: string[]): Promise<Map<string, string[]>> {
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
