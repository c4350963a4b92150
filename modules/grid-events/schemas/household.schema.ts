import type { FromSchema } from 'json-schema-to-ts';
import {
  cursorQuery,
  errorResponses,
  limitQuery,
  responseObject,
  tenantIdParams,
  tenantParams,
  timestamp,
  uuid,
} from '../../../core/schemas/schema-kit.ts';
import { fileIds, fileView, namedRef, nullableInteger, nullableString, nullableTimestamp, plainText } from './common.schema.ts';

/** The tags Donggang marks households with; a county adds its own (with a cadence in the config). */
export const STANDARD_HOUSEHOLD_TAGS = ['空房', '自住', '出租', '独居老人', '留守儿童'] as const;

/** A household tag: a short word without spaces, markup or control characters (a config key too). */
export const householdTag = { type: 'string', minLength: 1, maxLength: 20, pattern: '^[^<>\\s\\u0000-\\u001f\\u007f]+$' } as const;

export const householdView = responseObject({
  id: uuid,
  buildingId: uuid,
  unitNo: { type: 'integer', description: 'The unit (单元), from 1' },
  floor: { type: 'integer' },
  room: { type: 'string', description: 'The room number, e.g. 301 (1单元-3层-301)' },
  tags: { type: 'array', items: { type: 'string' } },
  notes: { type: 'string' },
  lastVisitedAt: nullableTimestamp,
  cadenceDays: { ...nullableInteger, description: 'The shortest visit cadence of its tags; null: no regular visit' },
  visitDueAt: { ...nullableTimestamp, description: 'When the next visit is due: the last visit (else the tagging) plus the cadence' },
  overdue: { type: 'boolean' },
});
export type HouseholdView = FromSchema<typeof householdView>;

export const listHouseholdsRoute = {
  tags: ['grid-events'],
  summary: 'The households of a building the caller sees (its grid in their scope), by unit, floor and room: the floor model',
  params: tenantIdParams,
  response: { 200: responseObject({ items: { type: 'array', items: householdView } }), ...errorResponses },
} as const;

export const generateHouseholdsRoute = {
  tags: ['grid-events'],
  summary:
    'Lays out the building’s households: units × floors × households per floor, rooms numbered floor and place (1单元-3层-301). Idempotent: rooms that exist are kept with their tags and visits',
  params: tenantIdParams,
  response: { 200: responseObject({ created: { type: 'integer' }, existing: { type: 'integer' } }), ...errorResponses },
} as const;

export const updateHouseholdRoute = {
  tags: ['grid-events'],
  summary:
    'Sets a household’s tags (空房, 自住, 出租, 独居老人, 留守儿童, the county’s own) and notes; its next visit is due by the new tags',
  params: tenantIdParams,
  body: {
    type: 'object',
    additionalProperties: false,
    minProperties: 1,
    properties: {
      tags: { type: 'array', items: householdTag, maxItems: 10, uniqueItems: true },
      notes: plainText(500),
    },
  },
  response: { 200: householdView, ...errorResponses },
} as const;
export type HouseholdChanges = FromSchema<typeof updateHouseholdRoute.body>;

export const householdTagsRoute = {
  tags: ['grid-events'],
  summary: 'The household tags to pick from: the standard ones and the county’s own, each with its visit cadence in days (0: none)',
  params: tenantParams,
  response: {
    200: responseObject({
      items: {
        type: 'array',
        items: responseObject({ tag: { type: 'string' }, cadenceDays: { type: 'integer' }, standard: { type: 'boolean' } }),
      },
    }),
    ...errorResponses,
  },
} as const;

export const visitView = responseObject({
  id: uuid,
  householdId: uuid,
  visitorName: { type: 'string' },
  note: { type: 'string' },
  photos: { type: 'array', items: fileView },
  visitedAt: timestamp,
  createdAt: timestamp,
});
export type VisitView = FromSchema<typeof visitView>;

export const recordVisitRoute = {
  tags: ['grid-events'],
  summary:
    'A grid worker records a visit (入户走访) to a household of their grid: a note, photos (POST /files), when (now unless said; not in the future). The next visit is due one cadence later',
  params: tenantIdParams,
  body: {
    type: 'object',
    additionalProperties: false,
    properties: {
      note: plainText(1000),
      photoIds: fileIds(9),
      visitedAt: { ...timestamp, description: 'Default: now' },
    },
  },
  response: { 201: visitView, ...errorResponses },
} as const;
export type VisitInput = FromSchema<typeof recordVisitRoute.body>;

export const listVisitsRoute = {
  tags: ['grid-events'],
  summary: 'The visits recorded for a household, newest first',
  params: tenantIdParams,
  querystring: { type: 'object', additionalProperties: false, properties: { limit: limitQuery, cursor: cursorQuery } },
  response: { 200: responseObject({ items: { type: 'array', items: visitView }, nextCursor: nullableString }), ...errorResponses },
} as const;

export const overdueVisitView = responseObject({
  ...householdView.properties,
  building: responseObject({ id: uuid, name: { type: 'string' }, address: { type: 'string' } }),
  gridUnit: namedRef,
  overdueDays: { type: 'integer', description: 'Whole days since the visit fell due' },
});
export type OverdueVisitView = FromSchema<typeof overdueVisitView>;

export const overdueVisitsRoute = {
  tags: ['grid-events'],
  summary:
    'Households of buildings the caller sees whose visit is due (the shortest cadence of their tags has passed since the last visit, or since they were tagged), oldest first',
  params: tenantParams,
  querystring: {
    type: 'object',
    additionalProperties: false,
    properties: {
      gridUnitId: { ...uuid, description: 'Of buildings in this grid' },
      buildingId: uuid,
      tag: householdTag,
      limit: limitQuery,
      cursor: cursorQuery,
    },
  },
  response: { 200: responseObject({ items: { type: 'array', items: overdueVisitView }, nextCursor: nullableString }), ...errorResponses },
} as const;
export type OverdueVisitsQuery = FromSchema<typeof overdueVisitsRoute.querystring>;
