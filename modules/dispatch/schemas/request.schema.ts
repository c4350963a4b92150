import { cursorQuery, errorResponses, limitQuery, tenantIdParams, tenantParams, timestamp, uuid } from '../../../core/schemas/schema-kit.ts';
import { fileIds, longText, nullableString, nullableTimestamp, title } from './common.schema.ts';

const fileView = { type: 'object', properties: { id: uuid, name: { type: 'string' }, contentType: { type: 'string' }, sizeBytes: { type: 'integer' } } } as const;
const unitView = { type: 'object', properties: { id: uuid, name: { type: 'string' } } } as const;
const userView = { type: 'object', properties: { id: uuid, name: { type: 'string' } } } as const;
const requestStatus = { type: 'string', enum: ['open', 'accepted', 'responded', 'rated', 'returned'] } as const;

export const requestView = {
  type: 'object',
  properties: {
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
    response: {
      type: ['object', 'null'],
      properties: { text: { type: 'string' }, photos: { type: 'array', items: fileView }, by: userView, at: timestamp },
    },
    rating: { type: ['object', 'null'], properties: { score: { type: 'integer' }, comment: nullableString, at: timestamp } },
    accepted: { type: ['object', 'null'], description: '受理: who accepted it and when', properties: { by: { type: 'string' }, at: timestamp } },
    returned: { type: ['object', 'null'], description: '退回: why, who and when', properties: { reason: { type: 'string' }, by: { type: 'string' }, at: timestamp } },
    steps: {
      type: 'array',
      description: 'Accepted, transferred (from one department to another) and returned, oldest first',
      items: {
        type: 'object',
        properties: { kind: { type: 'string', enum: ['accepted', 'transferred', 'returned'] }, fromUnit: unitView, toUnit: { ...unitView, type: ['object', 'null'] }, reason: nullableString, by: { type: 'string' }, at: timestamp },
      },
    },
    viewer: {
      type: 'object',
      description: 'The caller’s side: raises (the calling unit: rates), answers (the called unit: responds), or neither (a supervisor reading)',
      properties: { raises: { type: 'boolean' }, answers: { type: 'boolean' } },
    },
  },
} as const;

export const raiseRequestRoute = {
  tags: ['dispatch'],
  summary: '镇呼县应: the caller’s unit (a town) calls on another unit (a county department) for help; needs dispatch.request. Accepts an Idempotency-Key',
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

export const listRequestsRoute = {
  tags: ['dispatch'],
  summary: 'Requests, newest first: inbox (to the caller’s unit), outbox (from it), or supervised (either side in the caller’s dispatch.supervise scope)',
  params: tenantParams,
  querystring: {
    type: 'object',
    additionalProperties: false,
    properties: { box: { type: 'string', enum: ['inbox', 'outbox', 'supervised'], default: 'inbox' }, status: requestStatus, limit: limitQuery, cursor: cursorQuery },
  },
  response: { 200: { type: 'object', properties: { items: { type: 'array', items: requestView }, nextCursor: nullableString } }, ...errorResponses },
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
