/** After this many failures in a row, each further failure locks the account for longer. */
export const FREE_ATTEMPTS = 5;
const BASE_LOCK_MS = 60_000;
const MAX_LOCK_MS = 24 * 60 * 60_000;

/** Lock duration after `failures` consecutive failed logins: none, then 1, 2, 4 ... minutes, at most a day. */
export function lockDurationMs(failures: number): number {
  if (failures < FREE_ATTEMPTS) return 0;
  return Math.min(BASE_LOCK_MS * 2 ** (failures - FREE_ATTEMPTS), MAX_LOCK_MS);
}
