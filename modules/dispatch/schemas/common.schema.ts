import type { FromSchema } from 'json-schema-to-ts';
import { plainName, responseObject, timestamp, uuid } from '../../../core/schemas/schema-kit.ts';

export const light = { type: 'string', enum: ['white', 'blue', 'green', 'yellow', 'red'] } as const;
export type Light = FromSchema<typeof light>;
export const priority = { type: 'string', enum: ['low', 'normal', 'high', 'urgent'] } as const;
export type Priority = FromSchema<typeof priority>;
export const assignmentStatus = { type: 'string', enum: ['pending', 'open', 'submitted', 'done', 'closed'] } as const;
export type AssignmentStatus = FromSchema<typeof assignmentStatus>;
export const assignmentRole = { type: 'string', enum: ['lead', 'co'] } as const;
export type AssignmentRole = FromSchema<typeof assignmentRole>;
export const nullableString = { type: ['string', 'null'] } as const;
export const nullableTimestamp = { type: ['string', 'null'], format: 'date-time' } as const;

/** A few lines of plain text (descriptions, reasons, report text): no control characters but newlines. */
export const longText = (maxLength: number) =>
  ({ type: 'string', maxLength, pattern: '^[^\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f]*$' }) as const;
export const reasonText = { type: 'string', minLength: 1, maxLength: 1000, pattern: '\\S' } as const;

export const fileIds = (maxItems: number) => ({ type: 'array', items: uuid, maxItems, uniqueItems: true }) as const;

/** A deadline: an instant (`deadline`), or a number of the tenant's working days from today (`deadlineWorkingDays`, end of that day). */
export const deadlineFields = {
  deadline: { ...timestamp, description: 'An instant in the future' },
  deadlineWorkingDays: {
    type: 'integer',
    minimum: 1,
    maximum: 365,
    description: 'Working days from today (the tenant calendar); the deadline is the end of that day, Asia/Shanghai',
  },
} as const;

export const assignmentInput = {
  type: 'object',
  required: ['unitId'],
  additionalProperties: false,
  properties: {
    unitId: uuid,
    personId: { ...uuid, description: 'The responsible person; a person of that unit or below it' },
    role: { ...assignmentRole, default: 'lead', description: 'lead (牵头) or co-organiser (配合)' },
    instructions: longText(2000),
    ...deadlineFields,
  },
} as const;
/** One responsible unit of a dispatch (POST /tasks, /tasks/:id/assignments, /assignments/:id/subtasks). */
export type AssignmentInput = FromSchema<typeof assignmentInput, { keepDefaultedPropertiesOptional: true }>;

/** A unit or a person, by id and name. */
export const namedRef = responseObject({ id: uuid, name: { type: 'string' } });
export const personRef = { ...namedRef, type: ['object', 'null'] } as const;
export const unitRef = responseObject({ id: uuid, name: { type: 'string' }, kind: { type: 'string' } });
export type UnitRef = FromSchema<typeof unitRef>;
/** An attached file (photos of reports, replies and requests; task attachments). */
export const fileView = responseObject({
  id: uuid,
  name: { type: 'string' },
  contentType: { type: 'string' },
  sizeBytes: { type: 'integer' },
});
export type FileView = FromSchema<typeof fileView>;
export const title = { ...plainName, maxLength: 200 } as const;
