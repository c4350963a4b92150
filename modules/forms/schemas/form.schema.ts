import type { FromSchema } from 'json-schema-to-ts';
import {
  cursorQuery,
  errorResponses,
  limitQuery,
  plainName,
  responseObject,
  tenantParams,
  timestamp,
  uuid,
} from '../../../core/schemas/schema-kit.ts';
import { formIdParams, formVersionParams, jsonObject, plainText } from './common.schema.ts';

const description = plainText(2000);
const category = { type: 'string', maxLength: 50, pattern: '^[^<>\\u0000-\\u001f\\u007f]*$' } as const;

export const formView = responseObject({
  id: uuid,
  name: { type: 'string' },
  description: { type: 'string' },
  category: { type: 'string' },
  schema: jsonObject,
  uiSchema: jsonObject,
  latestVersion: { type: 'integer', description: '0 until first published' },
  draftChanged: { type: 'boolean', description: 'the draft differs from the latest version' },
  createdAt: timestamp,
  updatedAt: timestamp,
});
/** A form with its draft, as the designer edits it. */
export type FormView = FromSchema<typeof formView>;

const formSummary = responseObject({
  id: uuid,
  name: { type: 'string' },
  description: { type: 'string' },
  category: { type: 'string' },
  latestVersion: { type: 'integer' },
  draftChanged: { type: 'boolean' },
  updatedAt: timestamp,
});
export type FormSummary = FromSchema<typeof formSummary>;

export const versionView = responseObject({
  formId: uuid,
  version: { type: 'integer' },
  name: { type: 'string' },
  schema: jsonObject,
  uiSchema: jsonObject,
  publishedAt: timestamp,
});
/** A frozen version: what a submission is rendered and checked by. */
export type VersionView = FromSchema<typeof versionView>;

const versionSummary = responseObject({
  formId: uuid,
  version: { type: 'integer' },
  name: { type: 'string' },
  publishedAt: timestamp,
  submissionCount: { type: 'integer' },
});
export type VersionSummary = FromSchema<typeof versionSummary>;

const schemaHelp =
  'JSON Schema draft-07 with `type: "object"` (local $ref to definitions/$defs, oneOf/anyOf/allOf, if/then/else, formats, enums); checked as untrusted input';

export const listFormsRoute = {
  tags: ['forms'],
  summary: 'Forms of the tenant, newest change first; filter by category or a name substring',
  params: tenantParams,
  querystring: {
    type: 'object',
    additionalProperties: false,
    properties: {
      category,
      q: { type: 'string', minLength: 1, maxLength: 100 },
      published: { type: 'boolean' },
      limit: limitQuery,
      cursor: cursorQuery,
    },
  },
  response: {
    200: responseObject({ items: { type: 'array', items: formSummary }, nextCursor: { type: ['string', 'null'] } }),
    ...errorResponses,
  },
} as const;

export const createFormRoute = {
  tags: ['forms'],
  summary: 'Create a form: its draft schema and uiSchema (publish to make a version others can fill in)',
  params: tenantParams,
  body: {
    type: 'object',
    required: ['name', 'schema'],
    additionalProperties: false,
    properties: { name: plainName, description, category, schema: { ...jsonObject, description: schemaHelp }, uiSchema: jsonObject },
  },
  response: { 201: formView, ...errorResponses },
} as const;

export const getFormRoute = {
  tags: ['forms'],
  summary: 'One form with its draft',
  params: formIdParams,
  response: { 200: formView, ...errorResponses },
} as const;

export const updateFormRoute = {
  tags: ['forms'],
  summary: 'Change the draft (name, description, category, schema, uiSchema); published versions stay as they were',
  params: formIdParams,
  body: {
    type: 'object',
    minProperties: 1,
    additionalProperties: false,
    properties: { name: plainName, description, category, schema: { ...jsonObject, description: schemaHelp }, uiSchema: jsonObject },
  },
  response: { 200: formView, ...errorResponses },
} as const;

export const publishFormRoute = {
  tags: ['forms'],
  summary: 'Freeze the current draft as the next version',
  params: formIdParams,
  body: { type: 'object', additionalProperties: false, properties: {} },
  response: { 201: versionView, ...errorResponses },
} as const;

export const listVersionsRoute = {
  tags: ['forms'],
  summary: 'Published versions of a form, newest first, with their submission counts',
  params: formIdParams,
  response: { 200: responseObject({ items: { type: 'array', items: versionSummary } }), ...errorResponses },
} as const;

export const getVersionRoute = {
  tags: ['forms'],
  summary: 'One frozen version: the schema and uiSchema to render and validate a submission with',
  params: formVersionParams,
  response: { 200: versionView, ...errorResponses },
} as const;

/** What the designer saves: a new form's fields, or the changes to a draft. */
export type FormChanges = FromSchema<typeof updateFormRoute.body>;
