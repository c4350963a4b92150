import fs from 'node:fs';
import path from 'node:path';
import knexFactory, { type Knex } from 'knex';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { PgliteKnexClient } from './pglite-client.ts';
import { ContextPgClient } from './pg-client.ts';
import { lockDataDir } from './data-dir-lock.ts';
import type { PlatformConfig } from '../config.ts';

/**
 * The two faces of one database:
 * - `owner` runs migrations and owns every table;
 * - `runtime` serves requests as a role that owns nothing and cannot bypass RLS.
 * On PGlite there is one connection and everyone is superuser, so `runtime` is the same
 * knex and each transaction switches to the runtime role (see tenant-transaction.ts).
 */
export interface Database {
  kind: 'postgres' | 'pglite';
  owner: Knex;
  runtime: Knex;
  runtimeRole: string;
  /** Role switch needed inside each runtime transaction (PGlite only). */
  switchRoleInTransaction: boolean;
  /** The embedded database itself (PGlite only): backups dump it (core/backup). */
  pglite?: PGlite;
  close(): Promise<void>;
}

const DATE_OID = 1082;
const INT8_OID = 20;
const NUMERIC_OID = 1700;

// Dates stay 'YYYY-MM-DD' strings (no timezone drift); counts come back as numbers.
pg.types.setTypeParser(DATE_OID, (v) => v);
pg.types.setTypeParser(INT8_OID, (v) => Number(v));
pg.types.setTypeParser(NUMERIC_OID, (v) => Number(v));

export interface DatabaseOptions {
  /** Use an existing PGlite instance (tests load a pre-migrated snapshot). */
  pglite?: PGlite;
  poolMax?: number;
}

export async function openDatabase(config: PlatformConfig, options: DatabaseOptions = {}): Promise<Database> {
  if (!config.databaseUrl) return openPglite(config, options);
  const poolMax = options.poolMax ?? config.poolMax;
  const owner = knexFactory({ client: 'pg', connection: config.databaseUrl, pool: { min: 0, max: 2 } });
  const runtimeUrl = config.runtimeDatabaseUrl ?? deriveRuntimeUrl(config.databaseUrl, config.runtimeRole, config.runtimePassword);
  const runtime = knexFactory({
    client: ContextPgClient,
    connection: runtimeUrl,
    pool: { min: 0, max: poolMax },
  } as unknown as Knex.Config);
  return {
    kind: 'postgres',
    owner,
    runtime,
    runtimeRole: config.runtimeRole,
    switchRoleInTransaction: false,
    async close() {
      await Promise.all([owner.destroy(), runtime.destroy()]);
    },
  };
}

async function openPglite(config: PlatformConfig, options: DatabaseOptions): Promise<Database> {
  let pglite = options.pglite;
  // The data directory belongs to one process: the lock comes before PGlite touches anything.
  let releaseLock = async () => {};
  if (!pglite) {
    releaseLock = await lockDataDir(config.dataDir);
    try {
      const dir = path.join(config.dataDir, 'pglite');
      fs.mkdirSync(dir, { recursive: true });
      pglite = await PGlite.create({ dataDir: dir, extensions: { pg_trgm }, parsers: pgliteParsers });
    } catch (error) {
      await releaseLock();
      throw error;
    }
  }
  const instance = pglite;
  const knex = knexFactory({ client: PgliteKnexClient, connection: () => ({ pglite: instance }) } as unknown as Knex.Config);
  return {
    kind: 'pglite',
    owner: knex,
    runtime: knex,
    runtimeRole: config.runtimeRole,
    switchRoleInTransaction: true,
    pglite: instance,
    async close() {
      await knex.destroy();
      await releaseLock();
    },
  };
}

export const pgliteParsers = {
  [DATE_OID]: (v: string) => v,
  [INT8_OID]: (v: string) => Number(v),
  [NUMERIC_OID]: (v: string) => Number(v),
};

/** A PGlite: in memory, or persisted in a folder; loaded from a dump (`dumpDataDir`) when given one. */
export function createPglite(dataDir?: string | Blob, loadDataDir?: Blob): Promise<PGlite> {
  if (dataDir instanceof Blob) return PGlite.create({ loadDataDir: dataDir, extensions: { pg_trgm }, parsers: pgliteParsers });
  return PGlite.create({ dataDir, loadDataDir, extensions: { pg_trgm }, parsers: pgliteParsers });
}

export function deriveRuntimeUrl(ownerUrl: string, role: string, password: string | undefined): string {
  const url = new URL(ownerUrl);
  url.username = role;
  url.password = password ?? '';
  return url.toString();
}
