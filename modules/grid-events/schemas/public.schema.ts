import type { FromSchema } from 'json-schema-to-ts';
export type { HumanCheckChallengeView } from '../../../core/schemas/schema-kit.ts';
import {
  errorResponses,
  humanCheckAnswer,
  responseObject,
  tenantParams,
  tenantSlug,
  timestamp,
  uuid,
} from '../../../core/schemas/schema-kit.ts';
import {
  eventStatus,
  fileIds,
  fileView,
  locationInput,
  mobilePhone,
  nullableInteger,
  nullableString,
  nullableTimestamp,
  plainText,
} from './common.schema.ts';
import { buildingToken, buildingUnitNo } from './building.schema.ts';

/** A tracking code: 10 characters of Crockford base32 (no I, L, O, U), about 50 bits: not guessable. */
export const trackingCode = { type: 'string', pattern: '^[0-9A-HJKMNP-TV-Z]{10}$' } as const;
const codeParams = {
  type: 'object',
  required: ['tenant', 'code'],
  additionalProperties: false,
  properties: { tenant: tenantSlug, code: trackingCode },
} as const;

export const publicCategoryView = responseObject({
  id: uuid,
  parentId: nullableString,
  name: { type: 'string' },
  description: { type: 'string' },
});

export const publicCategoriesRoute = {
  tags: ['grid-events', 'public'],
  summary: 'The categories a citizen picks from on the public report page (no sign-in)',
  params: tenantParams,
  response: { 200: responseObject({ items: { type: 'array', items: publicCategoryView } }), ...errorResponses },
} as const;

export const publicPhotoRoute = {
  tags: ['grid-events', 'public'],
  summary:
    'A citizen uploads one photo for a report (multipart field `file`; images only; no sign-in). Limited per client address; readable only through the event it is attached to',
  params: tenantParams,
  consumes: ['multipart/form-data'],
  response: { 201: fileView, ...errorResponses },
} as const;

export const publicReportRoute = {
  tags: ['grid-events', 'public'],
  summary:
    'A citizen reports an event without an account: category, description, place (a location, or the building and unit of a scanned QR code), photos, a mobile number to be called back on, and a solved human check (POST /human-checks). Answers the tracking code. Limited per client address and per phone',
  params: tenantParams,
  body: {
    type: 'object',
    required: ['categoryId', 'description', 'phone', 'humanCheck'],
    additionalProperties: false,
    properties: {
      categoryId: uuid,
      description: plainText(1000, 1),
      location: { ...locationInput, description: 'Required unless a building’s QR token is sent' },
      buildingToken: { ...buildingToken, description: 'From a building’s QR code (GET public/buildings/:token)' },
      buildingUnit: { ...buildingUnitNo, description: 'The unit (单元) of that building' },
      photoIds: { ...fileIds(9), description: 'Photos from POST /public/photos' },
      phone: mobilePhone,
      name: plainText(40),
      humanCheck: humanCheckAnswer,
    },
  },
  response: { 201: responseObject({ code: trackingCode }), ...errorResponses },
} as const;
export type PublicReportInput = FromSchema<typeof publicReportRoute.body>;

export const publicStepView = responseObject({ action: { type: 'string' }, note: { type: 'string' }, createdAt: timestamp });

export const publicEventView = responseObject({
  code: trackingCode,
  category: { type: 'string' },
  description: { type: 'string' },
  address: { type: 'string' },
  status: eventStatus,
  createdAt: timestamp,
  resolvedAt: nullableTimestamp,
  photos: { type: 'array', items: fileView },
  resolutionNote: { type: 'string' },
  resolutionPhotos: { type: 'array', items: fileView },
  rating: nullableInteger,
  canRate: { type: 'boolean' },
  mergedIntoCode: { ...nullableString, description: 'Reported already: follow this code' },
  steps: { type: 'array', items: publicStepView },
});
export type PublicEventView = FromSchema<typeof publicEventView>;

export const publicEventRoute = {
  tags: ['grid-events', 'public'],
  summary: 'A citizen follows their report by its tracking code (no sign-in): its state and the steps taken, without names or phones',
  params: codeParams,
  response: { 200: publicEventView, ...errorResponses },
} as const;

export const publicEventPhotoRoute = {
  tags: ['grid-events', 'public'],
  summary: 'A photo of the event (the report’s or the resolution’s), by the event’s tracking code',
  params: {
    type: 'object',
    required: ['tenant', 'code', 'fileId'],
    additionalProperties: false,
    properties: { tenant: tenantSlug, code: trackingCode, fileId: uuid },
  },
  response: { ...errorResponses },
} as const;

export const publicRatingRoute = {
  tags: ['grid-events', 'public'],
  summary:
    'The citizen rates a resolved event (1–5, a comment), once. A rating at or below the county’s threshold reopens it for the handler',
  params: codeParams,
  body: {
    type: 'object',
    required: ['rating'],
    additionalProperties: false,
    properties: { rating: { type: 'integer', minimum: 1, maximum: 5 }, comment: plainText(500) },
  },
  response: { 200: publicEventView, ...errorResponses },
} as const;

const extent = {
  type: 'array',
  items: { type: 'number' },
  minItems: 4,
  maxItems: 4,
  description: '[minLon, minLat, maxLon, maxLat], WGS-84',
} as const;

export const publicSettingsView = responseObject({
  tileUrl: { type: 'string', description: 'A raster tile URL with {z} {x} {y}; empty: the map draws on a plain background' },
  extent: { ...extent, description: 'Where the county takes reports: its bounds, else its grids with a margin, else mainland China' },
  center: { type: 'array', items: { type: 'number' }, minItems: 2, maxItems: 2, description: '[lon, lat] of the extent’s middle' },
  maxPhotos: { type: 'integer', description: 'Photos a report may carry' },
});
export type PublicSettingsView = FromSchema<typeof publicSettingsView>;

export const publicSettingsRoute = {
  tags: ['grid-events', 'public'],
  summary:
    'What the public report page needs to draw its map (no sign-in): the county’s tile URL, the extent it takes reports in and its centre, and the photos a report may carry',
  params: tenantParams,
  response: { 200: publicSettingsView, ...errorResponses },
} as const;
