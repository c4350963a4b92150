import type { FromSchema } from 'json-schema-to-ts';
import {
  cursorQuery,
  errorResponses,
  limitQuery,
  responseObject,
  tenantIdParams,
  tenantParams,
  timestamp,
} from '../../../core/schemas/schema-kit.ts';
import { nullableString } from './common.schema.ts';
import { taskView } from './task.schema.ts';

const followState = responseObject({ following: { type: 'boolean' } });
export type FollowState = FromSchema<typeof followState>;

export const getFollowRoute = {
  tags: ['dispatch'],
  summary: 'Whether the caller follows (关注) the task',
  params: tenantIdParams,
  response: { 200: followState, ...errorResponses },
} as const;

export const followRoute = {
  tags: ['dispatch'],
  summary: 'Follow a task the caller can see: its reports, instructions, cards, red lights and replies reach the caller in-app. Idempotent',
  params: tenantIdParams,
  response: { 200: followState, ...errorResponses },
} as const;

export const unfollowRoute = {
  tags: ['dispatch'],
  summary: 'Stop following a task. Idempotent',
  params: tenantIdParams,
  response: { 200: followState, ...errorResponses },
} as const;

const followedTask = responseObject({ task: taskView, followedAt: timestamp });
export type FollowedTask = FromSchema<typeof followedTask>;

export const listFollowingRoute = {
  tags: ['dispatch'],
  summary: 'The tasks the caller follows and still sees, most recently followed first',
  params: tenantParams,
  querystring: { type: 'object', additionalProperties: false, properties: { limit: limitQuery, cursor: cursorQuery } },
  response: {
    200: responseObject({ items: { type: 'array', items: followedTask }, nextCursor: nullableString }),
    ...errorResponses,
  },
} as const;
