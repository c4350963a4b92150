import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
// knex's own PostgreSQL client and transaction, extended below (knex-pglite extends them too).
const PgClient = require('knex/lib/dialects/postgres/index.js') as new (config: unknown) => { transaction(...args: unknown[]): unknown };
const PgTransaction = require('knex/lib/dialects/postgres/execution/pg-transaction.js') as new (...args: unknown[]) => {
  begin(conn: unknown): Promise<unknown>;
  query(conn: unknown, sql: string): Promise<unknown>;
};

/**
 * Starts a transaction and sets its context in one round trip: `BEGIN; <beginWith>` as one
 * simple-protocol message. Each round trip costs a write and a read on both sides; on a busy
 * server the tenant context of every request is worth folding into the BEGIN.
 */
class ContextPgTransaction extends PgTransaction {
  private readonly beginWith: string | undefined;

  constructor(client: unknown, container: unknown, config?: { beginWith?: string }, outerTx?: unknown) {
    super(client, container, config, outerTx);
    // Knex starts the transaction asynchronously, after this constructor has returned.
    this.beginWith = config?.beginWith;
  }

  begin(conn: unknown): Promise<unknown> {
    if (this.beginWith) return this.query(conn, `BEGIN; ${this.beginWith}`);
    return super.begin(conn);
  }
}

/** knex's PostgreSQL client whose transactions accept a `beginWith` statement in their config. */
export class ContextPgClient extends PgClient {
  transaction(container: unknown, config?: { beginWith?: string }, outerTx?: unknown): unknown {
    return new ContextPgTransaction(this, container, config, outerTx);
  }
}
