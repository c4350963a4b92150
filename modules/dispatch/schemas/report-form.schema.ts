import { errorResponses, tenantParams, uuid } from '../../../core/schemas/schema-kit.ts';

/** The frozen report form of a task, as the fill-in page renders it. */
export const reportFormView = {
  type: ['object', 'null'],
  properties: {
    formId: uuid,
    version: { type: 'integer' },
    name: { type: 'string' },
    schema: { type: 'object', additionalProperties: true },
    uiSchema: { type: 'object', additionalProperties: true },
  },
} as const;

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
    200: {
      type: 'object',
      properties: {
        available: { type: 'boolean', description: 'Whether report forms can be used at all (the forms module is enabled)' },
        items: { type: 'array', items: { type: 'object', properties: { formId: uuid, latestVersion: { type: 'integer' }, name: { type: 'string' }, category: { type: 'string' } } } },
      },
    },
    ...errorResponses,
  },
} as const;
