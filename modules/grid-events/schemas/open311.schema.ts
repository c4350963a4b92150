import type { FromSchema } from 'json-schema-to-ts';
import { responseObject, tenantParams, tenantSlug } from '../../../core/schemas/schema-kit.ts';
import { plainText } from './common.schema.ts';
import { trackingCode } from './public.schema.ts';

/**
 * Route schemas of the Open311 GeoReport v2 API (http://wiki.open311.org/GeoReport_v2), mounted
 * at `/open311/t/:tenant/v2/`. Field names are the standard's (snake_case); errors are the
 * standard's list `[{ "code": <HTTP status>, "description" }]`, not the platform's shape.
 */
const tags = ['grid-events', 'open311'];

/** The standard's error answer: one entry per problem, each naming the field it is about. */
export const open311ErrorList = {
  type: 'array',
  items: responseObject({ code: { type: 'integer' }, description: { type: 'string' } }),
} as const;
export type Open311ErrorList = FromSchema<typeof open311ErrorList>;

const open311Errors = { 400: open311ErrorList, 403: open311ErrorList, 404: open311ErrorList, 429: open311ErrorList } as const;

/** A category's code, which is the service_code (schemas/category.schema.ts). */
const serviceCode = { type: 'string', pattern: '^[A-Za-z0-9_-]{1,40}$' } as const;
const nullableText = { type: ['string', 'null'] } as const;
/** Date-times the standard writes: ISO 8601 with the county's offset (`2025-06-01T08:00:00+08:00`). */
const w3DateTime = { type: 'string', format: 'date-time' } as const;

export const discoveryView = responseObject({
  changeset: w3DateTime,
  contact: { type: 'string' },
  key_service: { type: 'string' },
  endpoints: {
    type: 'array',
    items: responseObject({
      specification: { type: 'string' },
      url: { type: 'string' },
      changeset: w3DateTime,
      type: { type: 'string' },
      formats: { type: 'array', items: { type: 'string' } },
    }),
  },
});
export type DiscoveryView = FromSchema<typeof discoveryView>;

export const discoveryRoute = {
  tags,
  summary: 'Open311 service discovery: where this county’s GeoReport v2 endpoint is, its formats (JSON) and how to get an api_key',
  params: tenantParams,
  response: { 200: discoveryView, ...open311Errors },
} as const;

export const serviceView = responseObject({
  service_code: { type: 'string' },
  service_name: { type: 'string' },
  description: { type: 'string' },
  metadata: { type: 'boolean' },
  type: { type: 'string', enum: ['realtime', 'batch', 'blackbox'] },
  keywords: { type: 'string' },
  group: { type: 'string' },
});
export type ServiceView = FromSchema<typeof serviceView>;

export const servicesRoute = {
  tags,
  summary: 'Open311 GET Service List: the county’s active event categories as services (service_code is the category’s code)',
  params: tenantParams,
  response: { 200: { type: 'array', items: serviceView }, ...open311Errors },
} as const;

export const serviceDefinitionRoute = {
  tags,
  summary: 'Open311 GET Service Definition: a service’s extra attributes (none: every service here has metadata false)',
  params: {
    type: 'object',
    required: ['tenant', 'code'],
    additionalProperties: false,
    properties: { tenant: tenantSlug, code: serviceCode },
  },
  response: {
    200: responseObject({ service_code: { type: 'string' }, attributes: { type: 'array', items: { type: 'object' } } }),
    ...open311Errors,
  },
} as const;

export const open311Status = { type: 'string', enum: ['open', 'closed'] } as const;

export const requestView = responseObject({
  service_request_id: { type: 'string' },
  status: open311Status,
  status_notes: nullableText,
  service_name: { type: 'string' },
  service_code: { type: 'string' },
  description: { type: 'string' },
  agency_responsible: nullableText,
  service_notice: nullableText,
  requested_datetime: w3DateTime,
  updated_datetime: w3DateTime,
  expected_datetime: { type: ['string', 'null'], format: 'date-time' },
  address: { type: 'string' },
  address_id: nullableText,
  zipcode: nullableText,
  lat: { type: 'number' },
  long: { type: 'number' },
  media_url: nullableText,
});
export type RequestView = FromSchema<typeof requestView>;

/** Tracking codes, comma separated (each is checked when it is looked up: an unknown one is left out). */
const codeList = { type: 'string', maxLength: 12_000, pattern: '^[0-9A-Za-z, ]*$' } as const;

