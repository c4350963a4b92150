import knexFactory, { type Knex } from 'knex';

/** A short-lived connection as the database owner, for creating and dropping databases. */
export async function withAdmin<T>(databaseUrl: string, work: (admin: Knex) => Promise<T>): Promise<T> {
  const admin = knexFactory({ client: 'pg', connection: databaseUrl, pool: { min: 0, max: 1 } });
  try {
    return await work(admin);
  } finally {
    await admin.destroy();
  }
}
