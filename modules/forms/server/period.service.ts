import { FORMS_ERRORS } from '../schemas/error-codes.ts';
import type { Knex } from 'knex';
import { addTenantWorkingDays, badRequest, type IsoDate } from '../../../core/module-kit.ts';
import type { CollectionRow, PeriodRow } from './collection-assignee.ts';
import { calendarDueDate, periodFromKey, periodOf, type Period } from './periods.ts';

/** The period of a collection that holds `date`, or null when the collection does not run then. */
export function periodAt(collection: CollectionRow, date: IsoDate): Period | null {
  if (date < collection.starts_on || (collection.ends_on !== null && date > collection.ends_on)) return null;
  if (collection.frequency === 'once') return { key: 'once', startsOn: collection.starts_on, endsOn: collection.due_on as string };
  return periodOf(collection.frequency, date);
}

/**
 * Opens a period: its due date comes from the collection (calendar days, or working days of the
 * tenant's calendar after the period ends). Opening it again changes nothing, so the cron job and
 * an admin may both do it, any number of times.
 */
export async function ensurePeriod(trx: Knex.Transaction, tenantId: string, collection: CollectionRow, period: Period): Promise<PeriodRow> {
  const dueOn =
    collection.frequency === 'once'
      ? (collection.due_on as string)
      : collection.due_offset_kind === 'working_days'
        ? (await addTenantWorkingDays(trx, period.endsOn, collection.due_offset)).date
        : calendarDueDate(period, collection.due_offset);
  await trx('forms_period')
    .insert({
      tenant_id: tenantId,
      collection_id: collection.id,
      period_key: period.key,
      starts_on: period.startsOn,
      ends_on: period.endsOn,
      due_on: dueOn,
    })
    .onConflict(['tenant_id', 'collection_id', 'period_key'])
    .ignore();
  return trx('forms_period')
    .where({ collection_id: collection.id, period_key: period.key })
    .first('collection_id', 'period_key', 'starts_on', 'ends_on', 'due_on');
}

/** A period an admin asks for by key: it must fit the frequency, lie within the collection and not be in the future. */
export function requestedPeriod(collection: CollectionRow, key: string, today: IsoDate): Period {
  const period =
    collection.frequency === 'once'
      ? key === 'once'
        ? periodAt(collection, collection.starts_on)
        : null
      : periodFromKey(collection.frequency, key);
  const invalid = (message: string) =>
    badRequest(FORMS_ERRORS.PERIOD_INVALID, `Period "${key}" ${message}`, [{ path: 'body.periodKey', message }]);
  if (!period) throw invalid(`is not a ${collection.frequency} period`);
  if (period.endsOn < collection.starts_on || (collection.ends_on !== null && period.startsOn > collection.ends_on))
    throw invalid('lies outside the collection’s dates');
  if (period.startsOn > today) throw invalid('has not started yet');
  return period;
}

export const periodToView = (row: PeriodRow) => ({
  periodKey: row.period_key,
  startsOn: row.starts_on,
  endsOn: row.ends_on,
  dueOn: row.due_on,
});
