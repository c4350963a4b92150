import type { FromSchema } from 'json-schema-to-ts';
import {
  cursorQuery,
  errorResponses,
  limitQuery,
  plainName,
  responseObject,
  tenantIdParams,
  tenantParams,
  timestamp,
  uuid,
} from '../../../core/schemas/schema-kit.ts';
import { collectionPeriodParams, isoDate, periodKey, versionNumber } from './common.schema.ts';

const frequency = { type: 'string', enum: ['once', 'weekly', 'monthly', 'quarterly'] } as const;
export type Frequency = FromSchema<typeof frequency>;
const dueOffsetKind = { type: 'string', enum: ['days', 'working_days'] } as const;
export type DueOffsetKind = FromSchema<typeof dueOffsetKind>;
const collectionStatus = { type: 'string', enum: ['active', 'closed'] } as const;
const nullableString = { type: ['string', 'null'] } as const;

const periodProperties = {
  periodKey: { type: 'string' },
  startsOn: { type: 'string' },
  endsOn: { type: 'string' },
  dueOn: { type: 'string' },
} as const;
const periodView = responseObject(periodProperties);
export type PeriodView = FromSchema<typeof periodView>;

const assigneeProperties = {
  id: uuid,
  unitId: nullableString,
  unitName: nullableString,
  personId: nullableString,
  personName: nullableString,
  fillers: {
    type: 'integer',
    description: 'Active accounts that may fill in for this assignee (0: nobody can: the UI warns, reminders skip it)',
  },
} as const;
const assigneeView = responseObject(assigneeProperties);

export const collectionView = responseObject({
  id: uuid,
  formId: uuid,
  formName: { type: 'string' },
  version: { type: 'integer' },
  name: { type: 'string' },
  frequency,
  startsOn: { type: 'string' },
  endsOn: nullableString,
  dueOffset: { type: 'integer' },
  dueOffsetKind,
  dueOn: nullableString,
  status: collectionStatus,
  assignees: { type: 'array', items: assigneeView },
  periods: { type: 'array', items: periodView },
  createdAt: timestamp,
  updatedAt: timestamp,
});
/** A collection with its assignees and opened periods. */
export type CollectionView = FromSchema<typeof collectionView>;

const collectionResponse = { 200: collectionView, ...errorResponses } as const;
const idList = { type: 'array', items: uuid, maxItems: 2000, uniqueItems: true } as const;

export const createCollectionRoute = {
  tags: ['forms'],
  summary:
    'Send a published form to units and/or people: once (with a due date) or per week, month or quarter (due a number of days or working days after each period ends). Opens the current period at once',
  params: tenantParams,
  body: {
    type: 'object',
    required: ['formId', 'name', 'frequency'],
    additionalProperties: false,
    properties: {
      formId: uuid,
      version: { ...versionNumber, description: 'Default: the latest published version' },
      name: plainName,
      frequency,
      startsOn: { ...isoDate, description: 'Default: today (Asia/Shanghai)' },
      endsOn: isoDate,
      dueOffset: { type: 'integer', minimum: 0, maximum: 90, default: 0 },
      dueOffsetKind: { ...dueOffsetKind, default: 'days' },
      dueOn: { ...isoDate, description: 'Required for frequency "once"' },
      unitIds: idList,
      personIds: idList,
    },
  },
  response: { 201: collectionView, ...errorResponses },
} as const;

export const listCollectionsRoute = {
  tags: ['forms'],
  summary: 'Collections that reach units in the caller’s scope, newest first',
  params: tenantParams,
  querystring: {
    type: 'object',
    additionalProperties: false,
    properties: { formId: uuid, status: collectionStatus, limit: limitQuery, cursor: cursorQuery },
  },
  response: {
    200: responseObject({ items: { type: 'array', items: collectionView }, nextCursor: { type: ['string', 'null'] } }),
    ...errorResponses,
  },
} as const;

export const getCollectionRoute = {
  tags: ['forms'],
  summary: 'One collection with its assignees and opened periods',
  params: tenantIdParams,
  response: collectionResponse,
} as const;

export const updateCollectionRoute = {
  tags: ['forms'],
  summary: 'Rename, close or reopen a collection, or move it to a newer published version (earlier submissions keep theirs)',
  params: tenantIdParams,
  body: {
    type: 'object',
    minProperties: 1,
    additionalProperties: false,
    properties: { name: plainName, status: collectionStatus, version: versionNumber, endsOn: { ...isoDate, type: ['string', 'null'] } },
  },
  response: collectionResponse,
} as const;

