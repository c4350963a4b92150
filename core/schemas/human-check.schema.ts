import { errorResponses, responseObject, tenantParams, uuid } from './common.schema.ts';

import type { FromSchema } from 'json-schema-to-ts';
import { CORE_ERRORS } from './error-codes.ts';

/** The error a failed, replayed or expired human check answers with (400, naming the field). */
export const CORE_HUMAN_CHECK_FAILED = CORE_ERRORS.HUMAN_CHECK_FAILED;
/** 429: too many challenges asked for from one client address. */
export const CORE_HUMAN_CHECK_RATE_LIMITED = CORE_ERRORS.HUMAN_CHECK_RATE_LIMITED;

/** ALTCHA challenge parameters as the server made them: sent back unchanged with the solution. */
const challengeParameters = {
  type: 'object',
  required: ['algorithm', 'nonce', 'salt', 'cost', 'keyLength', 'keyPrefix'],
  additionalProperties: false,
  properties: {
    algorithm: { type: 'string', maxLength: 40 },
    nonce: { type: 'string', maxLength: 200 },
    salt: { type: 'string', maxLength: 200 },
    cost: { type: 'integer', minimum: 1, maximum: 1_000_000 },
    keyLength: { type: 'integer', minimum: 1, maximum: 64 },
    keyPrefix: { type: 'string', maxLength: 128 },
    keySignature: { type: 'string', maxLength: 200 },
    memoryCost: { type: 'integer', minimum: 0, maximum: 1_000_000 },
    parallelism: { type: 'integer', minimum: 0, maximum: 64 },
    expiresAt: { type: 'integer', minimum: 0, maximum: 99_999_999_999 },
    data: { type: 'object', required: ['id'], additionalProperties: false, properties: { id: uuid } },
  },
} as const;

export const humanCheckChallengeView = responseObject({
  id: uuid,
  maxCounter: { type: 'integer', description: 'The solution’s counter lies below this: what a progress bar measures against' },
  parameters: challengeParameters,
  signature: { type: 'string' },
});

/** A challenge as the browser gets it from `POST /human-checks`. */
export type HumanCheckChallengeView = FromSchema<typeof humanCheckChallengeView>;

/** The `humanCheck` property of a public form's body: the challenge as received and what solves it. */
export const humanCheckAnswer = {
  type: 'object',
  required: ['challenge', 'solution'],
  additionalProperties: false,
  description: 'A solved challenge from POST /human-checks (ALTCHA proof of work), accepted once',
  properties: {
    challenge: {
      type: 'object',
      required: ['parameters', 'signature'],
      additionalProperties: false,
      properties: { parameters: challengeParameters, signature: { type: 'string', maxLength: 200 } },
    },
    solution: {
      type: 'object',
      required: ['counter', 'derivedKey'],
      additionalProperties: false,
      properties: { counter: { type: 'integer', minimum: 0, maximum: 4_294_967_295 }, derivedKey: { type: 'string', maxLength: 200 } },
    },
  },
} as const;

export const issueHumanCheckRoute = {
  tags: ['public'],
  summary:
    'A new human check for a public form (no sign-in): a proof-of-work challenge the browser solves in about a second; each is accepted once within ten minutes. Limited per client address',
  params: tenantParams,
  response: { 201: humanCheckChallengeView, ...errorResponses },
} as const;
