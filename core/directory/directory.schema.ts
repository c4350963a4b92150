import type { FromSchema } from 'json-schema-to-ts';
import { cursorQuery, errorResponses, responseObject, tenantIdParams, tenantParams, uuid } from '../schemas/common.schema.ts';

/** A person as anyone of the tenant may see them: no phone number, no position, no roles. */
export const directoryPersonView = responseObject({ id: uuid, name: { type: 'string' }, unitId: uuid, unitName: { type: 'string' } });
export type DirectoryPersonView = FromSchema<typeof directoryPersonView>;

export const directoryUnitView = responseObject({
  id: uuid,
  name: { type: 'string' },
  parentId: { type: ['string', 'null'], format: 'uuid' },
  kind: { type: 'string' },
});
export type DirectoryUnitView = FromSchema<typeof directoryUnitView>;

/** Part of a name: `三` finds 张三, `红旗` finds 红旗村. */
const searchText = { type: 'string', minLength: 1, maxLength: 50 } as const;

export const directoryPeopleRoute = {
  tags: ['directory'],
  summary: 'Look people up by name (any signed-in user; names and units only), ordered by name; optionally within a unit and its subunits',
  params: tenantParams,
  querystring: {
    type: 'object',
    additionalProperties: false,
    properties: {
      q: searchText,
      unitId: uuid,
      includeSubunits: { type: 'boolean', default: true },
      limit: { type: 'integer', minimum: 1, maximum: 50, default: 20 },
      cursor: cursorQuery,
    },
  },
  response: {
    200: responseObject({ items: { type: 'array', items: directoryPersonView }, nextCursor: { type: ['string', 'null'] } }),
    ...errorResponses,
  },
} as const;

export const directoryPersonRoute = {
  tags: ['directory'],
  summary: 'One person’s name and unit (any signed-in user), e.g. to show an answer that names them',
  params: tenantIdParams,
  response: { 200: directoryPersonView, ...errorResponses },
} as const;

export const directoryUnitsRoute = {
  tags: ['directory'],
  summary:
    'The whole unit tree (any signed-in user), parents before children; with q, the units whose name contains it and their ancestors',
  params: tenantParams,
  querystring: { type: 'object', additionalProperties: false, properties: { q: searchText } },
  response: { 200: responseObject({ items: { type: 'array', items: directoryUnitView } }), ...errorResponses },
} as const;
