import { fullFormats } from 'ajv-formats/dist/formats.js';

type FormatCheck = (text: string) => boolean;
const rfc3339Date = (fullFormats.date as { validate: FormatCheck }).validate;
const rfc3339DateTime = (fullFormats['date-time'] as { validate: FormatCheck }).validate;

/** Years 0001–9999: what every client, JavaScript's Date and PostgreSQL read alike (no year 0). */
const STORABLE_YEAR = /^(?!0000)\d{4}-/;
/** RFC 3339 allows a leap second (`23:59:60`); PostgreSQL and JavaScript do not keep one. */
const LEAP_SECOND = /[tT\s]\d\d:\d\d:60/;

/** A calendar day (`2025-02-28`) that exists and that PostgreSQL's `date` stores as written. */
export function isStorableDate(text: string): boolean {
  return rfc3339Date(text) && STORABLE_YEAR.test(text);
}

/**
 * An instant with its offset that PostgreSQL reads as written: RFC 3339 (a space instead of `T`
 * and `+08` offsets, as PostgreSQL prints them, included), years 0001–9999, no leap second.
 */
export function isStorableTimestamp(text: string): boolean {
  return rfc3339DateTime(text) && STORABLE_YEAR.test(text) && !LEAP_SECOND.test(text);
}

/** A `date-time` a request may carry: storable, and one JavaScript's Date reads too. */
export function isStorableDateTime(text: string): boolean {
  return isStorableTimestamp(text) && Number.isFinite(Date.parse(text));
}
