import { DEFAULT_TIME_ZONE, instantOfWallTime, wallClockIn } from '../time/time-zone.ts';

/**
 * Quiet hours (免打扰): a county's night, in hours of its own clock, during which automatic SMS
 * wait. `from` and `to` are whole hours 0–23; the span may run over midnight (21 → 8); equal
 * hours mean no quiet hours. The zone is the county's (Asia/Shanghai when not given).
 */
export interface QuietHours {
  from: number;
  to: number;
  timeZone?: string;
}

export function inQuietHours(quiet: QuietHours, now: Date): boolean {
  const { from, to } = quiet;
  if (from === to) return false;
  const { hour } = wallClockIn(quiet.timeZone ?? DEFAULT_TIME_ZONE, now);
  return from < to ? hour >= from && hour < to : hour >= from || hour < to;
}

/** When `now` falls in the quiet hours, the instant they end (the next `to`:00 of the county's clock); else null. */
export function quietHoursEnd(quiet: QuietHours, now: Date): Date | null {
  if (!inQuietHours(quiet, now)) return null;
  const zone = quiet.timeZone ?? DEFAULT_TIME_ZONE;
  const { date } = wallClockIn(zone, now);
  const today = instantOfWallTime(zone, date, quiet.to);
  if (today.getTime() > now.getTime()) return today;
  const tomorrow = new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  return instantOfWallTime(zone, tomorrow, quiet.to);
}
