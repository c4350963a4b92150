import type { Knex } from 'knex';
import { CORE_ERRORS } from '../schemas/error-codes.ts';

/**
 * Sign-in lockout, counted in the database so concurrent attempts are all counted (one atomic
 * upsert per failure). Policy (README "Sign-in", docs/ARCHITECTURE.md "Accounts and sessions"):
 *
 * - per (account, client address): the 5th failure in a row locks that address out of that
 *   account for 1 minute, each further one for twice as long (2, 4 ... minutes), at most 15. Other addresses are not
 *   affected, so someone elsewhere cannot lock the owner out.
 * - per account, from every address together: from the 20th failure since the last success the
 *   account is locked (1, 2, 4 ... minutes, at most 15) for every address that has not signed in to it
 *   successfully in the last 30 days: a spray from many addresses stops, the owner at their usual
 *   address keeps signing in.
 * - unknown logins are counted the same way (keyed by the login as typed), so known and unknown
 *   logins answer alike; an attempt refused while locked is not counted (it cannot lengthen a lock).
 * - a success resets both counters of its account; an admin's unlock or password reset clears them.
 */
export const FREE_ATTEMPTS = 5;
export const EVERYWHERE_FREE_ATTEMPTS = 20;
const BASE_LOCK_SECONDS = 60;
export const MAX_LOCK_SECONDS = 15 * 60;
const TRUSTED_ADDRESS_DAYS = 30;
/** The `address` of the row counting an account's failures from every address. */
const EVERYWHERE = '*';

export type FailureTable = 'core_sign_in_failure' | 'core_operator_sign_in_failure';

export interface SignInAttempt {
  table: FailureTable;
  /** Set for tenant users; operators have none. */
  tenantId?: string;
  /** `user:<id>`, `operator:<id>`, or `login:<login as typed>` for a login that matches nobody. */
  accountKey: string;
  address: string;
}

export const userAccountKey = (userId: string) => `user:${userId}`;
/** The same key in SQL, from a column holding the user's id. */
export const userAccountKeySql = (idColumn: string) => `'user:' || ${idColumn}::text`;
export const operatorAccountKey = (operatorId: string) => `operator:${operatorId}`;
export const unknownLoginKey = (login: string) => `login:${login}`;

interface FailureRow {
  address: string;
  locked_until: Date | null;
  last_success_at: Date | null;
}

/** Until when this address may not sign in to the account; null when it may. */
export async function lockedUntil(trx: Knex.Transaction, attempt: SignInAttempt): Promise<Date | null> {
  const rows: FailureRow[] = await trx(attempt.table)
    .where({ account_key: attempt.accountKey })
    .whereIn('address', [attempt.address, EVERYWHERE])
    .select('address', 'locked_until', 'last_success_at');
  const now = Date.now();
  const here = rows.find((r) => r.address === attempt.address);
  if (here?.locked_until && new Date(here.locked_until).getTime() > now) return new Date(here.locked_until);
  const trusted = !!here?.last_success_at && new Date(here.last_success_at).getTime() > now - TRUSTED_ADDRESS_DAYS * 86_400_000;
  const everywhere = rows.find((r) => r.address === EVERYWHERE);
  if (!trusted && everywhere?.locked_until && new Date(everywhere.locked_until).getTime() > now) return new Date(everywhere.locked_until);
  return null;
}

/** Counts one failure for the address and for the account, atomically; locks past the free attempts. */
export async function recordFailure(trx: Knex.Transaction, attempt: SignInAttempt): Promise<void> {
  await countFailure(trx, attempt, attempt.address, FREE_ATTEMPTS);
  await countFailure(trx, attempt, EVERYWHERE, EVERYWHERE_FREE_ATTEMPTS);
}

async function countFailure(trx: Knex.Transaction, attempt: SignInAttempt, address: string, free: number): Promise<void> {
  // `failures + 1` is computed by the row's latest version under its row lock: no lost update.
  await trx.raw(
    `insert into ?? as f (${attempt.tenantId ? 'tenant_id, ' : ''}account_key, address, failures, last_failure_at)
     values (${attempt.tenantId ? '?, ' : ''}?, ?, 1, ?)
     on conflict (${attempt.tenantId ? 'tenant_id, ' : ''}account_key, address) do update set
       failures = f.failures + 1,
       last_failure_at = excluded.last_failure_at,
       locked_until = case when f.failures + 1 >= ? then excluded.last_failure_at + make_interval(secs => least(? * power(2, f.failures + 1 - ?), ?)) else f.locked_until end`,
    // The time travels as a value: Citus cannot evaluate now() inside ON CONFLICT (docs/SCALING.md).
    [
      attempt.table,
      ...(attempt.tenantId ? [attempt.tenantId] : []),
      attempt.accountKey,
      address,
      new Date(),
      free,
      BASE_LOCK_SECONDS,
      free,
      MAX_LOCK_SECONDS,
    ],
  );
}

/**
 * Records a right password: resets the counters, unless a lock landed since the attempt began
 * (failures sent at the same moment): then false, and the caller refuses the sign-in. The
 * upsert waits for concurrent failures on the same row and checks their result.
 */
export async function recordSuccess(trx: Knex.Transaction, attempt: SignInAttempt): Promise<boolean> {
  if (await lockedUntil(trx, attempt)) return false;
  const tenant = attempt.tenantId ? { tenant_id: attempt.tenantId } : {};
  const conflictColumns = attempt.tenantId ? ['tenant_id', 'account_key', 'address'] : ['account_key', 'address'];
  const now = new Date(); // a value, not now(): docs/SCALING.md
  const here = await trx(attempt.table)
    .insert({ ...tenant, account_key: attempt.accountKey, address: attempt.address, failures: 0, last_success_at: now })
    .onConflict(conflictColumns)
    .merge({ failures: 0, locked_until: null, last_success_at: now })
    .where((q) => q.whereNull(`${attempt.table}.locked_until`).orWhere(`${attempt.table}.locked_until`, '<=', now))
    .returning('address');
  if (here.length === 0) return false;
  await trx(attempt.table).where({ account_key: attempt.accountKey, address: EVERYWHERE }).update({ failures: 0, locked_until: null });
  return true;
}

/** An admin's unlock or password reset: every lock and counter of the account, from every address. */
export async function clearSignInFailures(trx: Knex.Transaction, table: FailureTable, accountKey: string): Promise<void> {
  await trx(table).where({ account_key: accountKey }).update({ failures: 0, locked_until: null });
}

export const lockedResponse = (until: Date) => ({
  error: { code: CORE_ERRORS.AUTH_LOCKED, message: `Too many failed sign-ins; try again after ${until.toISOString()}`, details: [] },
});

export const invalidLoginResponse = { error: { code: CORE_ERRORS.AUTH_INVALID, message: 'Wrong login or password', details: [] } };
