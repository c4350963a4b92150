import type { FromSchema } from 'json-schema-to-ts';
import {
  errorResponses,
  plainName,
  responseObject,
  tenantIdParams,
  tenantParams,
  timestamp,
  uuid,
} from '../../../core/schemas/schema-kit.ts';
import { nullableString, plainText } from './common.schema.ts';

const hoursLimit = { type: 'integer', minimum: 1, maximum: 2160 } as const;

export const categoryView = responseObject({
  id: uuid,
  parentId: nullableString,
  name: { type: 'string' },
  code: { type: 'string', description: 'Open311 service_code' },
  description: { type: 'string' },
  keywords: { type: 'string' },
  department: { type: ['object', 'null'], required: ['id', 'name'], properties: { id: uuid, name: { type: 'string' } } },
  acceptHours: { type: 'integer' },
  resolveHours: { type: 'integer' },
  smsTemplate: { type: 'string' },
  sort: { type: 'integer' },
  active: { type: 'boolean' },
  updatedAt: timestamp,
});
export type CategoryView = FromSchema<typeof categoryView>;

const categoryFields = {
  parentId: { type: ['string', 'null'], format: 'uuid', description: 'A category of this county; null: top level' },
  name: { ...plainName, maxLength: 40, description: 'What residents call it (plain language)' },
  code: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,40}$', description: 'Open311 service_code, unique in the county' },
  description: plainText(500),
  keywords: plainText(200),
  departmentUnitId: {
    type: ['string', 'null'],
    format: 'uuid',
    description: 'A department (unit) handling it where no grid holds the place',
  },
  acceptHours: { ...hoursLimit, description: 'Hours to accept (签收)' },
  resolveHours: { ...hoursLimit, description: 'Hours from report to resolution at the first level' },
  smsTemplate: { ...plainText(200), description: 'SMS to handlers; {code} {category} {address}; empty: the platform’s text' },
  sort: { type: 'integer', minimum: 0, maximum: 10000 },
  active: { type: 'boolean' },
} as const;

export const listCategoriesRoute = {
  tags: ['grid-events'],
  summary: 'The county’s event categories, as a flat list in tree order (parents first); inactive ones too for managers',
  params: tenantParams,
  querystring: {
    type: 'object',
    additionalProperties: false,
    properties: { includeInactive: { type: 'boolean', default: false } },
  },
  response: { 200: responseObject({ items: { type: 'array', items: categoryView } }), ...errorResponses },
} as const;

export const createCategoryRoute = {
  tags: ['grid-events'],
  summary: 'Adds a category (managers)',
  params: tenantParams,
  body: {
    type: 'object',
    required: ['name', 'code', 'acceptHours', 'resolveHours'],
    additionalProperties: false,
    properties: categoryFields,
  },
  response: { 201: categoryView, ...errorResponses },
} as const;
export type CategoryInput = FromSchema<typeof createCategoryRoute.body>;

export const updateCategoryRoute = {
  tags: ['grid-events'],
  summary: 'Changes a category (managers); a category cannot become its own descendant',
  params: tenantIdParams,
  body: { type: 'object', additionalProperties: false, minProperties: 1, properties: categoryFields },
  response: { 200: categoryView, ...errorResponses },
} as const;
export type CategoryChanges = FromSchema<typeof updateCategoryRoute.body>;

export const deleteCategoryRoute = {
  tags: ['grid-events'],
  summary: 'Removes a category no event and no sub-category uses (409 otherwise: deactivate it instead)',
  params: tenantIdParams,
  response: { 204: { type: 'null' }, ...errorResponses },
} as const;
