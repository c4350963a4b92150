import { createHash, randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import { AppError, forbidden, HOUR_MS } from '../../../core/module-kit.ts';
import { OPEN311_ERRORS } from '../schemas/open311-error-codes.ts';

/** A new api_key: 192 random bits, prefixed so a leaked one is recognised for what it is. */
export function newApiKey(): string {
  return `o311_${randomBytes(24).toString('base64url')}`;
}

/** What is stored of a key: its sha256, so the key cannot be read back from the database. */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

export interface Open311Client {
  id: string;
  name: string;
  requests_per_hour: number;
}

/**
 * The active client of this county holding the key, else 403 (no key, a wrong one, a revoked one
 * and another county's are all the same answer: nothing is learned by trying).
 */
export async function clientOfKey(trx: Knex.Transaction, key: string | undefined): Promise<Open311Client> {
  const client: Open311Client | undefined = key
    ? await trx('grid_open311_client')
        .where({ key_hash: hashApiKey(key), active: true })
        .first('id', 'name', 'requests_per_hour')
    : undefined;
  if (!client) throw forbidden(OPEN311_ERRORS.KEY_INVALID, 'api_key is missing or not valid for this county');
  return client;
}

/** 429 once the client has filed its hourly number of requests (counted in the database, so every server agrees). */
export async function requireClientAllowance(trx: Knex.Transaction, client: Open311Client, now: Date): Promise<void> {
  const [{ count }] = await trx('grid_open311_request')
    .where({ client_id: client.id })
    .andWhere('created_at', '>', new Date(now.getTime() - HOUR_MS))
    .count<{ count: string }[]>('event_id as count');
  if (Number(count) >= client.requests_per_hour)
    throw new AppError(429, OPEN311_ERRORS.CLIENT_LIMIT, `This api_key may file at most ${client.requests_per_hour} requests an hour`);
}
