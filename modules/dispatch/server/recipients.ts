import type { Knex } from 'knex';
import { answeringAccounts } from '../../../core/module-kit.ts';

export interface AssignmentTarget {
  id: string;
  unit_id: string;
  person_id: string | null;
}

/**
 * The active accounts that answer for each assignment: the responsible person's own account,
 * and the accounts of the unit's people who hold `dispatch.handle`. One query whatever the
 * number of assignments.
 */
export function assignmentUsers(trx: Knex.Transaction, targets: AssignmentTarget[]): Promise<Map<string, string[]>> {
  return answeringAccounts(
    trx,
    targets.map((t) => ({ key: t.id, unitId: t.unit_id, personId: t.person_id })),
    'dispatch.handle',
  );
}
