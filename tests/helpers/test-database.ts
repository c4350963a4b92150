import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { loadConfig, type PlatformConfig } from '../../core/config.ts';
import { createPglite, openDatabase, type Database } from '../../core/db/database.ts';
import { migrateLatest } from '../../core/db/migrate.ts';
import { withAdmin } from './admin-connection.ts';
import type { PlatformModule } from '../../core/modules/contract.ts';

/**
 * Each test file gets a database of its own, already migrated:
 * - PostgreSQL (DATABASE_URL set): a new database cloned from a migrated template;
 * - embedded: a PGlite instance loaded from a migrated snapshot.
 * The global setup makes the template or snapshot once per run.
 */

export interface TestDatabase {
  db: Database;
  config: PlatformConfig;
  drop(): Promise<void>;
}

export async function createTestDatabase(modules: PlatformModule[] = []): Promise<TestDatabase> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cp-test-data-'));
  // Test files sign in many accounts from one address; the sign-in throttle has tests of its own.
  const base = loadConfig({ SIGN_IN_PER_MINUTE: '100000', ...process.env, DATA_DIR: dataDir });
  const cleanDataDir = () => fs.rmSync(dataDir, { recursive: true, force: true });
  if (!base.databaseUrl) {
    const snapshot = new Blob([fs.readFileSync(inject('pgliteSnapshot'))]);
    const db = await openDatabase(base, { pglite: await createPglite(snapshot), poolMax: 1 });
    await migrateModules(db, modules);
    return {
      db,
      config: base,
      drop: async () => {
        await db.close();
        cleanDataDir();
      },
    };
  }
  const name = `cp_test_${randomBytes(6).toString('hex')}`;
  await withAdmin(base.databaseUrl, (admin) => admin.raw(`create database ?? template ??`, [name, inject('postgresTemplate')]));
  const url = new URL(base.databaseUrl);
  url.pathname = `/${name}`;
  const config = { ...base, databaseUrl: url.toString() };
  const db = await openDatabase(config);
  await migrateModules(db, modules);
  return {
    db,
    config,
    drop: async () => {
      await db.close();
      await withAdmin(base.databaseUrl as string, (admin) => admin.raw(`drop database if exists ?? with (force)`, [name]));
      cleanDataDir();
    },
  };
}

/** Test modules may bring migrations of their own; core's are already in the template. */
async function migrateModules(db: Database, modules: PlatformModule[]): Promise<void> {
  await migrateLatest(db, { modules });
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** Path of the migrated PGlite snapshot made by the global setup (embedded runs). */
    pgliteSnapshot: string;
    /** Name of the migrated template database made by the global setup (PostgreSQL runs). */
    postgresTemplate: string;
  }
}
