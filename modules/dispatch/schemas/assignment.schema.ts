import type { FromSchema } from 'json-schema-to-ts';
import { errorResponses, responseObject, tenantIdParams } from '../../../core/schemas/schema-kit.ts';
import { assignmentInput } from './common.schema.ts';
import { assignmentView, taskView } from './task.schema.ts';
import { reportFormView } from './report-form.schema.ts';

const assignmentDetail = responseObject({
  assignment: assignmentView,
  task: taskView,
  reportForm: { ...reportFormView, description: 'The task’s frozen report form, null when it has none or the forms module is not enabled' },
  viewer: responseObject({ handles: { type: 'boolean' }, reviews: { type: 'boolean' }, supervise: { type: 'boolean' } }),
});
/** An assignment with its task, its report form and what the caller may do with it. */
export type AssignmentDetail = FromSchema<typeof assignmentDetail>;

export const getAssignmentRoute = {
  tags: ['dispatch'],
  summary: 'One assignment with its task and what the caller may do with it',
  params: tenantIdParams,
  response: { 200: assignmentDetail, ...errorResponses },
} as const;

export const openAssignmentRoute = {
  tags: ['dispatch'],
  summary: 'Acknowledge receipt (签收): the assignment is opened; stops the "not opened" reminder',
  params: tenantIdParams,
  response: { 200: assignmentDetail, ...errorResponses },
} as const;

export const redispatchRoute = {
  tags: ['dispatch'],
  summary:
    'Re-dispatch: split the assignment into subtasks for units below the assignment’s unit, to any depth; the parent’s progress and light roll up from them',
  params: tenantIdParams,
  body: {
    type: 'object',
    required: ['assignments'],
    additionalProperties: false,
    properties: { assignments: { type: 'array', items: assignmentInput, minItems: 1, maxItems: 500 } },
  },
  response: { 201: responseObject({ items: { type: 'array', items: assignmentView } }), ...errorResponses },
} as const;
