/**
 * Quiet hours (免打扰): a tenant's night, in Beijing hours, during which automatic SMS wait.
 * `from` and `to` are whole hours 0–23; the span may run over midnight (21 → 8); equal hours
 * mean no quiet hours. Asia/Shanghai has no daylight saving, so UTC+8 is exact.
 */
export interface QuietHours {
  from: number;
  to: number;
}

const HOUR_MS = 3_600_000;
const SHANGHAI_OFFSET_MS = 8 * HOUR_MS;

/** When `now` falls in the quiet hours, the instant they end (the next `to`:00 Beijing time); else null. */
export function quietHoursEnd(quiet: QuietHours, now: Date): Date | null {
  const { from, to } = quiet;
  if (from === to) return null;
  const local = new Date(now.getTime() + SHANGHAI_OFFSET_MS);
  const hour = local.getUTCHours();
  const inside = from < to ? hour >= from && hour < to : hour >= from || hour < to;
  if (!inside) return null;
  const endLocal = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate(), to);
  const end = endLocal - SHANGHAI_OFFSET_MS;
  return new Date(end > now.getTime() ? end : end + 24 * HOUR_MS);
}
