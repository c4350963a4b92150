import type { FromSchema } from 'json-schema-to-ts';
import {
  cursorQuery,
  errorResponses,
  limitQuery,
  phoneNumber,
  plainName,
  responseObject,
  tenantIdParams,
  tenantParams,
  timestamp,
  uuid,
} from '../schemas/common.schema.ts';

const sort = { type: 'integer', minimum: -1000000, maximum: 1000000 } as const;
const nullableUuid = { type: ['string', 'null'], format: 'uuid' } as const;

export const personView = responseObject({
  id: uuid,
  name: { type: 'string' },
  phone: { type: 'string' },
  unitId: uuid,
  unitName: { type: 'string' },
  positionId: { type: ['string', 'null'] },
  positionName: { type: ['string', 'null'] },
  sort: { type: 'integer' },
  createdAt: timestamp,
  updatedAt: timestamp,
});
/** A person of the directory. */
export type PersonView = FromSchema<typeof personView>;

export const listPeopleRoute = {
  tags: ['org'],
  summary: 'People within the data scope, ordered by name; filter by unit (optionally with its subunits), position, or name/phone text',
  params: tenantParams,
  querystring: {
    type: 'object',
    additionalProperties: false,
    properties: {
      limit: limitQuery,
      cursor: cursorQuery,
      unitId: uuid,
      includeSubunits: { type: 'boolean', default: false },
      positionId: uuid,
      /** Part of a name or phone number, e.g. `三` finds 张三. */
      q: { type: 'string', minLength: 1, maxLength: 50 },
    },
  },
  response: {
    200: responseObject({ items: { type: 'array', items: personView }, nextCursor: { type: ['string', 'null'] } }),
    ...errorResponses,
  },
} as const;

export const getPersonRoute = {
  tags: ['org'],
  summary: 'One person',
  params: tenantIdParams,
  response: { 200: personView, ...errorResponses },
} as const;

export const createPersonRoute = {
  tags: ['org'],
  summary: 'Add a person to a unit; the phone number is unique in the tenant',
  params: tenantParams,
  body: {
    type: 'object',
    required: ['name', 'phone', 'unitId'],
    additionalProperties: false,
    properties: { name: plainName, phone: phoneNumber, unitId: uuid, positionId: nullableUuid, sort: { ...sort, default: 0 } },
  },
  response: { 201: personView, ...errorResponses },
} as const;
export type PersonInput = FromSchema<typeof createPersonRoute.body, { keepDefaultedPropertiesOptional: true }>;

export const updatePersonRoute = {
  tags: ['org'],
  summary: 'Change a person: name, phone, unit, position, sort order',
  params: tenantIdParams,
  body: {
    type: 'object',
    minProperties: 1,
    additionalProperties: false,
    properties: { name: plainName, phone: phoneNumber, unitId: uuid, positionId: nullableUuid, sort },
  },
  response: { 200: personView, ...errorResponses },
} as const;

export const deletePersonRoute = {
  tags: ['org'],
  summary: 'Remove a person (an account linked to them stays, unlinked)',
  params: tenantIdParams,
  response: { 204: { type: 'null' }, ...errorResponses },
} as const;
