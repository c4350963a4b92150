import type { Knex } from 'knex';
import type { IsoDate } from './calendar-date.ts';

/** China's one civil time zone: the zone of a county that has not set its own. */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/** Whether the host knows an IANA zone (`Asia/Urumqi`), as a county's profile may name it. */
export function isTimeZone(zone: string): boolean {
  if (!/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(zone)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * `2025-03-05 07:29` — a moment as the county's clock reads it, whatever the server's zone: what
 * exports, sheets and messages write. A zone the host does not know falls back to Asia/Shanghai
 * rather than failing the export.
 */
export function countyDateTime(moment: Date | string, timeZone: string = DEFAULT_TIME_ZONE): string {
  const date = moment instanceof Date ? moment : new Date(moment);
  if (Number.isNaN(date.getTime())) return String(moment);
  return formatterOf(isTimeZone(timeZone) ? timeZone : DEFAULT_TIME_ZONE).format(date);
}

/** Today's date in the county's zone. */
export function todayIn(timeZone: string, now: Date = new Date()): IsoDate {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: isTimeZone(timeZone) ? timeZone : DEFAULT_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

/** The tenant's time zone, read in its transaction (Asia/Shanghai when unset). */
export async function tenantTimeZone(trx: Knex.Transaction | Knex, tenantId: string): Promise<string> {
  const row: { time_zone: string | null } | undefined = await trx('core_tenant').where({ id: tenantId }).first('time_zone');
  return row?.time_zone || DEFAULT_TIME_ZONE;
}

// A formatter is costly to build and an export formats every row: one per zone.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterOf(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('sv-SE', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall clock of a zone at an instant: its date and hour (0–23). */
export function wallClockIn(timeZone: string, at: Date): { date: IsoDate; hour: number } {
  const parts = partsFormatterOf(timeZone).formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  return { date: `${part('year')}-${part('month')}-${part('day')}`, hour: Number(part('hour')) % 24 };
}

/**
 * The instant a zone's clock shows `date` at `hour`:00. Two passes over the zone's offset, so a
 * zone with daylight saving lands on the right side of a change.
 */
export function instantOfWallTime(timeZone: string, date: IsoDate, hour: number): Date {
  const wall = Date.parse(`${date}T00:00:00Z`) + hour * 3_600_000;
  let instant = wall - offsetMs(timeZone, new Date(wall));
  instant = wall - offsetMs(timeZone, new Date(instant));
  return new Date(instant);
}

/** The last millisecond of a day of the county's calendar: a deadline given as a day is met until its midnight. */
export function endOfDayIn(timeZone: string, date: IsoDate): Date {
  const next = new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  return new Date(instantOfWallTime(timeZone, next, 0).getTime() - 1);
}

/** How far the zone's clock runs ahead of UTC at an instant. */
function offsetMs(timeZone: string, at: Date): number {
  const parts = partsFormatterOf(timeZone).formatToParts(at);
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour') % 24, n('minute'), n('second'));
  return asUtc - Math.floor(at.getTime() / 1000) * 1000;
}

const partsFormatters = new Map<string, Intl.DateTimeFormat>();
function partsFormatterOf(timeZone: string): Intl.DateTimeFormat {
  const zone = isTimeZone(timeZone) ? timeZone : DEFAULT_TIME_ZONE;
  let formatter = partsFormatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    partsFormatters.set(zone, formatter);
  }
  return formatter;
}
