import type { Knex } from 'knex';

/** What pg-boss needs of a database: its `db` option (`executeSql`). */
export interface JobDb {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
}

interface QueryResult {
  rows?: Record<string, unknown>[];
}

/** The connection knex hands out: a pg.Client, or the PGlite instance itself. */
interface RawConnection {
  query(text: string, values?: unknown[]): Promise<QueryResult | QueryResult[]>;
  exec?(text: string): Promise<QueryResult[]>;
}

/**
 * Runs pg-boss's SQL on a connection taken from knex, so pg-boss shares knex's pool instead of
 * opening its own. That matters on PGlite: its single connection is knex's pool of one, and SQL
 * sent to the PGlite instance behind knex's back would land inside whatever transaction knex has
 * open. Over a knex transaction, `acquireConnection()` returns that transaction's connection, so
 * the same code enqueues a job atomically with the business change.
 */
export async function executeOnKnex(knex: Knex, text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }> {
  const connection = (await knex.client.acquireConnection()) as RawConnection;
  try {
    const hasValues = values !== undefined && values.length > 0;
    // pg-boss sends its DDL and maintenance as one `;`-joined text without values: PGlite takes
    // that only through exec(), pg only through the simple protocol (query without values).
    let result: QueryResult | QueryResult[];
    if (hasValues) result = await connection.query(text, values);
    else {
      try {
        result = connection.exec ? await connection.exec(text) : await connection.query(text);
      } catch (error) {
        // A failed `BEGIN; …; COMMIT` script leaves the session inside an aborted transaction;
        // the connection goes back to knex's pool (PGlite's only one), so end it here. Never
        // inside a knex transaction, which belongs to its caller.
        if (!knex.isTransaction) await connection.query('rollback').catch(() => undefined);
        throw error;
      }
    }
    const last = Array.isArray(result) ? result[result.length - 1] : result;
    return { rows: last?.rows ?? [] };
  } finally {
    await knex.client.releaseConnection(connection);
  }
}

/** A pg-boss `db` over a knex transaction: what `enqueue` uses inside a business transaction. */
export function transactionJobDb(trx: Knex.Transaction): JobDb {
  return { executeSql: (text, values) => executeOnKnex(trx, text, values) };
}

/**
 * pg-boss's own `db` over the owner knex. It tells whether statements are in flight, so that
 * stopping can wait for them (pg-boss completes a job without awaiting it), and refuses new ones
 * once closed, so nothing reaches a knex that is about to be destroyed.
 */
export class KnexJobDb implements JobDb {
  private inFlight = 0;
  private closed = false;

  constructor(private readonly knex: Knex) {}

  async executeSql(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }> {
    if (this.closed) throw new Error('The job runner is stopped');
    this.inFlight += 1;
    try {
      return await executeOnKnex(this.knex, text, values);
    } finally {
      this.inFlight -= 1;
    }
  }

  /** True when no statement is running. */
  get idle(): boolean {
    return this.inFlight === 0;
  }

  /** Refuses every statement from now on. */
  close(): void {
    this.closed = true;
  }
}
