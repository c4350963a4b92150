import type { Knex } from 'knex';
import { uuidv7 } from 'uuidv7';
import { forbidden, notFound, type DataScope, type ModuleContext } from '../../../core/module-kit.ts';
import { DEFAULT_REQUESTS_PER_HOUR, type Open311ClientInput, type Open311ClientView } from '../schemas/open311-client.schema.ts';
import { OPEN311_ERRORS } from '../schemas/open311-error-codes.ts';
import { hashApiKey, newApiKey } from './open311-keys.ts';

interface ClientRow {
  id: string;
  name: string;
  active: boolean;
  requests_per_hour: number;
  request_count: string | number;
  created_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

const iso = (value: Date | null) => (value ? new Date(value).toISOString() : null);

function toView(row: ClientRow): Open311ClientView {
  return {
    id: row.id,
    name: row.name,
    active: row.active,
    requestsPerHour: row.requests_per_hour,
    requestCount: Number(row.request_count),
    createdAt: new Date(row.created_at).toISOString(),
    lastUsedAt: iso(row.last_used_at),
    revokedAt: iso(row.revoked_at),
  };
}

/**
 * A key files requests anywhere in the county, so only a manager of the whole county issues,
 * lists or revokes keys; a town's manager gets 403.
 */
export function requireCountyScope(scope: DataScope): void {
  if (scope.kind !== 'tenant')
    throw forbidden(OPEN311_ERRORS.COUNTY_SCOPE_REQUIRED, 'Only managers of the whole county keep the Open311 keys');
}

function clientQuery(trx: Knex.Transaction) {
  return trx('grid_open311_client as c').select(
    'c.id',
    'c.name',
    'c.active',
    'c.requests_per_hour',
    'c.created_at',
    'c.last_used_at',
    'c.revoked_at',
    trx('grid_open311_request as r').where('r.client_id', trx.ref('c.id')).count('*').as('request_count'),
  );
}

/** The county's clients, active ones first, newest first. */
export async function listOpen311Clients(trx: Knex.Transaction): Promise<Open311ClientView[]> {
  const rows: ClientRow[] = await clientQuery(trx).orderBy([
    { column: 'c.active', order: 'desc' },
    { column: 'c.created_at', order: 'desc' },
    { column: 'c.id', order: 'desc' },
  ]);
  return rows.map(toView);
}

export async function findOpen311Client(trx: Knex.Transaction, id: string): Promise<Open311ClientView> {
  const row: ClientRow | undefined = await clientQuery(trx).where('c.id', id).first();
  if (!row) throw notFound(OPEN311_ERRORS.CLIENT_NOT_FOUND, 'No such Open311 client');
  return toView(row);
}

/** Issues a key: answers the client with the key, which is not kept and cannot be shown again. */
export async function createOpen311Client(ctx: ModuleContext, input: Open311ClientInput): Promise<Open311ClientView & { apiKey: string }> {
  const id = uuidv7();
  const apiKey = newApiKey();
  await ctx.trx('grid_open311_client').insert({
    tenant_id: ctx.tenantId,
    id,
    name: input.name.trim(),
    key_hash: hashApiKey(apiKey),
    requests_per_hour: input.requestsPerHour ?? DEFAULT_REQUESTS_PER_HOUR,
    created_at: ctx.now,
  });
  return { ...(await findOpen311Client(ctx.trx, id)), apiKey };
}

/** Revokes a key for good; answers whether it was active until now (revoking twice changes nothing). */
export async function revokeOpen311Client(ctx: ModuleContext, id: string): Promise<boolean> {
  await findOpen311Client(ctx.trx, id);
  const changed = await ctx.trx('grid_open311_client').where({ id, active: true }).update({ active: false, revoked_at: ctx.now });
  return changed > 0;
}
