import type { FastifyRequest } from 'fastify';
import { audit } from '../audit/audit.service.ts';
import { notFound } from '../http/errors.ts';
import { weekdayOf, type IsoDate } from '../time/calendar-date.ts';
import { loadTenantCalendar } from './calendar.service.ts';
import type { CalendarDay } from './calendar.ts';
import { statutoryDay, statutoryDaysOfYear, statutoryYearKnown } from './statutory-days.ts';
import { CORE_ERRORS } from '../schemas/error-codes.ts';

type DayKind = 'holiday' | 'workday';

/** A day of the year list: a statutory entry, or a tenant override (with the statutory entry it replaces). */
export type CalendarListEntry = {
  date: IsoDate;
  weekday: number;
  kind: DayKind;
  name: string;
  source: 'statutory' | 'tenant';
  /** A statutory holiday paid for by a make-up working day (调休). */
  inLieu: boolean;
  /** For a tenant override: the statutory entry of that day it replaces, if any. */
  replaces: { kind: DayKind; name: string } | null;
};

interface OverrideRow {
  day: string;
  kind: DayKind;
  name: string;
}

/** The tenant's calendar for one year: overrides of the request's tenant and China's statutory days. */
export class CalendarDays {
  constructor(private readonly request: FastifyRequest) {}

  /** Every statutory day and tenant override of `year`, in date order; plain weekdays and weekends are not listed. */
  async listYear(year: number): Promise<{ year: number; statutoryKnown: boolean; days: CalendarListEntry[] }> {
    const rows: OverrideRow[] = await this.request
      .db('core_calendar_day')
      .whereBetween('day', [`${year}-01-01`, `${year}-12-31`])
      .orderBy('day')
      .select('day', 'kind', 'name');
    const byDate = new Map<IsoDate, CalendarListEntry>();
    for (const s of statutoryDaysOfYear(year)) {
      byDate.set(s.date, {
        date: s.date,
        weekday: weekdayOf(s.date),
        kind: s.kind,
        name: s.name,
        source: 'statutory',
        inLieu: s.inLieu,
        replaces: null,
      });
    }
    for (const row of rows) byDate.set(row.day, this.overrideEntry(row));
    const days = [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : 1));
    return { year, statutoryKnown: statutoryYearKnown(year), days };
  }

  /** Sets (or replaces) the tenant's override of a day. */
  async put(date: IsoDate, change: { kind: DayKind; name: string }): Promise<CalendarListEntry> {
    const previous: OverrideRow | undefined = await this.request.db('core_calendar_day').where({ day: date }).first('day', 'kind', 'name');
    const [row]: OverrideRow[] = await this.request
      .db('core_calendar_day')
      .insert({ tenant_id: this.request.tenant.id, day: date, kind: change.kind, name: change.name })
      .onConflict(['tenant_id', 'day'])
      .merge({ kind: change.kind, name: change.name })
      .returning(['day', 'kind', 'name']);
    await audit(this.request, {
      action: 'calendar.day.put',
      recordType: 'calendar_day',
      recordId: date,
      data: { kind: change.kind, name: change.name, previous: previous ? { kind: previous.kind, name: previous.name } : null },
    });
    return this.overrideEntry(row);
  }

  /** Removes the tenant's override of a day; returns how the day counts now. 404 when there is none. */
  async remove(date: IsoDate): Promise<CalendarDay> {
    const removed: OverrideRow[] = await this.request
      .db('core_calendar_day')
      .where({ day: date })
      .delete()
      .returning(['day', 'kind', 'name']);
    if (removed.length === 0) throw notFound(CORE_ERRORS.CALENDAR_OVERRIDE_NOT_FOUND, 'The tenant has no override for this day');
    await audit(this.request, {
      action: 'calendar.day.delete',
      recordType: 'calendar_day',
      recordId: date,
      data: { previous: { kind: removed[0].kind, name: removed[0].name } },
    });
    const calendar = await loadTenantCalendar(this.request.db, date, date);
    return calendar.day(date);
  }

  private overrideEntry(row: OverrideRow): CalendarListEntry {
    const statutory = statutoryDay(row.day);
    return {
      date: row.day,
      weekday: weekdayOf(row.day),
      kind: row.kind,
      name: row.name,
      source: 'tenant',
      inLieu: false,
      replaces: statutory ? { kind: statutory.kind, name: statutory.name } : null,
    };
  }
}
