import type { FromSchema } from 'json-schema-to-ts';
import {
  cursorQuery,
  errorResponses,
  limitQuery,
  responseObject,
  tenantIdParams,
  tenantParams,
  timestamp,
  uuid,
} from '../../../core/schemas/schema-kit.ts';
import { formIdParams, jsonObject, periodKey, plainText, versionNumber } from './common.schema.ts';

const nullableString = { type: ['string', 'null'] } as const;
const nullableTime = { ...timestamp, type: ['string', 'null'] } as const;
const submissionStatus = { type: 'string', enum: ['draft', 'submitted', 'returned'] } as const;
export type SubmissionStatus = FromSchema<typeof submissionStatus>;

const submissionProperties = {
  id: uuid,
  formId: uuid,
  formName: { type: 'string' },
  version: { type: 'integer' },
  status: submissionStatus,
  data: jsonObject,
  collectionId: nullableString,
  periodKey: nullableString,
  assigneeId: nullableString,
  unitId: nullableString,
  unitName: nullableString,
  submittedBy: responseObject({ id: uuid, displayName: { type: 'string' } }),
  returnReason: nullableString,
  returnedAt: nullableTime,
  submittedAt: nullableTime,
  createdAt: timestamp,
  updatedAt: timestamp,
} as const;
export const submissionView = responseObject(submissionProperties);
export type SubmissionView = FromSchema<typeof submissionView>;

/** A submission with the frozen version it was made with: what the UI renders it by. */
const submissionDetailView = responseObject({
  ...submissionProperties,
  form: responseObject({ version: { type: 'integer' }, name: { type: 'string' }, schema: jsonObject, uiSchema: jsonObject }),
});
export type SubmissionDetail = FromSchema<typeof submissionDetailView>;

const dataHelp = 'The answers, validated against the schema of exactly this version (drafts may leave required fields empty)';

export const createSubmissionRoute = {
  tags: ['forms'],
  summary:
    'Fill in a published version of a form (as a draft, or submitted); with a collection, for one of its periods. Accepts an Idempotency-Key',
  params: formIdParams,
  body: {
    type: 'object',
    required: ['version', 'data'],
    additionalProperties: false,
    properties: {
      version: versionNumber,
      data: { ...jsonObject, description: dataHelp },
      draft: { type: 'boolean', default: false },
      collectionId: uuid,
      periodKey,
      assigneeId: { ...uuid, description: 'Which of the collection’s assignees this is for, when the user is more than one (admins: any)' },
    },
  },
  response: { 201: submissionView, ...errorResponses },
} as const;

export const getSubmissionRoute = {
  tags: ['forms'],
  summary: 'One submission with the form version it was made with (own submissions, or within the results scope)',
  params: tenantIdParams,
  response: { 200: submissionDetailView, ...errorResponses },
} as const;

export const updateSubmissionRoute = {
  tags: ['forms'],
  summary: 'Save new answers to one’s own draft or returned submission (required fields may still be empty)',
  params: tenantIdParams,
  body: { type: 'object', required: ['data'], additionalProperties: false, properties: { data: { ...jsonObject, description: dataHelp } } },
  response: { 200: submissionView, ...errorResponses },
} as const;

export const submitSubmissionRoute = {
  tags: ['forms'],
  summary: 'Submit one’s own draft or returned submission (optionally with final answers); fully validated. Accepts an Idempotency-Key',
  params: tenantIdParams,
  body: { type: 'object', additionalProperties: false, properties: { data: { ...jsonObject, description: dataHelp } } },
  response: { 200: submissionView, ...errorResponses },
} as const;

export const returnSubmissionRoute = {
  tags: ['forms'],
  summary: 'Return a submitted submission to its submitter for correction, with a reason (the submitter is notified)',
  params: tenantIdParams,
  body: { type: 'object', required: ['reason'], additionalProperties: false, properties: { reason: { ...plainText(500), minLength: 1 } } },
  response: { 200: submissionView, ...errorResponses },
} as const;

export const mySubmissionsRoute = {
  tags: ['forms'],
  summary: 'The signed-in user’s own submissions, last changed first',
  params: tenantParams,
  querystring: {
    type: 'object',
    additionalProperties: false,
    properties: { status: submissionStatus, formId: uuid, limit: limitQuery, cursor: cursorQuery },
  },
  response: {
    200: responseObject({ items: { type: 'array', items: submissionView }, nextCursor: { type: ['string', 'null'] } }),
    ...errorResponses,
  },
} as const;
