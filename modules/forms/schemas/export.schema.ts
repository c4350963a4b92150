import { cursorQuery, errorResponses, tenantParams, timestamp, uuid } from '../../../core/module-kit.ts';
import { formIdParams } from './common.schema.ts';
import { exportLang, fieldFilterPattern, filterHelp, filterProperties } from './results.schema.ts';

export const exportParams = formIdParams;

const exportView = {
  type: 'object',
  properties: {
    id: uuid,
    formId: uuid,
    formName: { type: 'string', description: 'The form’s name now' },
    kind: { type: 'string', enum: ['list', 'statistics', 'photos'] },
    status: { type: 'string', enum: ['queued', 'running', 'done', 'failed'] },
    rowsTotal: { type: 'integer' },
    rowsDone: { type: 'integer' },
    progress: { type: 'number', description: 'rowsDone / rowsTotal, 1 when done' },
    fileId: { type: ['string', 'null'], description: 'The stored .xlsx or .zip (core file) once done' },
    error: { type: ['string', 'null'] },
    createdAt: timestamp,
    startedAt: { type: ['string', 'null'], format: 'date-time' },
    finishedAt: { type: ['string', 'null'], format: 'date-time' },
  },
} as const;

export const createExportRoute = {
  tags: ['forms'],
  summary: `Start an export job of the filtered list (kind list, any size up to 1,000,000 submissions) or of the statistics (kind statistics) to .xlsx; the same filters as the list and statistics, in the body. ${filterHelp}`,
  params: formIdParams,
  body: {
    type: 'object',
    required: ['kind'],
    additionalProperties: false,
    patternProperties: fieldFilterPattern,
    properties: {
      kind: { type: 'string', enum: ['list', 'statistics', 'photos'], description: 'list or statistics: an .xlsx; photos: a .zip of the photo and file answers, a folder per unit and submission' },
      ...filterProperties,
      sort: { type: 'string', minLength: 1, maxLength: 64 },
      order: { type: 'string', enum: ['asc', 'desc'] },
      fields: { type: 'string', maxLength: 1000, description: 'statistics: comma-separated number or choice fields (default: all of them)' },
      groupBy: { type: 'string', minLength: 1, maxLength: 64, description: 'statistics: unit, period, or a single-choice field' },
      lang: exportLang,
    },
  },
  response: { 202: exportView, ...errorResponses },
} as const;

export const getExportRoute = {
  tags: ['forms'],
  summary: 'One of your exports with its progress (rowsDone of rowsTotal); when done, its file',
  params: exportParams,
  response: { 200: exportView, ...errorResponses },
} as const;

export const downloadExportRoute = {
  tags: ['forms'],
  summary: 'Download the .xlsx or .zip of one of your finished exports (409 while it is still running)',
  params: exportParams,
  response: { 200: { description: 'The workbook (.xlsx), as an attachment' }, ...errorResponses },
} as const;

export const listExportsRoute = {
  tags: ['forms'],
  summary: 'Your own exports, newest first, with their progress (others’ exports are never listed)',
  params: tenantParams,
  querystring: {
    type: 'object',
    additionalProperties: false,
    properties: { limit: { type: 'integer', minimum: 1, maximum: 100, default: 20 }, cursor: cursorQuery },
  },
  response: { 200: { type: 'object', properties: { items: { type: 'array', items: exportView }, nextCursor: { type: ['string', 'null'] } } }, ...errorResponses },
} as const;
