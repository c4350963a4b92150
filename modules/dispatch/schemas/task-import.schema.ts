import type { FromSchema } from 'json-schema-to-ts';
import { errorResponses, responseObject, tenantParams, timestamp, uuid, XLSX_MIME } from '../../../core/schemas/schema-kit.ts';

/** Largest .xlsx the task import accepts, and the most task rows in it. */
export const TASK_IMPORT_BODY_LIMIT = 5 * 1024 * 1024;
export const TASK_IMPORT_MAX_ROWS = 500;

const lang = {
  type: 'string',
  enum: ['zh-CN', 'en'],
  default: 'zh-CN',
  description: 'The language of the template’s headers (an upload may use either)',
} as const;

// A dry run creates nothing: its tasks have no id.
const importedTask = responseObject(
  { row: { type: 'integer' }, id: uuid, title: { type: 'string' }, deadline: timestamp, units: { type: 'integer' } },
  ['id'],
);
const importResult = responseObject({
  dryRun: { type: 'boolean' },
  count: { type: 'integer' },
  ids: { type: 'array', items: uuid },
  tasks: { type: 'array', items: importedTask, description: 'Each row’s task with its resolved deadline (a dry run’s ids are not kept)' },
});
/** What an import created, or (dry run) would create. */
export type TaskImportResult = FromSchema<typeof importResult>;

export const importTasksRoute = {
  tags: ['dispatch'],
  summary: 'Create many tasks from an .xlsx workbook (one row per task, lead and co-organiser units by name or code), all or nothing',
  description:
    `Send the workbook as the raw request body with Content-Type ${XLSX_MIME} (at most 5 MB, ${TASK_IMPORT_MAX_ROWS} rows). ` +
    'Every row is checked with the rules of POST /tasks; any problem: 400 DISPATCH_IMPORT_INVALID naming each as `rows[<Excel row>].<column>`, nothing is created. ' +
    '`dryRun=true` checks only and answers 200.',
  params: tenantParams,
  querystring: {
    type: 'object',
    required: ['ownerUnitId'],
    additionalProperties: false,
    properties: {
      ownerUnitId: { ...uuid, description: 'The supervising unit of every task; inside the caller’s dispatch.supervise scope' },
      dryRun: { type: 'boolean', default: false },
    },
  },
  // The body is the file itself: a Buffer from the content-type parser, checked in the handler.
  body: { content: { [XLSX_MIME]: { schema: { description: 'The .xlsx file' } } } },
  response: { 200: importResult, 201: importResult, 413: errorResponses[400], 415: errorResponses[400], ...errorResponses },
} as const;

export const importTemplateRoute = {
  tags: ['dispatch'],
  summary: 'Download the .xlsx template of the task import: headers and an example row',
  params: tenantParams,
  querystring: { type: 'object', additionalProperties: false, properties: { lang } },
  response: { 200: { description: 'The template workbook (.xlsx), as an attachment' }, ...errorResponses },
} as const;
