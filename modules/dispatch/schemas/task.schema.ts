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
import {
  assignmentInput,
  assignmentRole,
  assignmentStatus,
  deadlineFields,
  fileIds,
  fileView,
  light,
  longText,
  nullableString,
  nullableTimestamp,
  personRef,
  priority,
  title,
  unitRef,
} from './common.schema.ts';

const cadenceKind = { type: 'string', enum: ['weekly', 'monthly', 'quarterly', 'rrule'] } as const;
export type CadenceKind = FromSchema<typeof cadenceKind>;
const taskStatus = { type: 'string', enum: ['active', 'closed'] } as const;

export const cadenceInput = {
  type: 'object',
  required: ['kind'],
  additionalProperties: false,
  description: 'Recurring reports: each period (week, month, quarter, or each RRULE occurrence) asks every assignment for a report',
  properties: {
    kind: cadenceKind,
    rule: {
      type: 'string',
      minLength: 5,
      maxLength: 300,
      pattern: '^[A-Z0-9=;,:+-]+$',
      description: 'An RFC 5545 RRULE (without DTSTART) for kind "rrule", e.g. FREQ=MONTHLY;BYMONTHDAY=25',
    },
    dueDays: {
      type: 'integer',
      minimum: 0,
      maximum: 90,
      default: 5,
      description: 'A period’s report is due this many days after the period ends',
    },
    until: { type: 'string', format: 'date', description: 'No periods start after this day; default the task deadline' },
  },
} as const;

export const assignmentView = responseObject({
  id: uuid,
  taskId: uuid,
  parentId: nullableString,
  depth: { type: 'integer' },
  unit: unitRef,
  person: personRef,
  role: assignmentRole,
  instructions: { type: 'string' },
  deadline: timestamp,
  originalDeadline: timestamp,
  status: assignmentStatus,
  progress: { type: 'integer', description: 'Rolled up: the mean of the subtasks’ when it has any, else the unit’s own' },
  ownProgress: { type: 'integer', description: 'What the unit itself last reported, whatever its subtasks show' },
  problem: { type: 'boolean' },
  light,
  lightCause: { type: 'string' },
  childCount: { type: 'integer' },
  escalationLevel: { type: 'integer' },
  openedAt: nullableTimestamp,
  completedAt: nullableTimestamp,
  createdAt: timestamp,
});
/** One unit's part of a task (a node of its tree). */
export type AssignmentView = FromSchema<typeof assignmentView>;

export const taskView = responseObject({
  id: uuid,
  title: { type: 'string' },
  description: { type: 'string' },
  category: { type: 'string' },
  priority,
  status: taskStatus,
  light,
  progress: { type: 'integer' },
  assignmentCount: { type: 'integer', description: 'Every assignment of the tree, re-dispatched subtasks included' },
  unitCount: { type: 'integer', description: 'The units the task was dispatched to (top-level assignments)' },
  ownerUnit: unitRef,
  deadline: timestamp,
  attachments: { type: 'array', items: fileView },
  reportForm: { ...responseObject({ formId: uuid, version: { type: 'integer' }, name: { type: 'string' } }), type: ['object', 'null'] },
  cadence: {
    ...responseObject({ kind: cadenceKind, rule: { type: 'string' }, dueDays: { type: 'integer' }, until: nullableString }),
    type: ['object', 'null'],
  },
  createdBy: nullableString,
  createdAt: timestamp,
  updatedAt: timestamp,
  closedAt: nullableTimestamp,
});
export type TaskView = FromSchema<typeof taskView>;

const viewerView = {
  ...responseObject({
    supervise: { type: 'boolean' },
    instruct: { type: 'boolean' },
    handledAssignmentIds: { type: 'array', items: uuid },
    reviewableAssignmentIds: { type: 'array', items: uuid },
  }),
  description: 'What the caller may do with this task',
} as const;

export const taskDetailView = responseObject({ task: taskView, assignments: { type: 'array', items: assignmentView }, viewer: viewerView });
/** A task with the part of its tree the caller sees, and what the caller may do with it. */
export type TaskDetail = FromSchema<typeof taskDetailView>;

const taskBody = {
  title,
  description: longText(10_000),
  category: { type: 'string', maxLength: 50, pattern: '^[^<>\\u0000-\\u001f\\u007f]*$' },
  priority,
  ...deadlineFields,
} as const;

