import type { FromSchema } from 'json-schema-to-ts';
import {
  cursorQuery,
  errorResponses,
  limitQuery,
  responseObject,
  tenantIdParams,
  timestamp,
  uuid,
} from '../../../core/schemas/schema-kit.ts';
import { fileIds, fileView, longText, namedRef, nullableString } from './common.schema.ts';

export const commentView = responseObject({
  id: uuid,
  taskId: uuid,
  assignmentId: nullableString,
  unitName: { ...nullableString, description: 'The unit of the assignment the comment is on' },
  replyToId: nullableString,
  replyToAuthorName: nullableString,
  text: { type: 'string' },
  photos: { type: 'array', items: fileView },
  author: namedRef,
  createdAt: timestamp,
});
/** A reply (回复) on a task or one of its assignments. */
export type CommentView = FromSchema<typeof commentView>;

export const addCommentRoute = {
  tags: ['dispatch'],
  summary:
    'Reply (回复) on a task the caller sees: text and photos (uploaded images, at most maxPhotosPerReport), optionally on one of its assignments the caller sees, optionally replying to a comment (a reply stays on that comment’s assignment). Accepts an Idempotency-Key',
  params: tenantIdParams,
  body: {
    type: 'object',
    required: ['text'],
    additionalProperties: false,
    properties: {
      text: { ...longText(2000), minLength: 1, description: 'Not blank' },
      assignmentId: uuid,
      replyToId: uuid,
      photoIds: fileIds(30),
    },
  },
  response: { 201: commentView, ...errorResponses },
} as const;

export const listCommentsRoute = {
  tags: ['dispatch'],
  summary: 'Comments of a task the caller sees, newest first: those on the task itself and on the assignments the caller sees',
  params: tenantIdParams,
  querystring: {
    type: 'object',
    additionalProperties: false,
    properties: { assignmentId: { ...uuid, description: 'Only the comments on this assignment' }, limit: limitQuery, cursor: cursorQuery },
  },
  response: { 200: responseObject({ items: { type: 'array', items: commentView }, nextCursor: nullableString }), ...errorResponses },
} as const;