export const openPeriodRoute = {
  tags: ['forms'],
  summary: 'Open a period of a periodic collection now (e.g. a missed month); opening an open period changes nothing',
  params: tenantIdParams,
  body: { type: 'object', required: ['periodKey'], additionalProperties: false, properties: { periodKey } },
  response: { 200: periodView, ...errorResponses },
} as const;

const assigneeState = { type: 'string', enum: ['submitted', 'returned', 'draft', 'missing'] } as const;
export type AssigneeState = FromSchema<typeof assigneeState>;

const assigneeStatus = responseObject({
  ...assigneeProperties,
  state: assigneeState,
  submittedCount: { type: 'integer' },
  lastSubmittedAt: { ...timestamp, type: ['string', 'null'] },
  lastRemindedAt: { ...timestamp, type: ['string', 'null'] },
});
export type AssigneeStatus = FromSchema<typeof assigneeStatus>;

export const periodStatusRoute = {
  tags: ['forms'],
  summary: 'Who has and has not submitted in one period (assignees within the caller’s scope)',
  params: collectionPeriodParams,
  response: {
    200: responseObject({
      period: periodView,
      submitted: { type: 'array', items: assigneeStatus },
      missing: { type: 'array', items: assigneeStatus },
    }),
    ...errorResponses,
  },
} as const;
export type PeriodStatus = FromSchema<(typeof periodStatusRoute.response)[200]>;

export const remindRoute = {
  tags: ['forms'],
  summary:
    'Remind every assignee still missing in a period (in-app, and SMS unless sms is false); a second click within a minute sends nothing twice',
  params: collectionPeriodParams,
  body: { type: 'object', additionalProperties: false, properties: { sms: { type: 'boolean', default: true } } },
  response: {
    200: responseObject({
      remindedAssignees: { type: 'integer' },
      notifiedUsers: { type: 'integer' },
      skippedRecentlyReminded: { type: 'integer' },
      unreachableAssignees: {
        type: 'integer',
        description: 'Missing assignees nobody may fill in for: not reminded, not marked as reminded',
      },
    }),
    ...errorResponses,
  },
} as const;
export type RemindResult = FromSchema<(typeof remindRoute.response)[200]>;

const myDueItem = responseObject({
  collectionId: uuid,
  collectionName: { type: 'string' },
  formId: uuid,
  version: { type: 'integer' },
  assigneeId: uuid,
  unitName: nullableString,
  ...periodProperties,
  overdue: { type: 'boolean' },
  state: assigneeState,
  submissionId: nullableString,
});
/** A period the signed-in user (or their unit) fills in for an assignee. */
export type MyDueItem = FromSchema<typeof myDueItem>;

export const myDueRoute = {
  tags: ['forms'],
  summary: 'What the signed-in user (or their unit) still has to fill in, earliest due first; `all=true` also lists what was submitted',
  params: tenantParams,
  querystring: { type: 'object', additionalProperties: false, properties: { all: { type: 'boolean', default: false } } },
  response: { 200: responseObject({ items: { type: 'array', items: myDueItem } }), ...errorResponses },
} as const;

export const previousAnswersRoute = {
  tags: ['forms'],
  summary:
    'What the assignee submitted in the period before this one (一月一报 of the same households), to start this period from; for those who may fill in for the assignee',
  params: collectionPeriodParams,
  querystring: {
    type: 'object',
    additionalProperties: false,
    properties: { assigneeId: { ...uuid, description: 'Required for a tenant admin; else the caller’s own assignment' } },
  },
  response: {
    200: responseObject({
      periodKey: { type: ['string', 'null'], description: 'The previous period (null: this is the first)' },
      items: {
        type: 'array',
        items: responseObject({
          id: uuid,
          version: { type: 'integer' },
          data: { type: 'object', additionalProperties: true },
          submittedAt: timestamp,
        }),
      },
    }),
    ...errorResponses,
  },
} as const;
export type PreviousAnswers = FromSchema<(typeof previousAnswersRoute.response)[200]>;

/** A new collection (POST /forms/collections). */
export type CollectionInput = FromSchema<typeof createCollectionRoute.body, { keepDefaultedPropertiesOptional: true }>;
