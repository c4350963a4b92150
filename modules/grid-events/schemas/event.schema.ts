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
import {
  eventSource,
  eventStatus,
  fileIds,
  fileView,
  locationInput,
  namedRef,
  nullableInteger,
  nullableNamedRef,
  nullableString,
  nullableTimestamp,
  plainText,
  reasonText,
} from './common.schema.ts';
import { buildingUnitNo } from './building.schema.ts';

/** What the caller may do with the event now: the page shows these buttons and no others. */
export const eventAction = {
  type: 'string',
  enum: ['accept', 'start', 'resolve', 'close', 'return', 'reroute', 'requestExtension', 'decideExtension', 'callback'],
} as const;
export type EventAction = FromSchema<typeof eventAction>;

export const stepView = responseObject({
  id: uuid,
  action: { type: 'string' },
  actorName: { type: 'string' },
  fromStatus: nullableString,
  toStatus: nullableString,
  unit: nullableNamedRef,
  note: { type: 'string' },
  photos: { type: 'array', items: fileView },
  createdAt: timestamp,
});
export type StepView = FromSchema<typeof stepView>;

/** One event as a list shows it. */
export const eventSummary = responseObject({
  id: uuid,
  code: { type: 'string' },
  category: namedRef,
  description: { type: 'string' },
  lon: { type: 'number' },
  lat: { type: 'number' },
  address: { type: 'string' },
  source: eventSource,
  status: eventStatus,
  level: { type: 'integer' },
  handlingUnit: nullableNamedRef,
  gridUnit: nullableNamedRef,
  quick: { type: 'boolean' },
  overdue: { type: 'boolean', description: 'Past its accept or resolve deadline and not resolved' },
  acceptDueAt: nullableTimestamp,
  resolveDueAt: nullableTimestamp,
  rating: nullableInteger,
  createdAt: timestamp,
});
export type EventSummary = FromSchema<typeof eventSummary>;

export const eventView = responseObject({
  ...eventSummary.properties,
  reporterName: { type: 'string' },
  reporterPhone: { ...nullableString, description: 'Shown to those who handle or manage the event' },
  routedBy: nullableString,
  acceptedAt: nullableTimestamp,
  resolvedAt: nullableTimestamp,
  closedAt: nullableTimestamp,
  photos: { type: 'array', items: fileView },
  resolutionPhotos: { type: 'array', items: fileView },
  resolutionNote: { type: 'string' },
  extension: {
    type: ['object', 'null'],
    required: ['hours', 'reason'],
    properties: { hours: { type: 'integer' }, reason: { type: 'string' } },
    description: 'A pending extension request',
  },
  ratingComment: nullableString,
  reopenCount: { type: 'integer' },
  mergedIntoCode: nullableString,
  callbackStatus: nullableString,
  callbackResult: nullableString,
  callbackNote: nullableString,
  steps: { type: 'array', items: stepView },
  actions: { type: 'array', items: eventAction },
});
export type EventView = FromSchema<typeof eventView>;

const statusList = { type: 'array', items: eventStatus, maxItems: 7, uniqueItems: true } as const;

export const reportEventRoute = {
  tags: ['grid-events'],
  summary:
    'A grid worker reports an event (上报): category, description, photos, the place (the event’s place, not the reporter’s) and/or a building (`buildingId`, `buildingUnit`: its place when no location is sent). It goes to the building’s grid, else the grid holding the place, else to the category’s department. `quick`: handled on the spot (减负), recorded and closed in one step, with its photo. Accepts an Idempotency-Key',
  params: tenantParams,
  body: {
    type: 'object',
    required: ['categoryId', 'description', 'photoIds'],
    additionalProperties: false,
    properties: {
      categoryId: uuid,
      description: plainText(1000, 1),
      location: { ...locationInput, description: 'Required unless a building is named' },
      buildingId: { ...uuid, description: 'The building it happened at' },
      buildingUnit: { ...buildingUnitNo, description: 'The unit (单元) of that building' },
      photoIds: { ...fileIds(20, 1), description: 'Uploaded photos (POST /files)' },
      quick: {
        type: 'object',
        required: ['note'],
        additionalProperties: false,
        description: 'Handled on the spot: closed at once; the report’s photos show it',
        properties: { note: plainText(1000, 1) },
      },
    },
  },
  response: { 201: eventView, ...errorResponses },
} as const;
export type ReportEventInput = FromSchema<typeof reportEventRoute.body>;

