import type { FromSchema } from 'json-schema-to-ts';
import { errorResponses, plainName, responseObject, tenantIdParams, tenantParams, uuid } from '../schemas/common.schema.ts';

const sort = { type: 'integer', minimum: -1000000, maximum: 1000000 } as const;

export const positionView = responseObject({
  id: uuid,
  name: { type: 'string' },
  sort: { type: 'integer' },
  personCount: { type: 'integer' },
});
/** A position (职务) and how many people hold it. */
export type PositionView = FromSchema<typeof positionView>;

export const listPositionsRoute = {
  tags: ['org'],
  summary: 'Positions (职务) of the tenant, with how many people hold each',
  params: tenantParams,
  response: { 200: responseObject({ items: { type: 'array', items: positionView } }), ...errorResponses },
} as const;

export const createPositionRoute = {
  tags: ['org'],
  summary: 'Create a position',
  params: tenantParams,
  body: { type: 'object', required: ['name'], additionalProperties: false, properties: { name: plainName, sort: { ...sort, default: 0 } } },
  response: { 201: positionView, ...errorResponses },
} as const;

export const updatePositionRoute = {
  tags: ['org'],
  summary: 'Rename a position or change its sort order (needs the whole tenant in scope)',
  params: tenantIdParams,
  body: { type: 'object', minProperties: 1, additionalProperties: false, properties: { name: plainName, sort } },
  response: { 200: positionView, ...errorResponses },
} as const;

export const deletePositionRoute = {
  tags: ['org'],
  summary: 'Delete a position nobody holds (needs the whole tenant in scope)',
  params: tenantIdParams,
  response: { 204: { type: 'null' }, ...errorResponses },
} as const;
