import type { Knex } from 'knex';

/** After this many failures in a row, each further failure locks the account for longer. */
export const FREE_ATTEMPTS = 5;
const BASE_LOCK_MS = 60_000;
const MAX_LOCK_MS = 24 * 60 * 60_000;

/** Lock duration after `failures` consecutive failed logins: none, then 1, 2, 4 ... minutes, at most a day. */
export function lockDurationMs(failures: number): number {
  if (failures < FREE_ATTEMPTS) return 0;
  return Math.min(BASE_LOCK_MS * 2 ** (failures - FREE_ATTEMPTS), MAX_LOCK_MS);
}

interface LockableAccount {
  id: string;
  failed_logins: number;
  locked_until: Date | null;
}

export function isLocked(account: LockableAccount | undefined): boolean {
  return !!account?.locked_until && new Date(account.locked_until) > new Date();
}

/** Records a sign-in attempt on a user or operator row: resets on success, counts and locks on failure. */
export async function recordSignIn(trx: Knex.Transaction, table: 'core_user' | 'core_operator', account: LockableAccount, succeeded: boolean): Promise<void> {
  if (succeeded) {
    await trx(table).where({ id: account.id }).update({ failed_logins: 0, locked_until: null });
    return;
  }
  const failures = account.failed_logins + 1;
  const lockMs = lockDurationMs(failures);
  await trx(table).where({ id: account.id }).update({ failed_logins: failures, locked_until: lockMs ? new Date(Date.now() + lockMs) : null });
}

export const lockedResponse = (until: Date | null) => ({
  error: { code: 'AUTH_LOCKED', message: `Too many failed sign-ins; try again after ${until ? new Date(until).toISOString() : 'a while'}`, details: [] },
});

export const invalidLoginResponse = { error: { code: 'AUTH_INVALID', message: 'Wrong login or password', details: [] } };
