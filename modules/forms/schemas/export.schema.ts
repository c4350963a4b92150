import { errorResponses, exportView } from '../../../core/module-kit.ts';
import { formIdParams } from './common.schema.ts';
import { exportLang, fieldFilterPattern, filterHelp, filterProperties } from './results.schema.ts';

export const createExportRoute = {
  tags: ['forms'],
  summary: `Start an export job of the filtered list (kind list, any size up to 1,000,000 submissions) or of the statistics (kind statistics) to .xlsx, or of the photos (kind photos) to .zip; the same filters as the list and statistics, in the body. It is one of the requester’s exports: follow it and download its file at GET /exports/:id. ${filterHelp}`,
  params: formIdParams,
  body: {
    type: 'object',
    required: ['kind'],
    additionalProperties: false,
    patternProperties: fieldFilterPattern,
    properties: {
      kind: {
        type: 'string',
        enum: ['list', 'statistics', 'photos'],
        description: 'list or statistics: an .xlsx; photos: a .zip of the photo and file answers, a folder per unit and submission',
      },
      ...filterProperties,
      sort: { type: 'string', minLength: 1, maxLength: 64 },
      order: { type: 'string', enum: ['asc', 'desc'] },
      fields: {
        type: 'string',
        maxLength: 1000,
        description: 'statistics: comma-separated number or choice fields (default: all of them)',
      },
      groupBy: { type: 'string', minLength: 1, maxLength: 64, description: 'statistics: unit, period, or a single-choice field' },
      lang: exportLang,
    },
  },
  response: { 202: exportView, ...errorResponses },
} as const;
