import { DEFAULT_TIME_ZONE } from '../../../core/module-kit.ts';

// A formatter is costly to build and a list formats two times per request: one per zone.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterOf(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    const options: Intl.DateTimeFormatOptions = {
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'longOffset',
    };
    try {
      formatter = new Intl.DateTimeFormat('en-US', { ...options, timeZone });
    } catch {
      // A zone the host does not know: the county's clock falls back to China's, as elsewhere.
      formatter = new Intl.DateTimeFormat('en-US', { ...options, timeZone: DEFAULT_TIME_ZONE });
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * `2025-06-01T08:00:00+08:00`: an instant as ISO 8601 on the county's clock with its offset, the
 * form the Open311 spec asks for (W3C date-time with a zone), readable as the county reads it.
 */
export function isoInZone(moment: Date | string, timeZone: string): string {
  const parts = formatterOf(timeZone).formatToParts(new Date(moment));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  // `GMT+08:00`, or plain `GMT` for a zone at UTC.
  const offset = part('timeZoneName').replace(/^GMT/, '') || '+00:00';
  return `${part('year')}-${part('month')}-${part('day')}T${part('hour')}:${part('minute')}:${part('second')}${offset}`;
}
