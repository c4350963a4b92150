import type { RoutePlugin } from '../http/route-plugin.ts';
import { requirePermission } from '../auth/permissions.ts';
import { badRequest } from '../http/errors.ts';
import { toDayNumber } from '../time/calendar-date.ts';
import { todayIn } from '../time/time-zone.ts';
import { CalendarDays } from './calendar-day.service.ts';
import { addTenantWorkingDays, CALENDAR_MAX_SPAN_DAYS, tenantWorkingDaysBetween } from './calendar.service.ts';
import { CalendarRangeError } from './calendar.ts';
import {
  addWorkingDaysRoute,
  deleteCalendarDayRoute,
  listCalendarYearRoute,
  putCalendarDayRoute,
  workingDaysBetweenRoute,
} from './calendar.schema.ts';
import { CORE_ERRORS } from '../schemas/error-codes.ts';

/** The tenant's working-day calendar: read by every signed-in user, changed with `core.calendar.manage`. */
export const calendarRoutes: RoutePlugin = async (app) => {
  app.get('/calendar/days', { schema: listCalendarYearRoute }, async (request) => {
    const year = request.query.year ?? Number(todayIn(request.tenant.timeZone).slice(0, 4));
    return new CalendarDays(request).listYear(year);
  });

  app.put('/calendar/days/:date', { schema: putCalendarDayRoute }, async (request) => {
    await requirePermission(request, 'core.calendar.manage');
    return new CalendarDays(request).put(request.params.date, { kind: request.body.kind, name: request.body.name ?? '' });
  });

  app.delete('/calendar/days/:date', { schema: deleteCalendarDayRoute }, async (request) => {
    await requirePermission(request, 'core.calendar.manage');
    return new CalendarDays(request).remove(request.params.date);
  });

  app.get('/calendar/add-working-days', { schema: addWorkingDaysRoute }, async (request) => {
    const from = request.query.from ?? todayIn(request.tenant.timeZone);
    const days = request.query.days;
    let result: Awaited<ReturnType<typeof addTenantWorkingDays>>;
    try {
      result = await addTenantWorkingDays(request.db, from, days);
    } catch (error) {
      if (!(error instanceof CalendarRangeError)) throw error;
      throw badRequest(
        CORE_ERRORS.CALENDAR_NO_WORKING_DAY,
        `No deadline within ${CALENDAR_MAX_SPAN_DAYS} days: the tenant's calendar has too few working days`,
        [{ path: 'querystring.days', message: 'reaches no working day' }],
      );
    }
    const [first, last] = result.date < from ? [result.date, from] : [from, result.date];
    const skipped = result.calendar.days(first, last).filter((d) => !d.working && d.source !== 'weekly' && d.date !== from);
    return { from, days, date: result.date, day: result.calendar.day(result.date), skipped };
  });

  app.get('/calendar/working-days-between', { schema: workingDaysBetweenRoute }, async (request) => {
    const { from, to } = request.query;
    if (Math.abs(toDayNumber(to) - toDayNumber(from)) > CALENDAR_MAX_SPAN_DAYS) {
      throw badRequest(CORE_ERRORS.CALENDAR_RANGE_TOO_LONG, `The range may span at most ${CALENDAR_MAX_SPAN_DAYS} days`, [
        { path: 'querystring.to', message: `is more than ${CALENDAR_MAX_SPAN_DAYS} days from "from"` },
      ]);
    }
    return { from, to, workingDays: await tenantWorkingDaysBetween(request.db, from, to) };
  });
};
