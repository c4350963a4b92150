import type { FromSchema } from 'json-schema-to-ts';
import {
  cursorQuery,
  errorResponses,
  limitQuery,
  plainName,
  responseObject,
  tenantIdParams,
  tenantParams,
  tenantSlug,
  timestamp,
  uuid,
  XLSX_MIME,
} from '../../../core/schemas/schema-kit.ts';
import { namedRef, nullableString, plainText } from './common.schema.ts';

/** A building's QR token: 20 characters of Crockford base32, 100 bits — what a printed code carries. */
export const buildingToken = { type: 'string', pattern: '^[0-9A-HJKMNP-TV-Z]{20}$' } as const;
/** A unit (单元) of a building, from 1. */
export const buildingUnitNo = { type: 'integer', minimum: 1, maximum: 50 } as const;
/** Households of one building at most: a floor model a page can draw and a sheet can list. */
export const MAX_HOUSEHOLDS_PER_BUILDING = 2000;

/** Where a building stands: WGS-84, or GCJ-02 from a phone map SDK (converted before it is stored). */
const buildingPlace = {
  type: 'object',
  required: ['lon', 'lat'],
  additionalProperties: false,
  properties: {
    lon: { type: 'number', minimum: -180, maximum: 180 },
    lat: { type: 'number', minimum: -90, maximum: 90 },
    crs: { type: 'string', enum: ['wgs84', 'gcj02'], default: 'wgs84' },
  },
} as const;

const floorModel = {
  unitCount: { type: 'integer', minimum: 1, maximum: 50, description: 'Units (单元)' },
  floorCount: { type: 'integer', minimum: 1, maximum: 200 },
  householdsPerFloor: { type: 'integer', minimum: 1, maximum: 50 },
} as const;

