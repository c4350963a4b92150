import type { FromSchema } from 'json-schema-to-ts';
import { errorResponses, responseObject, tenantParams, tenantSlug } from '../schemas/common.schema.ts';

/** A calendar day, `YYYY-MM-DD`, in the years the platform plans for (1970–2199). */
export const calendarDate = { type: 'string', format: 'date', pattern: '^(19[7-9][0-9]|2[01][0-9]{2})-' } as const;

const dayKind = { type: 'string', enum: ['holiday', 'workday'] } as const;
export type DayKind = FromSchema<typeof dayKind>;

/** How one day counts for the tenant. */
export const calendarDayView = responseObject({
  date: { type: 'string' },
  weekday: { type: 'integer', description: '0 Sunday … 6 Saturday' },
  working: { type: 'boolean' },
  source: { type: 'string', enum: ['tenant', 'statutory', 'weekly'] },
  name: { type: 'string' },
});
export type CalendarDayView = FromSchema<typeof calendarDayView>;

/** A listed day: a statutory holiday, a make-up working day (调休) or the tenant's override. */
const listEntryView = responseObject({
  date: { type: 'string' },
  weekday: { type: 'integer', description: '0 Sunday … 6 Saturday' },
  kind: dayKind,
  name: { type: 'string' },
  source: { type: 'string', enum: ['statutory', 'tenant'] },
  inLieu: { type: 'boolean', description: 'A statutory holiday paid for by a make-up working day (调休)' },
  replaces: {
    type: ['object', 'null'],
    description: 'The statutory day a tenant override replaces',
    additionalProperties: false,
    required: ['kind', 'name'],
    properties: { kind: dayKind, name: { type: 'string' } },
  },
});
export type CalendarEntry = FromSchema<typeof listEntryView>;

const calendarYear = responseObject({
  year: { type: 'integer' },
  statutoryKnown: {
    type: 'boolean',
    description: 'false when the statutory arrangement of the year is not published yet: only weekends and overrides count',
  },
  days: { type: 'array', items: listEntryView },
});
export type CalendarYear = FromSchema<typeof calendarYear>;

const workingDaysResult = responseObject({
  from: { type: 'string' },
  days: { type: 'integer' },
  date: { type: 'string' },
  day: calendarDayView,
  skipped: {
    type: 'array',
    description: 'Holidays and tenant days off passed on the way (weekends are not listed)',
    items: calendarDayView,
  },
});
export type WorkingDaysResult = FromSchema<typeof workingDaysResult>;

const workingDaysBetween = responseObject({ from: { type: 'string' }, to: { type: 'string' }, workingDays: { type: 'integer' } });
export type WorkingDaysBetween = FromSchema<typeof workingDaysBetween>;

const dateParams = {
  type: 'object',
  required: ['tenant', 'date'],
  additionalProperties: false,
  properties: { tenant: tenantSlug, date: calendarDate },
} as const;

export const listCalendarYearRoute = {
  tags: ['calendar'],
  summary:
    'Statutory holidays, make-up working days and the tenant’s overrides of one year (ordinary weekdays and weekends are not listed)',
  params: tenantParams,
  querystring: {
    type: 'object',
    additionalProperties: false,
    properties: { year: { type: 'integer', minimum: 1970, maximum: 2199, description: 'Defaults to the current year in China' } },
  },
  response: { 200: calendarYear, ...errorResponses },
} as const;

export const putCalendarDayRoute = {
  tags: ['calendar'],
  summary: 'Override one day for this tenant: a local holiday or an extra working day',
  params: dateParams,
  body: {
    type: 'object',
    required: ['kind'],
    additionalProperties: false,
    properties: { kind: dayKind, name: { type: 'string', maxLength: 50, pattern: '^[^<>\\u0000-\\u001f\\u007f]*$', default: '' } },
  },
  response: { 200: listEntryView, ...errorResponses },
} as const;

export const deleteCalendarDayRoute = {
  tags: ['calendar'],
  summary: 'Remove the tenant’s override of a day; answers how the day counts now',
  params: dateParams,
  response: { 200: calendarDayView, ...errorResponses },
} as const;

export const addWorkingDaysRoute = {
  tags: ['calendar'],
  summary:
    'Deadline `days` working days from `from` (the start day is not counted; negative counts backwards; 0 rolls a day off to the next working day)',
  params: tenantParams,
  querystring: {
    type: 'object',
    required: ['days'],
    additionalProperties: false,
    properties: {
      from: { ...calendarDate, description: 'Defaults to today in China' },
      days: { type: 'integer', minimum: -1000, maximum: 1000 },
    },
  },
  response: { 200: workingDaysResult, ...errorResponses },
} as const;

export const workingDaysBetweenRoute = {
  tags: ['calendar'],
  summary: 'Working days from `from` to `to`, counting `to` and not `from` (negative when `to` is earlier)',
  params: tenantParams,
  querystring: {
    type: 'object',
    required: ['from', 'to'],
    additionalProperties: false,
    properties: { from: calendarDate, to: calendarDate },
  },
  response: { 200: workingDaysBetween, ...errorResponses },
} as const;