export const listEventsRoute = {
  tags: ['grid-events'],
  summary:
    'Events the caller sees (handled by, or happening in, units of their scope, and those they reported), newest first, with filters',
  params: tenantParams,
  querystring: {
    type: 'object',
    additionalProperties: false,
    properties: {
      status: { ...statusList, description: 'Any of these states' },
      categoryId: uuid,
      gridUnitId: { ...uuid, description: 'Happening in this grid' },
      handlingUnitId: { ...uuid, description: 'Handled by this unit' },
      overdue: { type: 'boolean' },
      mine: { type: 'boolean', description: 'Only what the caller reported' },
      q: { type: 'string', maxLength: 50, description: 'Code, or words of the description or address' },
      limit: limitQuery,
      cursor: cursorQuery,
    },
  },
  response: { 200: responseObject({ items: { type: 'array', items: eventSummary }, nextCursor: nullableString }), ...errorResponses },
} as const;
export type ListEventsQuery = FromSchema<typeof listEventsRoute.querystring>;

export const eventQueueRoute = {
  tags: ['grid-events'],
  summary:
    'The handler’s queue: open events handled by the caller’s units (those where they hold grid-events.handle), oldest deadline first',
  params: tenantParams,
  querystring: { type: 'object', additionalProperties: false, properties: { limit: limitQuery, cursor: cursorQuery } },
  response: { 200: responseObject({ items: { type: 'array', items: eventSummary }, nextCursor: nullableString }), ...errorResponses },
} as const;

export const getEventRoute = {
  tags: ['grid-events'],
  summary: 'One event the caller sees, with its timeline and what the caller may do now',
  params: tenantIdParams,
  response: { 200: eventView, ...errorResponses },
} as const;

const stepRoute = (summary: string) =>
  ({ tags: ['grid-events'], summary, params: tenantIdParams, response: { 200: eventView, ...errorResponses } }) as const;
const stepRouteWith = <const Body extends object>(summary: string, body: Body) => ({ ...stepRoute(summary), body }) as const;

export const acceptEventRoute = stepRoute('The handling unit accepts (签收) the event; its resolve deadline runs from the report');
export const startEventRoute = stepRoute('The handler starts work on an accepted event');
export const resolveEventRoute = stepRouteWith('The handler resolves (办结) the event: what was done, with at least one photo', {
  type: 'object',
  required: ['note', 'photoIds'],
  additionalProperties: false,
  properties: { note: plainText(1000, 1), photoIds: fileIds(20, 1) },
});
export const closeEventRoute = stepRouteWith('A manager closes (结案) a resolved event', {
  type: 'object',
  additionalProperties: false,
  properties: { note: plainText(500) },
});
export const returnEventRoute = stepRouteWith(
  'The handling unit returns (退单) an event that is not theirs, with the reason: it waits for a manager to route it',
  { type: 'object', required: ['reason'], additionalProperties: false, properties: { reason: reasonText } },
);
export const rerouteEventRoute = stepRouteWith('A manager routes or re-routes the event to a unit, with the reason', {
  type: 'object',
  required: ['unitId', 'reason'],
  additionalProperties: false,
  properties: { unitId: uuid, reason: reasonText },
});
export const requestExtensionRoute = stepRouteWith('The handler asks for more time (延期), with the reason', {
  type: 'object',
  required: ['hours', 'reason'],
  additionalProperties: false,
  properties: { hours: { type: 'integer', minimum: 1, maximum: 720 }, reason: reasonText },
});
export const decideExtensionRoute = stepRouteWith('A manager grants or refuses the pending extension', {
  type: 'object',
  required: ['approve'],
  additionalProperties: false,
  properties: { approve: { type: 'boolean' }, note: plainText(500) },
});
export const callbackEventRoute = stepRouteWith('A manager records the call-back (回访) of a resolved event drawn for one', {
  type: 'object',
  required: ['result'],
  additionalProperties: false,
  properties: { result: { type: 'string', enum: ['satisfied', 'unsatisfied', 'unreachable'] }, note: plainText(500) },
});

export const duplicateCandidate = responseObject({ ...eventSummary.properties, distanceMeters: { type: 'integer' } });

export const eventDuplicatesRoute = {
  tags: ['grid-events'],
  summary:
    'Likely duplicates of an event: events the caller sees of the same category, within the county’s radius and time window, not closed or merged, nearest first',
  params: tenantIdParams,
  response: { 200: responseObject({ items: { type: 'array', items: duplicateCandidate } }), ...errorResponses },
} as const;

export const mergeEventRoute = stepRouteWith(
  'Merges an open event the caller handles or manages into another open one it sees (the survivor): it leaves the lists; its reporters are pointed at the survivor and hear of its resolution',
  { type: 'object', required: ['intoId'], additionalProperties: false, properties: { intoId: uuid } },
);