export const listRequestsRoute = {
  tags,
  summary:
    'Open311 GET Service Requests: requests filed through Open311, newest first, at most 1000; by default those of the last 90 days. service_request_id (comma separated) overrides the other filters',
  params: tenantParams,
  querystring: {
    type: 'object',
    additionalProperties: false,
    properties: {
      service_request_id: { ...codeList, description: 'Tracking codes, comma separated; the other filters are then ignored' },
      service_code: { type: 'string', maxLength: 2000, pattern: '^[A-Za-z0-9_, -]*$', description: 'Comma separated' },
      start_date: { ...w3DateTime, description: 'Requested at or after (ISO 8601 with offset)' },
      end_date: { ...w3DateTime, description: 'Requested at or before (ISO 8601 with offset)' },
      status: { type: 'string', maxLength: 20, pattern: '^(open|closed)( *, *(open|closed))?$', description: 'open, closed or both' },
      jurisdiction_id: { type: 'string', maxLength: 100, description: 'Ignored: the county is the one in the URL' },
      api_key: { type: 'string', maxLength: 200, description: 'Not needed to read; ignored' },
    },
  },
  response: { 200: { type: 'array', items: requestView }, ...open311Errors },
} as const;
export type ListRequestsQuery = FromSchema<typeof listRequestsRoute.querystring>;

/** Fields of a Post Service Request that this server reads or accepts and ignores. */
export const postRequestBody = {
  type: 'object',
  required: ['service_code', 'lat', 'long'],
  additionalProperties: false,
  properties: {
    api_key: { type: 'string', maxLength: 200, description: 'The client’s key, issued by the county (403 without a valid one)' },
    jurisdiction_id: { type: 'string', maxLength: 100, description: 'Ignored: the county is the one in the URL' },
    service_code: { ...serviceCode, description: 'From services.json' },
    lat: { type: 'number', minimum: -90, maximum: 90, description: 'WGS-84 latitude (text in a form body)' },
    long: { type: 'number', minimum: -180, maximum: 180, description: 'WGS-84 longitude (text in a form body)' },
    address_string: plainText(200),
    address_id: { type: 'string', maxLength: 100, description: 'Ignored' },
    email: { type: 'string', maxLength: 254, pattern: '^[^\\s@<>]+@[^\\s@<>]+$', description: 'Kept with the request, never shown' },
    device_id: { type: 'string', maxLength: 200, description: 'Ignored' },
    account_id: { type: 'string', maxLength: 200, description: 'Ignored' },
    first_name: plainText(40),
    last_name: plainText(40),
    phone: {
      type: 'string',
      maxLength: 30,
      pattern: '^\\+?[0-9][0-9 ()-]{2,29}$',
      description: 'Shown to the handlers, never in GET answers',
    },
    description: plainText(4000),
    media_url: {
      type: 'string',
      maxLength: 500,
      pattern: '^https?://[^\\s<>"]+$',
      description: 'Kept as a link (never fetched); answered as media_url while the request has no photo of its own',
    },
  },
  // The services here have no attributes: whatever a client sends as attribute[…] is ignored.
  patternProperties: { '^attribute\\[.{1,100}\\]$': { type: 'string', maxLength: 1000 } },
} as const;
export type PostRequestBody = FromSchema<typeof postRequestBody>;

export const postRequestRoute = {
  tags,
  summary:
    'Open311 POST Service Request (form-urlencoded or JSON) with the client’s api_key: recorded and routed like any report at once, so the answer carries the service_request_id (the tracking code), never a token',
  consumes: ['application/x-www-form-urlencoded', 'application/json'],
  params: tenantParams,
  querystring: {
    type: 'object',
    additionalProperties: false,
    properties: { api_key: { type: 'string', maxLength: 200, description: 'Where a client sends the key in the URL' } },
  },
  body: postRequestBody,
  response: {
    200: {
      type: 'array',
      items: responseObject({ service_request_id: trackingCode, service_notice: { type: 'string' }, account_id: { type: 'null' } }),
    },
    ...open311Errors,
  },
} as const;

export const getRequestRoute = {
  tags,
  summary: 'Open311 GET Service Request: one request filed through Open311, by its service_request_id (the tracking code)',
  params: {
    type: 'object',
    required: ['tenant', 'id'],
    additionalProperties: false,
    properties: { tenant: tenantSlug, id: trackingCode },
  },
  response: { 200: { type: 'array', items: requestView }, ...open311Errors },
} as const;

export const getTokenRoute = {
  tags,
  summary: 'Open311 GET request id from a token: requests are created at once, so a token is the service_request_id itself and answers it',
  params: {
    type: 'object',
    required: ['tenant', 'token'],
    additionalProperties: false,
    properties: { tenant: tenantSlug, token: trackingCode },
  },
  response: {
    200: { type: 'array', items: responseObject({ token: trackingCode, service_request_id: trackingCode }) },
    ...open311Errors,
  },
} as const;

export const unknownResourceRoute = {
  tags,
  summary: 'Any other path under the Open311 endpoint (the .xml forms too: this server answers JSON only): 404 in the standard’s shape',
  params: {
    type: 'object',
    required: ['tenant', '*'],
    additionalProperties: false,
    properties: { tenant: tenantSlug, '*': { type: 'string', maxLength: 2000 } },
  },
  response: { ...open311Errors },
} as const;

export const unknownResourceWithBodyRoute = {
  ...unknownResourceRoute,
  body: { description: 'Whatever is sent: the path is no resource' },
} as const;
