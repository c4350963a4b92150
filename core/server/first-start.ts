import { randomBytes } from 'node:crypto';
import type { Database } from '../db/database.ts';
import { withTenant } from '../db/tenant-transaction.ts';
import type { PlatformModule } from '../modules/contract.ts';
import { createFirstOperator, DEMO, seedDemoIfEmpty } from './demo-seed.ts';

export interface FirstStartOptions {
  /** The embedded database (no DATABASE_URL): its first run is a try-out and gets the demo counties. */
  embedded: boolean;
  /** DEMO=1: load the demo counties into a database without tenants, on any database. */
  demo: boolean;
  /** OPERATOR_PASSWORD: the first operator's password; unset on a real install, a random one is printed once. */
  operatorPassword?: string;
}

/**
 * What `npm start` prepares before listening. Returns the logins to print: only the ones created
 * now, so no password shows up at a later start.
 * - Embedded first run (no operator, no tenant) or DEMO=1 with no tenant: the six demo counties
 *   and the operator, with the published demo passwords (the README's try-out).
 * - Otherwise a database without an operator (a fresh install on PostgreSQL) gets the operator
 *   only: with OPERATOR_PASSWORD, or a random password printed this once.
 */
export async function prepareFirstStart(db: Database, modules: PlatformModule[], options: FirstStartOptions): Promise<string[]> {
  const state = await withTenant(db, null, async (trx) => ({
    hasTenants: Boolean(await trx('core_tenant').first('id')),
    hasOperator: Boolean(await trx('core_operator').first('id')),
  }));
  const loadDemo = !state.hasTenants && (options.demo || (options.embedded && !state.hasOperator));
  if (loadDemo) return seedDemoIfEmpty(db, modules, { operatorPassword: options.operatorPassword });
  if (state.hasOperator) return [];
  const password = options.operatorPassword ?? randomBytes(15).toString('base64url');
  // A generated password is only a way in: the operator chooses their own at first sign-in.
  const created = await withTenant(db, null, (trx) =>
    createFirstOperator(trx, password, { mustChangePassword: !options.operatorPassword }),
  );
  if (!created) return [];
  if (options.operatorPassword)
    return [`Platform operator:  ${DEMO.operator.username} / (the OPERATOR_PASSWORD you set)   (/platform/login)`];
  return [
    `Platform operator:  ${DEMO.operator.username} / ${password}   (/platform/login)`,
    'This password is printed once, now, and never again; sign in with it and choose your own.',
  ];
}
