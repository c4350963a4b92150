import type { Knex } from 'knex';
import { todayIn } from '../../../core/module-kit.ts';

/**
 * Who stands in for each of these approvers today (委托): the deputy of their delegation whose
 * dates hold the county's today, not revoked. Without one, an approver stands for themselves.
 */
export async function deputiesToday(
  trx: Knex.Transaction,
  userIds: readonly string[],
  now: Date,
  timeZone: string,
): Promise<Map<string, string>> {
  if (userIds.length === 0) return new Map();
  const today = todayIn(timeZone, now);
  const rows: { user_id: string; deputy_user_id: string }[] = await trx('approval_delegation')
    .whereIn('user_id', [...new Set(userIds)])
    .whereNull('revoked_at')
    .where('starts_on', '<=', today)
    .where('ends_on', '>=', today)
    .orderBy('created_at', 'desc')
    .select('user_id', 'deputy_user_id');
  const deputies = new Map<string, string>();
  for (const row of rows) if (!deputies.has(row.user_id)) deputies.set(row.user_id, row.deputy_user_id);
  return deputies;
}

/** Whether `actor` stands in for `approver` today. */
export async function standsInFor(trx: Knex.Transaction, actor: string, approver: string, now: Date, timeZone: string): Promise<boolean> {
  return (await deputiesToday(trx, [approver], now, timeZone)).get(approver) === actor;
}