export const createTaskRoute = {
  tags: ['dispatch'],
  summary: 'Create a task and dispatch it to one or many units in one transaction: one assignment per unit, each tracked on its own',
  params: tenantParams,
  body: {
    type: 'object',
    required: ['title', 'ownerUnitId', 'assignments'],
    additionalProperties: false,
    properties: {
      ...taskBody,
      ownerUnitId: { ...uuid, description: 'The supervising unit; inside the caller’s dispatch.supervise scope' },
      attachmentIds: fileIds(20),
      reportFormId: { ...uuid, description: 'A published form of the forms module that every report fills in' },
      reportFormVersion: { type: 'integer', minimum: 1, description: 'Default: the latest published version' },
      cadence: cadenceInput,
      assignments: { type: 'array', items: assignmentInput, minItems: 1, maxItems: 500 },
    },
  },
  response: { 201: taskDetailView, ...errorResponses },
} as const;
/** A new task and its dispatch (POST /tasks). */
export type TaskInput = FromSchema<typeof createTaskRoute.body, { keepDefaultedPropertiesOptional: true }>;

export const updateTaskRoute = {
  tags: ['dispatch'],
  summary: 'Change a task’s text, category, priority or deadline (assignments keep their own deadlines unless they followed the task’s)',
  params: tenantIdParams,
  body: { type: 'object', additionalProperties: false, minProperties: 1, properties: { ...taskBody, attachmentIds: fileIds(20) } },
  response: { 200: taskDetailView, ...errorResponses },
} as const;
/** A task's changes (PATCH /tasks/:id). */
export type TaskChanges = FromSchema<typeof updateTaskRoute.body>;

export const closeTaskRoute = {
  tags: ['dispatch'],
  summary: 'Close a task: every assignment still open is closed, nothing more is asked of the units',
  params: tenantIdParams,
  response: { 200: taskDetailView, ...errorResponses },
} as const;

export const getTaskRoute = {
  tags: ['dispatch'],
  summary:
    'A task with its tree of assignments (all of it for supervisors and leaders; for a unit, its own branches, the path above them, and for a lead its co-organisers)',
  params: tenantIdParams,
  response: { 200: taskDetailView, ...errorResponses },
} as const;

export const addAssignmentsRoute = {
  tags: ['dispatch'],
  summary: 'Dispatch an existing task to more units',
  params: tenantIdParams,
  body: {
    type: 'object',
    required: ['assignments'],
    additionalProperties: false,
    properties: { assignments: { type: 'array', items: assignmentInput, minItems: 1, maxItems: 500 } },
  },
  response: { 200: taskDetailView, ...errorResponses },
} as const;

export const listTasksRoute = {
  tags: ['dispatch'],
  summary: 'Tasks whose supervising unit lies in the caller’s dispatch.supervise or dispatch.instruct scope, newest first',
  params: tenantParams,
  querystring: {
    type: 'object',
    additionalProperties: false,
    properties: {
      status: taskStatus,
      category: { type: 'string', maxLength: 50 },
      light,
      priority,
      unitId: { ...uuid, description: 'Tasks dispatched to this unit (at any depth)' },
      q: { type: 'string', minLength: 1, maxLength: 100, description: 'Substring of the title' },
      limit: limitQuery,
      cursor: cursorQuery,
    },
  },
  response: {
    200: responseObject({ items: { type: 'array', items: taskView }, nextCursor: nullableString }),
    ...errorResponses,
  },
} as const;

const timelineItem = responseObject({
  id: uuid,
  kind: { type: 'string' },
  assignmentId: nullableString,
  unitName: nullableString,
  actorName: nullableString,
  data: { type: 'object', additionalProperties: true },
  at: timestamp,
});
/** One thing that happened to a task (a light change among them). */
export type TimelineItem = FromSchema<typeof timelineItem>;

export const timelineRoute = {
  tags: ['dispatch'],
  summary: 'Everything that happened to a task, oldest first, with light changes',
  params: tenantIdParams,
  querystring: { type: 'object', additionalProperties: false, properties: { assignmentId: uuid } },
  response: { 200: responseObject({ items: { type: 'array', items: timelineItem } }), ...errorResponses },
} as const;
