import type { FromSchema } from 'json-schema-to-ts';
import { errorResponses, tenantIdParams, tenantParams, timestamp, uuid } from '../schemas/common.schema.ts';

const nullableText = { type: ['string', 'null'] } as const;
const nullableTime = { type: ['string', 'null'], format: 'date-time' } as const;

/** One export job as its requester sees it; modules answer it too when they queue one (202). */
export const exportView = {
  type: 'object',
  required: [
    'id',
    'module',
    'kind',
    'title',
    'status',
    'done',
    'total',
    'progress',
    'fileId',
    'fileName',
    'error',
    'createdAt',
    'startedAt',
    'finishedAt',
  ],
  properties: {
    id: uuid,
    module: { type: 'string', description: 'The module that writes it' },
    kind: { type: 'string', description: 'What the module writes, e.g. forms `list`, `statistics`, `photos`; dispatch `aggregation`' },
    title: { type: 'string', description: 'What it is, in the language it is written in' },
    status: { type: 'string', enum: ['queued', 'running', 'done', 'failed'] },
    done: { type: 'integer', description: 'Units of work done (rows, assignments)' },
    total: { type: 'integer', description: 'Units of work in all' },
    progress: { type: 'number', description: 'done / total, 1 when done' },
    fileId: { ...nullableText, description: 'The stored file (core file) once done' },
    fileName: { ...nullableText, description: 'Its name once done' },
    error: { ...nullableText, description: 'Why it failed' },
    createdAt: timestamp,
    startedAt: nullableTime,
    finishedAt: nullableTime,
  },
} as const;
/** The web app's type of an export job, from the schema itself. */
export type ExportView = FromSchema<typeof exportView>;

export const listExportsRoute = {
  tags: ['exports'],
  summary: 'The signed-in user’s own exports of every module, newest first, with their progress (others’ exports are never listed)',
  params: tenantParams,
  querystring: {
    type: 'object',
    additionalProperties: false,
    properties: {
      limit: { type: 'integer', minimum: 1, maximum: 100, default: 20 },
      cursor: { ...uuid, description: 'nextCursor of the previous page' },
    },
  },
  response: {
    200: {
      type: 'object',
      required: ['items', 'nextCursor'],
      properties: { items: { type: 'array', items: exportView }, nextCursor: { type: ['string', 'null'] } },
    },
    ...errorResponses,
  },
} as const;

export const getExportRoute = {
  tags: ['exports'],
  summary: 'One of your exports: its state and progress, and its file once done (anyone else’s is a 404)',
  params: tenantIdParams,
  response: { 200: exportView, ...errorResponses },
} as const;

export const downloadExportRoute = {
  tags: ['exports'],
  summary: 'Download the file of one of your finished exports, as an attachment (409 EXPORT_NOT_READY until it is done)',
  params: tenantIdParams,
  response: { 200: { description: 'The file (.xlsx, .zip), as an attachment' }, ...errorResponses },
} as const;
