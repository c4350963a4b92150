/** Milliseconds in an hour and in a day of 24 hours (elapsed time, not calendar days: those come from core/time/calendar-date.ts). */
export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;
