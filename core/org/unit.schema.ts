import type { FromSchema } from 'json-schema-to-ts';
import { errorResponses, plainName, responseObject, tenantIdParams, tenantParams, timestamp, uuid } from '../schemas/common.schema.ts';
import { UNIT_KINDS } from './org-kinds.ts';

const unitKind = { type: 'string', enum: UNIT_KINDS } as const;
/** Administrative or internal code of a unit, unique in the tenant (e.g. `371321`, `CGZ-01`). */
export const unitCode = { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$' } as const;
const nullableUuid = { type: ['string', 'null'], format: 'uuid' } as const;
const sort = { type: 'integer', minimum: -1000000, maximum: 1000000 } as const;

export const unitView = responseObject({
  id: uuid,
  parentId: { type: ['string', 'null'] },
  name: { type: 'string' },
  kind: unitKind,
  code: { type: ['string', 'null'] },
  /** Materialised path `/<root id>/.../<id>/`: the ids of the unit's ancestors and its own. */
  path: { type: 'string' },
  depth: { type: 'integer' },
  sort: { type: 'integer' },
  childCount: { type: 'integer' },
  createdAt: timestamp,
  updatedAt: timestamp,
});
/** A unit of the county's tree. */
export type UnitView = FromSchema<typeof unitView>;

const unitResponse = { 200: unitView, ...errorResponses } as const;

export const listUnitsRoute = {
  tags: ['org'],
  summary: 'The unit tree within the data scope (parents before children), or the children of one unit',
  params: tenantParams,
  querystring: {
    type: 'object',
    additionalProperties: false,
    properties: { parentId: uuid },
  },
  response: { 200: responseObject({ items: { type: 'array', items: unitView } }), ...errorResponses },
} as const;

export const getUnitRoute = { tags: ['org'], summary: 'One unit', params: tenantIdParams, response: unitResponse } as const;

export const createUnitRoute = {
  tags: ['org'],
  summary: 'Create a unit under a parent (no parent: a root, needs the whole tenant in scope)',
  params: tenantParams,
  body: {
    type: 'object',
    required: ['name', 'kind'],
    additionalProperties: false,
    properties: {
      name: plainName,
      kind: unitKind,
      parentId: nullableUuid,
      code: { type: ['string', 'null'], pattern: unitCode.pattern },
      sort: { ...sort, default: 0 },
    },
  },
  response: { 201: unitView, ...errorResponses },
} as const;

export const updateUnitRoute = {
  tags: ['org'],
  summary: 'Rename a unit or change its kind, code or sort order',
  params: tenantIdParams,
  body: {
    type: 'object',
    minProperties: 1,
    additionalProperties: false,
    properties: { name: plainName, kind: unitKind, code: { type: ['string', 'null'], pattern: unitCode.pattern }, sort },
  },
  response: unitResponse,
} as const;

export const moveUnitRoute = {
  tags: ['org'],
  summary: 'Move a unit with its whole subtree under a new parent (null: make it a root)',
  params: tenantIdParams,
  body: { type: 'object', required: ['parentId'], additionalProperties: false, properties: { parentId: nullableUuid } },
  response: unitResponse,
} as const;

export const deleteUnitRoute = {
  tags: ['org'],
  summary: 'Delete a unit that has no child units and no people',
  params: tenantIdParams,
  response: { 204: { type: 'null' }, ...errorResponses },
} as const;
