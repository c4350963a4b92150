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
import { fileIds, fileView, longText, namedRef, nullableString, nullableTimestamp, title } from './common.schema.ts';

const unitView = namedRef;
const userView = namedRef;
const requestStatus = { type: 'string', enum: ['open', 'accepted', 'responded', 'rated', 'returned'] } as const;
export type RequestStatus = FromSchema<typeof requestStatus>;
const nullableObject = <S extends { type: 'object' }>(schema: S): Omit<S, 'type'> & { readonly type: readonly ['object', 'null'] } => ({
  ...schema,
  type: ['object', 'null'],
});

export const requestView = responseObject({
  id: uuid,
  fromUnit: unitView,
  toUnit: unitView,
  title: { type: 'string' },
  body: { type: 'string' },
  photos: { type: 'array', items: fileView },
  status: requestStatus,
  dueAt: nullableTimestamp,
  createdBy: userView,
  createdAt: timestamp,
  response: nullableObject(
    responseObject({ text: { type: 'string' }, photos: { type: 'array', items: fileView }, by: userView, at: timestamp }),
  ),
  rating: nullableObject(responseObject({ score: { type: 'integer' }, comment: nullableString, at: timestamp })),
  accepted: { ...nullableObject(responseObject({ by: { type: 'string' }, at: timestamp })), description: '受理: who accepted it and when' },
  returned: {
    ...nullableObject(responseObject({ reason: { type: 'string' }, by: { type: 'string' }, at: timestamp })),
    description: '退回: why, who and when',
  },
  steps: {
    type: 'array',
    description: 'Accepted, transferred (from one department to another) and returned, oldest first',
    items: responseObject({
      kind: { type: 'string', enum: ['accepted', 'transferred', 'returned'] },
      fromUnit: unitView,
      toUnit: nullableObject(unitView),
      reason: nullableString,
      by: { type: 'string' },
      at: timestamp,
    }),
  },
  viewer: {
    ...responseObject({ raises: { type: 'boolean' }, answers: { type: 'boolean' } }),
    description:
      'The caller’s side: raises (the calling unit: rates), answers (the called unit: responds), or neither (a supervisor reading)',
  },
});
/** A bottom-up request (镇呼县应) with its answer, rating and steps. */
export type RequestView = FromSchema<typeof requestView>;

export const raiseRequestRoute = {
  tags: ['dispatch'],
  summary:
    '镇呼县应: the caller’s unit (a town) calls on another unit (a county department) for help; needs dispatch.request. Accepts an Idempotency-Key',
  params: tenantParams,
  body: {
    type: 'object',
    required: ['toUnitId', 'title'],
    additionalProperties: false,
    properties: {
      toUnitId: uuid,
      title,
      body: longText(5000),
      photoIds: fileIds(30),
      dueAt: { ...timestamp, description: 'When an answer is needed; in the future' },
    },
  },
  response: { 201: requestView, ...errorResponses },
} as const;
export type RequestInput = FromSchema<typeof raiseRequestRoute.body>;

export const listRequestsRoute = {
  tags: ['dispatch'],
  summary:
    'Requests, newest first: inbox (to the caller’s unit), outbox (from it), or supervised (either side in the caller’s dispatch.supervise scope)',
  params: tenantParams,
  querystring: {
    type: 'object',
    additionalProperties: false,
    properties: {
      box: { type: 'string', enum: ['inbox', 'outbox', 'supervised'], default: 'inbox' },
      status: requestStatus,
      limit: limitQuery,
      cursor: cursorQuery,
    },
  },
  response: { 200: responseObject({ items: { type: 'array', items: requestView }, nextCursor: nullableString }), ...errorResponses },
} as const;

export const getRequestRoute = {
  tags: ['dispatch'],
  summary: 'One request: for the two units’ dispatch.request holders and supervisors over either unit; 404 for anyone else',
  params: tenantIdParams,
  response: { 200: requestView, ...errorResponses },
} as const;

export const respondRequestRoute = {
  tags: ['dispatch'],
  summary: 'The called unit answers an open or accepted request with text and photos (→ responded)',
  params: tenantIdParams,
  body: {
    type: 'object',
    required: ['text'],
    additionalProperties: false,
    properties: { text: { ...longText(5000), minLength: 1, description: 'Not blank' }, photoIds: fileIds(30) },
  },
  response: { 200: requestView, ...errorResponses },
} as const;

export const rateRequestRoute = {
  tags: ['dispatch'],
  summary: 'The calling unit rates the answer 1–5 (responded → rated); a rating of 1 or 2 needs a comment saying why',
  params: tenantIdParams,
  body: {
    type: 'object',
    required: ['rating'],
    additionalProperties: false,
    properties: { rating: { type: 'integer', minimum: 1, maximum: 5 }, comment: longText(1000) },
  },
  response: { 200: requestView, ...errorResponses },
} as const;

export const acceptRequestRoute = {
  tags: ['dispatch'],
  summary: '受理: the called unit accepts an open request (open → accepted); the calling unit is told',
  params: tenantIdParams,
  response: { 200: requestView, ...errorResponses },
} as const;

export const transferRequestRoute = {
  tags: ['dispatch'],
  summary: '转办: the called unit passes an open or accepted request to another department, saying why; it is open there',
  params: tenantIdParams,
  body: {
    type: 'object',
    required: ['toUnitId', 'reason'],
    additionalProperties: false,
    properties: { toUnitId: uuid, reason: { ...longText(1000), minLength: 1, description: 'Not blank' } },
  },
  response: { 200: requestView, ...errorResponses },
} as const;

export const returnRequestRoute = {
  tags: ['dispatch'],
  summary: '退回: the called unit returns an open or accepted request to the calling unit with a reason (→ returned)',
  params: tenantIdParams,
  body: {
    type: 'object',
    required: ['reason'],
    additionalProperties: false,
    properties: { reason: { ...longText(1000), minLength: 1, description: 'Not blank' } },
  },
  response: { 200: requestView, ...errorResponses },
} as const;
