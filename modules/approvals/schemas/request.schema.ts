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
import { nullableString, nullableTimestamp, plainText } from './common.schema.ts';

const status = { type: 'string', enum: ['draft', 'pending', 'approved', 'rejected', 'withdrawn', 'returned'] } as const;
const person = responseObject({ id: uuid, name: { type: 'string' } });

export const requestSummary = responseObject({
  id: uuid,
  typeId: uuid,
  typeName: { type: 'string' },
  title: { type: 'string' },
  status,
  applicant: person,
  submittedAt: nullableTimestamp,
  finishedAt: nullableTimestamp,
  createdAt: timestamp,
  /** On "waiting for me": the task to decide. */
  taskId: nullableString,
});
export type RequestSummary = FromSchema<typeof requestSummary>;

const taskView = responseObject({
  id: uuid,
  chain: { type: 'integer' },
  position: { type: 'integer' },
  approver: person,
  onBehalfOf: { type: ['object', 'null'], required: ['id', 'name'], properties: { id: uuid, name: { type: 'string' } } },
  status: { type: 'string' },
  decidedAt: nullableTimestamp,
  comment: { type: 'string' },
});

const stepView = responseObject({
  id: uuid,
  nodeId: { type: 'string' },
  seq: { type: 'integer' },
  kind: { type: 'string', enum: ['approve', 'cc'] },
  name: { type: 'string' },
  mode: { type: 'string', enum: ['any', 'all', 'sequential'] },
  after: { type: 'array', items: { type: 'integer' } },
  status: { type: 'string' },
  startedAt: nullableTimestamp,
  finishedAt: nullableTimestamp,
  tasks: { type: 'array', items: taskView },
});

const eventView = responseObject({
  id: uuid,
  kind: { type: 'string' },
  stepId: nullableString,
  actor: { type: ['object', 'null'], required: ['id', 'name'], properties: { id: uuid, name: { type: 'string' } } },
  onBehalfOf: { type: ['object', 'null'], required: ['id', 'name'], properties: { id: uuid, name: { type: 'string' } } },
  comment: { type: 'string' },
  attachmentIds: { type: 'array', items: uuid },
  data: { type: 'object', additionalProperties: true },
  at: timestamp,
});

export const requestView = responseObject({
  id: uuid,
  typeId: uuid,
  typeName: { type: 'string' },
  flowVersion: { type: 'integer' },
  formId: uuid,
  formVersion: { type: 'integer' },
  form: responseObject({
    schema: { type: 'object', additionalProperties: true },
    uiSchema: { type: 'object', additionalProperties: true },
  }),
  title: { type: 'string' },
  status,
  data: { type: 'object', additionalProperties: true },
  chosen: { type: 'object', additionalProperties: { type: 'array', items: uuid } },
  applicant: person,
  submittedAt: nullableTimestamp,
  finishedAt: nullableTimestamp,
  createdAt: timestamp,
  steps: { type: 'array', items: stepView },
  history: { type: 'array', items: eventView },
  /** The caller's task to decide now, if any (theirs or one they stand in for). */
  myTaskId: nullableString,
  canWithdraw: { type: 'boolean' },
  canUrge: { type: 'boolean' },
  /** The applicant may change it and send it (again): a draft or a returned request. */
  canEdit: { type: 'boolean' },
});
export type RequestView = FromSchema<typeof requestView>;

const chosen = {
  type: 'object',
  description: 'Approvers the applicant picks for "chosen by the applicant" steps: { nodeId: [userId] }',
  additionalProperties: { type: 'array', items: uuid, minItems: 1, maxItems: 10, uniqueItems: true },
  maxProperties: 20,
} as const;

export const applyRoute = {
  tags: ['approvals'],
  summary: 'Applies (submit: true) or saves a draft with an approval type’s form',
  params: tenantParams,
  body: {
    type: 'object',
    required: ['typeId', 'title', 'data'],
    additionalProperties: false,
    properties: {
      typeId: uuid,
      title: plainText(100, 1),
      data: { type: 'object', additionalProperties: true, maxProperties: 500 },
      chosen,
      submit: { type: 'boolean', default: true, description: 'false: keep as a draft' },
    },
  },
  response: { 201: requestView, ...errorResponses },
} as const;
export type ApplyInput = FromSchema<typeof applyRoute.body>;

