import { errorResponses, tenantParams } from '../schemas/common.schema.ts';
import { XLSX_MIME } from '../export/xlsx-reader.ts';

/** Largest .xlsx accepted by the import. */
export const ORG_IMPORT_BODY_LIMIT = 5 * 1024 * 1024;

export const importOrgRoute = {
  tags: ['org'],
  summary: 'Import units and people from an .xlsx workbook (sheets 单位 and 人员), all or nothing',
  description:
    `Send the workbook as the raw request body with Content-Type ${XLSX_MIME} (at most 5 MB). ` +
    'Any bad row: 400 ORG_IMPORT_INVALID, each problem named as `sheet!row.column` (e.g. `人员!3.手机号`); nothing is imported.',
  params: tenantParams,
  // The body is the file itself: a Buffer from the content-type parser, checked in the handler.
  body: { content: { [XLSX_MIME]: { schema: { description: 'The .xlsx file' } } } },
  response: {
    200: {
      type: 'object',
      properties: {
        imported: { type: 'object', properties: { units: { type: 'integer' }, people: { type: 'integer' }, positions: { type: 'integer' } } },
      },
    },
    413: errorResponses[400],
    415: errorResponses[400],
    ...errorResponses,
  },
} as const;

export const importTemplateRoute = {
  tags: ['org'],
  summary: 'Download the .xlsx import template: sheets 单位 and 人员 with header rows and an example row each',
  params: tenantParams,
  response: { 200: { description: 'The template workbook (.xlsx), as an attachment' }, ...errorResponses },
} as const;
