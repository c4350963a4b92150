import type { Knex } from 'knex';
import {
  addDays,
  inQuietHours,
  isIsoDate,
  type IsoDate,
  type ModuleJob,
  type ModuleJobContext,
  tenantTimeZone,
  todayIn,
} from '../../../core/module-kit.ts';
import { formsConfig } from '../forms-config.ts';
import type { CollectionRow, PeriodRow } from './collection-assignee.ts';
import { ensurePeriod, periodAt } from './period.service.ts';
import { remindAutomatically } from './reminder.service.ts';

export const DAILY_JOB = 'forms.daily';

/**
 * Every morning, for each tenant that enabled forms: opens the current period of every running
 * periodic collection, then reminds the assignees still missing in periods due within the
 * tenant's `reminderDaysBefore`. Both steps are idempotent, so a retried or doubled run is
 * harmless. It runs every hour from 07:30 to 21:30 (Asia/Shanghai): the first run of the day
 * does the work; a county whose quiet hours cover the morning gets its reminders with the first
 * run after them (no SMS in quiet hours, as dispatch's). `data.today` (YYYY-MM-DD) runs it for
 * another day (catching up after an outage), `data.now` (ISO time) at another moment.
 */
export const dailyJob: ModuleJob = {
  name: DAILY_JOB,
  cron: '30 7-21 * * *',
  handler: async (data, context) => {
    const now = typeof data.now === 'string' && !Number.isNaN(Date.parse(data.now)) ? new Date(data.now) : new Date();
    for (const tenantId of await context.enabledTenantIds()) {
      // One transaction per tenant: a failing tenant does not hold back the others' work.
      await context.withTenant(tenantId, async ({ db }) => {
        const today =
          typeof data.today === 'string' && isIsoDate(data.today) ? data.today : todayIn(await tenantTimeZone(db, tenantId), now);
        return runForTenant(db, tenantId, today, context, now);
      });
    }
  },
};

export async function runForTenant(
  trx: Knex.Transaction,
  tenantId: string,
  today: IsoDate,
  context: Pick<ModuleJobContext, 'notifier'>,
  now: Date = new Date(),
): Promise<{ opened: number; reminded: number }> {
  let opened = 0;
  const running: CollectionRow[] = await trx('forms_collection')
    .where({ status: 'active' })
    .whereNot('frequency', 'once')
    .where('starts_on', '<=', today)
    .where((w) => w.whereNull('ends_on').orWhere('ends_on', '>=', today));
  for (const collection of running) {
    const period = periodAt(collection, today);
    if (period) {
      await ensurePeriod(trx, tenantId, collection, period);
      opened += 1;
    }
  }

  const config = await formsConfig(trx);
  // Nothing is recorded in quiet hours: the first run after them finds and sends what is due.
  if (inQuietHours({ from: config.quietHoursFrom, to: config.quietHoursTo, timeZone: await tenantTimeZone(trx, tenantId) }, now))
    return { opened, reminded: 0 };
  const periods: (PeriodRow & { collection: CollectionRow })[] = [];
  const duePeriods: PeriodRow[] = await trx('forms_period as per')
    .join('forms_collection as c', function joinCollection() {
      this.on('c.tenant_id', 'per.tenant_id').andOn('c.id', 'per.collection_id');
    })
    .where('c.status', 'active')
    .whereBetween('per.due_on', [today, addDays(today, config.reminderDaysBefore)])
    .select('per.collection_id', 'per.period_key', 'per.starts_on', 'per.ends_on', 'per.due_on');
  for (const period of duePeriods)
    periods.push({
      ...period,
      collection:
        running.find((c) => c.id === period.collection_id) ?? (await trx('forms_collection').where({ id: period.collection_id }).first()),
    });
  let reminded = 0;
  for (const period of periods) {
    reminded += await remindAutomatically({
      trx,
      tenantId,
      notifier: context.notifier,
      collection: period.collection,
      period,
      sms: config.smsReminders,
    });
  }
  return { opened, reminded };
}