export const buildingView = responseObject({
  id: uuid,
  name: { type: 'string' },
  address: { type: 'string' },
  lon: { type: 'number' },
  lat: { type: 'number' },
  gridUnit: namedRef,
  unitCount: { type: 'integer' },
  floorCount: { type: 'integer' },
  householdsPerFloor: { type: 'integer' },
  households: { type: 'integer', description: 'Households laid out' },
  overdue: { type: 'integer', description: 'Households whose visit is due' },
  qrToken: { ...buildingToken, description: 'What its QR code carries: /public/t/:tenant/grid-events/report?building=<qrToken>' },
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type BuildingView = FromSchema<typeof buildingView>;

export const createBuildingRoute = {
  tags: ['grid-events'],
  summary:
    'A manager adds a building (楼栋) as a floor model: units × floors × households per floor. It stands in the grid whose polygon holds its place unless `gridUnitId` names one; its households are laid out unless `generateHouseholds` is false',
  params: tenantParams,
  body: {
    type: 'object',
    required: ['name', 'location', 'unitCount', 'floorCount', 'householdsPerFloor'],
    additionalProperties: false,
    properties: {
      name: plainName,
      address: plainText(200),
      location: buildingPlace,
      gridUnitId: { ...uuid, description: 'A unit of kind grid; default: the grid holding the place' },
      ...floorModel,
      generateHouseholds: { type: 'boolean', default: true },
    },
  },
  response: { 201: buildingView, ...errorResponses },
} as const;
export type BuildingInput = FromSchema<typeof createBuildingRoute.body, { keepDefaultedPropertiesOptional: true }>;

export const updateBuildingRoute = {
  tags: ['grid-events'],
  summary:
    'A manager changes a building: a new place finds its grid again unless `gridUnitId` is given. Changing the floor model keeps the households laid out; generate lays out what is missing',
  params: tenantIdParams,
  body: {
    type: 'object',
    additionalProperties: false,
    minProperties: 1,
    properties: { name: plainName, address: plainText(200), location: buildingPlace, gridUnitId: uuid, ...floorModel },
  },
  response: { 200: buildingView, ...errorResponses },
} as const;
export type BuildingChanges = FromSchema<typeof updateBuildingRoute.body, { keepDefaultedPropertiesOptional: true }>;

export const getBuildingRoute = {
  tags: ['grid-events'],
  summary: 'One building the caller sees (its grid in the scope of one of their grid-events permissions)',
  params: tenantIdParams,
  response: { 200: buildingView, ...errorResponses },
} as const;

export const deleteBuildingRoute = {
  tags: ['grid-events'],
  summary: 'A manager removes a building and its households; refused (409) once a visit was recorded or an event names it',
  params: tenantIdParams,
  response: { 204: { type: 'null' }, ...errorResponses },
} as const;

export const listBuildingsRoute = {
  tags: ['grid-events'],
  summary: 'Buildings the caller sees, by name, with how many households each has and how many are due for a visit',
  params: tenantParams,
  querystring: {
    type: 'object',
    additionalProperties: false,
    properties: {
      gridUnitId: { ...uuid, description: 'In this grid' },
      q: { type: 'string', maxLength: 50, description: 'Words of the name or address' },
      limit: limitQuery,
      cursor: cursorQuery,
    },
  },
  response: { 200: responseObject({ items: { type: 'array', items: buildingView }, nextCursor: nullableString }), ...errorResponses },
} as const;
export type ListBuildingsQuery = FromSchema<typeof listBuildingsRoute.querystring>;

/** The language of the words printed under a code (residents read zh-CN). */
const qrLang = { type: 'string', enum: ['zh-CN', 'en'], default: 'zh-CN' } as const;

export const buildingQrRoute = {
  tags: ['grid-events'],
  summary:
    'The building’s QR code as SVG, with its name: a scan opens the public report page with the building (and `unit`, when given) filled in',
  params: tenantIdParams,
  querystring: { type: 'object', additionalProperties: false, properties: { unit: buildingUnitNo, lang: qrLang } },
  response: { 200: { description: 'image/svg+xml' }, ...errorResponses },
} as const;

export const QR_SHEET_PAGE_SIZE = 12;

export const buildingQrSheetRoute = {
  tags: ['grid-events'],
  summary: `A printable A4 sheet (SVG) of QR codes with building names, ${QR_SHEET_PAGE_SIZE} to a page: one per unit (单元, the default: a sticker at each unit’s door) or one per building. Header X-Page-Count tells how many pages the selection fills`,
  params: tenantParams,
  querystring: {
    type: 'object',
    additionalProperties: false,
    properties: {
      gridUnitId: { ...uuid, description: 'Buildings of this grid (default: every building the caller sees)' },
      buildingId: { type: 'array', items: uuid, maxItems: 200, uniqueItems: true, description: 'Only these buildings' },
      per: { type: 'string', enum: ['unit', 'building'], default: 'unit' },
      page: { type: 'integer', minimum: 1, maximum: 10000, default: 1 },
      lang: qrLang,
    },
  },
  response: { 200: { description: 'image/svg+xml' }, ...errorResponses },
} as const;
export type QrSheetQuery = FromSchema<typeof buildingQrSheetRoute.querystring>;

export const IMPORT_MAX_ROWS = 5000;
export const IMPORT_BODY_LIMIT = 10 * 1024 * 1024;

export const importBuildingsRoute = {
  tags: ['grid-events'],
  summary:
    'Imports buildings from an .xlsx (the template’s columns, either language), all or nothing: any bad row is a 400 naming `rows[n].<column>` and nothing is saved. Each building’s households are laid out. `dryRun` checks only. Send the file as the body with Content-Type application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  params: tenantParams,
  querystring: { type: 'object', additionalProperties: false, properties: { dryRun: { type: 'boolean', default: false } } },
  // The body is the file itself: a Buffer from the content-type parser, checked in the handler.
  body: { content: { [XLSX_MIME]: { schema: { description: 'The .xlsx file' } } } },
  response: {
    200: responseObject({ dryRun: { type: 'boolean' }, buildings: { type: 'integer' }, households: { type: 'integer' } }),
    201: responseObject({ dryRun: { type: 'boolean' }, buildings: { type: 'integer' }, households: { type: 'integer' } }),
    ...errorResponses,
  },
} as const;

export const importTemplateRoute = {
  tags: ['grid-events'],
  summary: 'The .xlsx template of the building import, headers in the language asked',
  params: tenantParams,
  querystring: {
    type: 'object',
    additionalProperties: false,
    properties: { lang: { type: 'string', enum: ['zh-CN', 'en'], default: 'zh-CN' } },
  },
  response: { 200: { description: 'The workbook (.xlsx), as an attachment' }, ...errorResponses },
} as const;

export const publicBuildingView = responseObject({
  name: { type: 'string' },
  address: { type: 'string' },
  lon: { type: 'number' },
  lat: { type: 'number' },
  unitCount: { type: 'integer' },
});
export type PublicBuildingView = FromSchema<typeof publicBuildingView>;

export const publicBuildingRoute = {
  tags: ['grid-events', 'public'],
  summary:
    'The building a scanned QR code names (no sign-in): its name, address, place and number of units, for the report page to fill in — nothing of its households',
  params: {
    type: 'object',
    required: ['tenant', 'token'],
    additionalProperties: false,
    properties: { tenant: tenantSlug, token: buildingToken },
  },
  response: { 200: publicBuildingView, ...errorResponses },
} as const;