export const editRequestRoute = {
  tags: ['approvals'],
  summary: 'Changes a draft or a returned request and, with submit, sends it (again) from the first step',
  params: tenantIdParams,
  body: {
    type: 'object',
    required: ['title', 'data'],
    additionalProperties: false,
    properties: {
      title: plainText(100, 1),
      data: { type: 'object', additionalProperties: true, maxProperties: 500 },
      chosen,
      submit: { type: 'boolean', default: true },
    },
  },
  response: { 200: requestView, ...errorResponses },
} as const;
export type EditRequestInput = FromSchema<typeof editRequestRoute.body>;

export const getRequestRoute = {
  tags: ['approvals'],
  summary: 'A request with its form answers, steps and full history (applicant, approvers, copied people, managers)',
  params: tenantIdParams,
  response: { 200: requestView, ...errorResponses },
} as const;

export const withdrawRoute = {
  tags: ['approvals'],
  summary: 'The applicant withdraws a request nobody has decided on yet',
  params: tenantIdParams,
  body: { type: 'object', additionalProperties: false, properties: { reason: plainText(500) } },
  response: { 200: requestView, ...errorResponses },
} as const;

export const urgeRoute = {
  tags: ['approvals'],
  summary: 'The applicant urges (催办) the approvers whose turn it is; once per interval',
  params: tenantIdParams,
  body: { type: 'object', additionalProperties: false, properties: {} },
  response: { 200: requestView, ...errorResponses },
} as const;

export const decideRoute = {
  tags: ['approvals'],
  summary:
    'Decides a task: approve, reject (reason), return to the applicant or to an earlier step (reason), transfer (转交) or add an approver before or after oneself (加签)',
  params: tenantIdParams,
  body: {
    type: 'object',
    required: ['action'],
    additionalProperties: false,
    properties: {
      action: { type: 'string', enum: ['approve', 'reject', 'return', 'transfer', 'addBefore', 'addAfter'] },
      comment: plainText(1000),
      attachmentIds: { type: 'array', items: uuid, maxItems: 9, uniqueItems: true },
      toUserId: { ...uuid, description: 'transfer, addBefore, addAfter: the account' },
      toStepId: { ...uuid, description: 'return: an earlier approved step; absent: back to the applicant' },
    },
  },
  response: { 200: requestView, ...errorResponses },
} as const;
export type DecideInput = FromSchema<typeof decideRoute.body>;

export const batchApproveRoute = {
  tags: ['approvals'],
  summary: 'Approves several waiting tasks at once (from "waiting for me"); each is decided on its own',
  params: tenantParams,
  body: {
    type: 'object',
    required: ['taskIds'],
    additionalProperties: false,
    properties: { taskIds: { type: 'array', items: uuid, minItems: 1, maxItems: 50, uniqueItems: true }, comment: plainText(1000) },
  },
  response: {
    200: responseObject({
      approved: { type: 'array', items: uuid },
      failed: { type: 'array', items: responseObject({ taskId: uuid, code: { type: 'string' }, message: { type: 'string' } }) },
    }),
    ...errorResponses,
  },
} as const;

export const listRequestsRoute = {
  tags: ['approvals'],
  summary: 'My requests (mine), waiting for me (waiting), handled by me (handled), copied to me (copied), or all (managers)',
  params: tenantParams,
  querystring: {
    type: 'object',
    required: ['box'],
    additionalProperties: false,
    properties: {
      box: { type: 'string', enum: ['mine', 'waiting', 'handled', 'copied', 'all'] },
      status,
      typeId: uuid,
      limit: limitQuery,
      cursor: cursorQuery,
    },
  },
  response: {
    200: responseObject({ items: { type: 'array', items: requestSummary }, nextCursor: nullableString }),
    ...errorResponses,
  },
} as const;
export type ListRequestsQuery = FromSchema<typeof listRequestsRoute.querystring>;

export const countsRoute = {
  tags: ['approvals'],
  summary: 'How many tasks wait for me and how many copies I have not read (the shell’s badge)',
  params: tenantParams,
  response: { 200: responseObject({ waiting: { type: 'integer' }, unreadCopies: { type: 'integer' } }), ...errorResponses },
} as const;
