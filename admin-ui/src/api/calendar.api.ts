import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { tenantScope } from './api-scope';
import { apiRequest } from './http-client';
import { tenantKeys } from './query-keys';
import type {
  CalendarDayView as CalendarDay,
  CalendarEntry,
  CalendarYear,
  DayKind,
  WorkingDaysResult,
} from '../../../core/calendar/calendar.schema';

export type {
  CalendarDayView as CalendarDay,
  CalendarEntry,
  CalendarYear,
  DayKind,
  WorkingDaysResult,
} from '../../../core/calendar/calendar.schema';

const calendarKeys = {
  all: (slug: string) => [...tenantKeys.all(slug), 'calendar'] as const,
  year: (slug: string, year: number) => [...tenantKeys.all(slug), 'calendar', 'year', year] as const,
  addWorkingDays: (slug: string, from: string, days: number) => [...tenantKeys.all(slug), 'calendar', 'add', from, days] as const,
};

export function useCalendarYear(slug: string, year: number) {
  return useQuery({
    queryKey: calendarKeys.year(slug, year),
    queryFn: ({ signal }) => apiRequest<CalendarYear>(tenantScope(slug), '/calendar/days', { query: { year }, signal }),
  });
}

export function usePutCalendarDay(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ date, kind, name }: { date: string; kind: DayKind; name: string }) =>
      apiRequest<CalendarEntry>(tenantScope(slug), `/calendar/days/${encodeURIComponent(date)}`, { method: 'PUT', body: { kind, name } }),
    // Deadlines computed earlier may now fall elsewhere: every calendar query is refreshed.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: calendarKeys.all(slug) }),
  });
}

export function useDeleteCalendarDay(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (date: string) =>
      apiRequest<CalendarDay>(tenantScope(slug), `/calendar/days/${encodeURIComponent(date)}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: calendarKeys.all(slug) }),
  });
}

/** The date `days` working days after `from` (the start day not counted), once both are given. */
export function useAddWorkingDays(slug: string, input: { from: string; days: number } | null) {
  return useQuery({
    queryKey: calendarKeys.addWorkingDays(slug, input?.from ?? '', input?.days ?? 0),
    queryFn: ({ signal }) =>
      apiRequest<WorkingDaysResult>(tenantScope(slug), '/calendar/add-working-days', {
        query: { from: input?.from, days: input?.days },
        signal,
      }),
    enabled: input !== null,
  });
}
