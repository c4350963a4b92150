import dayjs, { type Dayjs } from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import { useCallback } from 'react';
import { useTenantSession } from '../auth/tenant-session-context';

dayjs.extend(utc);
dayjs.extend(timezone);

/** China's one civil time zone: the zone of a county that has not set its own. */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/**
 * The signed-in county's time zone. Every time the web app shows, and every wall-clock time a
 * picker hands back, is read in it, whatever the browser's zone. It is set once a tenant session
 * loads (a tab is signed in to one county at a time), so plain functions in tables and
 * descriptions can use it without a hook.
 */
let countyZone = DEFAULT_TIME_ZONE;

export function setCountyTimeZone(zone: string | undefined): void {
  countyZone = zone && isKnownZone(zone) ? zone : DEFAULT_TIME_ZONE;
}

export function countyTimeZone(): string {
  return countyZone;
}

/** A moment as the county's clock reads it; `—` for no time, the text itself when it is no time. */
export function countyTime(iso: string | null | undefined, format = 'YYYY-MM-DD HH:mm', zone = countyZone): string {
  if (!iso) return '—';
  const moment = dayjs(iso);
  return moment.isValid() ? moment.tz(zone).format(format) : iso;
}

/** `countyTime` for components that should re-render when the session's zone changes. */
export function useCountyTime(): (iso: string | null | undefined, format?: string) => string {
  const { tenant } = useTenantSession();
  const zone = tenant.timeZone && isKnownZone(tenant.timeZone) ? tenant.timeZone : DEFAULT_TIME_ZONE;
  return useCallback((iso, format) => countyTime(iso, format, zone), [zone]);
}

/** A picked wall-clock time (a date picker's value) read in the county's zone, as an ISO instant. */
export function countyWallTimeToIso(picked: Dayjs): string {
  return dayjs.tz(picked.format('YYYY-MM-DDTHH:mm:ss'), countyZone).toISOString();
}

/** Today's date (YYYY-MM-DD) in the county. */
export function todayInCounty(now: Date = new Date()): string {
  return dayjs(now).tz(countyZone).format('YYYY-MM-DD');
}

function isKnownZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
