import type { FromSchema } from 'json-schema-to-ts';
import { errorResponses, responseObject, tenantParams, uuid } from '../../../core/schemas/schema-kit.ts';

/** The frozen report form of a task, as the fill-in page renders it. */
const reportFormVersion = responseObject({
  formId: uuid,
  version: { type: 'integer' },
  name: { type: 'string' },
  schema: { type: 'object', additionalProperties: true },
  uiSchema: { type: 'object', additionalProperties: true },
});
/** A task's frozen report form, as it comes with the assignment (no forms permission needed). */
export type ReportFormVersion = FromSchema<typeof reportFormVersion>;
export const reportFormView = { ...reportFormVersion, type: ['object', 'null'] } as const;

const publishedForm = responseObject({
  formId: uuid,
  latestVersion: { type: 'integer' },
  name: { type: 'string' },
  category: { type: 'string' },
});
/** A form that can be a task's report form. */
export type PublishedForm = FromSchema<typeof publishedForm>;

export const listReportFormsRoute = {
  tags: ['dispatch'],
  summary: 'Published forms a task can take as its report form (the forms module’s, when it is enabled; else none), by name',
  params: tenantParams,
  querystring: {
    type: 'object',
    additionalProperties: false,
    properties: { q: { type: 'string', minLength: 1, maxLength: 100 }, limit: { type: 'integer', minimum: 1, maximum: 200, default: 50 } },
  },
  response: {
    200: responseObject({
      available: { type: 'boolean', description: 'Whether report forms can be used at all (the forms module is enabled)' },
      items: { type: 'array', items: publishedForm },
    }),
    ...errorResponses,
  },
} as const;
export type ReportFormList = FromSchema<(typeof listReportFormsRoute.response)[200]>;
