import type { FromSchema } from 'json-schema-to-ts';
import { errorResponses, responseObject, tenantParams } from '../schemas/common.schema.ts';
import { XLSX_MIME } from '../schemas/xlsx-mime.ts';

/** Largest .xlsx accepted by the import. */
export const ORG_IMPORT_BODY_LIMIT = 5 * 1024 * 1024;

const importCounts = responseObject({ units: { type: 'integer' }, people: { type: 'integer' }, positions: { type: 'integer' } });
/** How many units, people and positions an import added. */
export type ImportCounts = FromSchema<typeof importCounts>;

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
    200: responseObject({ imported: importCounts }),
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
