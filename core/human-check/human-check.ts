import { randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import { createChallenge, randomInt, verifySolution, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import { uuidv7 } from 'uuidv7';
import { badRequest } from '../http/errors.ts';
import type { FromSchema } from 'json-schema-to-ts';
import { CORE_HUMAN_CHECK_FAILED, type humanCheckAnswer, type humanCheckChallengeView } from '../schemas/human-check.schema.ts';

/**
 * A proof-of-work check for forms anyone may send (a citizen's report): the browser must spend
 * about a second of hashing per submission, which a person does not notice and a script sending
 * thousands does. It needs no outside service (ALTCHA's open protocol, altcha-lib). Each
 * challenge is stored with its own secret and accepted once, before it expires, so a solved
 * challenge cannot be replayed and no platform-wide key has to be configured.
 */

const ALGORITHM = 'SHA-256';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** The browser tries counters from 0 up: about half this many SHA-256 hashes on average. */
export const HUMAN_CHECK_MAX_COUNTER = 60_000;
const MIN_COUNTER = 1_000;
const LIFETIME_MS = 10 * 60 * 1000;
/** Expired challenges removed per new one: the table stays as small as the traffic of ten minutes. */
const SWEEP_BATCH = 50;

export type HumanCheckChallenge = FromSchema<typeof humanCheckChallengeView>;

/** What the browser sends back: the challenge as it got it, and the counter it found. */
export type HumanCheckAnswer = FromSchema<typeof humanCheckAnswer>;

/** Hands out a new challenge, and drops a batch of expired ones. */
export async function issueHumanCheck(trx: Knex.Transaction, tenantId: string, now: Date): Promise<HumanCheckChallenge> {
  const id = uuidv7();
  const secret = randomBytes(24).toString('base64url');
  const expiresAt = new Date(now.getTime() + LIFETIME_MS);
  const challenge = await createChallenge({
    algorithm: ALGORITHM,
    cost: 1,
    counter: randomInt(MIN_COUNTER, HUMAN_CHECK_MAX_COUNTER),
    deriveKey,
    expiresAt,
    hmacSignatureSecret: secret,
    data: { id },
  });
  const expired = trx('core_human_check').where({ tenant_id: tenantId }).andWhere('expires_at', '<', now).limit(SWEEP_BATCH).select('id');
  await trx('core_human_check').where({ tenant_id: tenantId }).whereIn('id', expired).delete();
  await trx('core_human_check').insert({ tenant_id: tenantId, id, secret, expires_at: expiresAt });
  return {
    id,
    maxCounter: HUMAN_CHECK_MAX_COUNTER,
    parameters: challenge.parameters as HumanCheckChallenge['parameters'],
    signature: challenge.signature ?? '',
  };
}

/**
 * Accepts a solution once: the challenge must be ours, unexpired and unused, and the solution
 * must derive the key it asked for. Anything else is a 400 naming `path`; nothing is written.
 */
export async function verifyHumanCheck(
  trx: Knex.Transaction,
  tenantId: string,
  answer: HumanCheckAnswer,
  path: string,
  now: Date,
): Promise<void> {
  const fail = (message: string) =>
    badRequest(CORE_HUMAN_CHECK_FAILED, 'The human check was not passed; ask for a new one and try again', [{ path, message }]);
  // The id rides in the signed parameters: a changed id fails the signature below.
  const id = answer.challenge.parameters.data?.id;
  if (typeof id !== 'string' || !UUID.test(id)) throw fail('is not a challenge handed out here');
  const row: { secret: string; expires_at: Date; used_at: Date | null } | undefined = await trx('core_human_check')
    .where({ tenant_id: tenantId, id })
    .forUpdate()
    .first('secret', 'expires_at', 'used_at');
  if (!row) throw fail('is not a challenge handed out here');
  if (row.used_at) throw fail('was already used');
  if (new Date(row.expires_at) <= now) throw fail('has expired');
  const result = await verifySolution({
    challenge: answer.challenge as unknown as Challenge,
    solution: answer.solution,
    deriveKey,
    hmacSignatureSecret: row.secret,
  }).catch(() => ({ verified: false }));
  if (!result.verified) throw fail('is not solved');
  await trx('core_human_check').where({ tenant_id: tenantId, id }).update({ used_at: now });
}
