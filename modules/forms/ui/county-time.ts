import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import { useCallback } from 'react';
import { useTenantSession } from '../../../admin-ui/src/auth/tenant-session-context';

dayjs.extend(utc);
dayjs.extend(timezone);

const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/** A moment as the county's clock reads it (the tenant's time zone), whatever the browser's zone. */
export function formatCountyTime(iso: string, timeZone: string | undefined, format = 'YYYY-MM-DD HH:mm'): string {
  const moment = dayjs(iso);
  if (!moment.isValid()) return iso;
  try {
    return moment.tz(timeZone || DEFAULT_TIME_ZONE).format(format);
  } catch {
    return moment.tz(DEFAULT_TIME_ZONE).format(format);
  }
}

/** `countyTime(iso, format?)` in the signed-in county's time zone; `—` for no time. */
export function useCountyTime(): (iso: string | null | undefined, format?: string) => string {
  const { tenant } = useTenantSession();
  return useCallback((iso, format) => (iso ? formatCountyTime(iso, tenant.timeZone, format) : '—'), [tenant.timeZone]);
}
