import type { Knex } from 'knex';
import { DEFAULT_TIME_ZONE } from './county-time.ts';

/**
 * Whether `now` falls in the county's quiet hours (`from` to `to`, hours of its own clock, which
 * may run over midnight; equal hours: none). The same rule as dispatch's automatic reminders.
 */
export function inQuietHours(from: number, to: number, now: Date, timeZone: string = DEFAULT_TIME_ZONE): boolean {
  if (from === to) return false;
  const hour = Number(new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', hourCycle: 'h23' }).format(now));
  return from < to ? hour >= from && hour < to : hour >= from || hour < to;
}

/** The tenant's time zone, read in its transaction (Asia/Shanghai when unset). */
export async function tenantTimeZone(trx: Knex.Transaction, tenantId: string): Promise<string> {
  const row: { time_zone: string | null } | undefined = await trx('core_tenant').where({ id: tenantId }).first('time_zone');
  return row?.time_zone || DEFAULT_TIME_ZONE;
}
