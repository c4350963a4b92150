import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Knex } from 'knex';
import pg from 'pg';
import type { Database } from './database.ts';
import { migrationContext } from './rls.ts';
import { citusInstalled, distributeTables } from './citus.ts';
import type { PlatformModule } from '../modules/contract.ts';

const CORE_MIGRATIONS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../migrations/core');

interface MigrationFile {
  name: string;
  file: string;
}

/** A folder of migrations and the prefix of their names: `core`, or a module's id. */
interface MigrationFolder {
  name: string;
  dir: string;
}

/** Core's migrations, then each module's that has a folder, in the order modules are listed. */
function migrationFolders(modules: Pick<PlatformModule, 'manifest' | 'migrations'>[]): MigrationFolder[] {
  return [
    { name: 'core', dir: CORE_MIGRATIONS },
    ...modules.flatMap((m) => (m.migrations ? [{ name: m.manifest.id, dir: m.migrations }] : [])),
  ];
}

/**
 * Core migrations first, then each installed module's folder, in the order modules are listed.
 * Names are `<folder>/<file>` so two modules may both have `001_init.ts`.
 */
class FolderMigrationSource implements Knex.MigrationSource<MigrationFile> {
  constructor(private readonly folders: MigrationFolder[]) {}

  async getMigrations(): Promise<MigrationFile[]> {
    return this.folders.flatMap(({ name, dir }) => {
      if (!fs.existsSync(dir)) return [];
      return fs
        .readdirSync(dir)
        .filter((f) => /^\d.*\.ts$/.test(f))
        .sort()
        .map((f) => ({ name: `${name}/${f}`, file: path.join(dir, f) }));
    });
  }

  getMigrationName(migration: MigrationFile): string {
    return migration.name;
  }

  async getMigration(migration: MigrationFile): Promise<Knex.Migration> {
    return (await import(pathToFileURL(migration.file).href)) as Knex.Migration;
  }
}

export interface MigrateOptions {
  /** The installed modules: their migrations run after core's. */
  modules: Pick<PlatformModule, 'manifest' | 'migrations'>[];
  runtimePassword?: string;
}

/** Creates the runtime role when missing, then runs every pending migration as the owner. */
export async function migrateLatest(db: Database, options: MigrateOptions): Promise<void> {
  await ensureRuntimeRole(db, options.runtimePassword);
  migrationContext.runtimeRole = db.runtimeRole;
  if (!(await citusInstalled(db.owner))) {
    await db.owner.migrate.latest(migratorConfig(options));
    return;
  }
  // Citus: one migration at a time, each followed by distributing the tables it created, so the
  // next one may add keys to them (older migrations create tables with their keys inline).
  await distributeTables(db.owner);
  for (;;) {
    const [, pending] = (await db.owner.migrate.list(migratorConfig(options))) as [unknown[], unknown[]];
    if (pending.length === 0) return;
    await db.owner.migrate.up(migratorConfig(options));
    await distributeTables(db.owner);
  }
}

/** Migrations this code knows that the database has not applied (readiness: `/readyz`). */
export async function pendingMigrations(db: Database, modules: Pick<PlatformModule, 'manifest' | 'migrations'>[]): Promise<string[]> {
  const known = await new FolderMigrationSource(migrationFolders(modules)).getMigrations();
  const applied = new Set<string>(await db.owner('core_migrations').pluck('name'));
  return known.map((m) => m.name).filter((name) => !applied.has(name));
}

export async function migrateRollbackAll(db: Database, options: MigrateOptions): Promise<void> {
  migrationContext.runtimeRole = db.runtimeRole;
  await db.owner.migrate.rollback(migratorConfig(options), true);
}

function migratorConfig(options: MigrateOptions): Knex.MigratorConfig {
  return {
    migrationSource: new FolderMigrationSource(migrationFolders(options.modules)),
    tableName: 'core_migrations',
    // A module removed from modules/index.ts leaves its applied migrations behind: the platform
    // must still start (its tables stay, unused), so applied-but-unknown migrations are allowed.
    disableMigrationsListValidation: true,
  };
}

async function ensureRuntimeRole(db: Database, password: string | undefined): Promise<void> {
  const role = db.runtimeRole;
  const exists = await db.owner.raw('select 1 from pg_roles where rolname = ?', [role]);
  if (exists.rows.length === 0) {
    // Concurrent first starts (e.g. parallel test workers) may race here: a duplicate is fine.
    try {
      await db.owner.raw(`create role ?? login nosuperuser nobypassrls nocreatedb nocreaterole`, [role]);
    } catch (error) {
      if ((error as { code?: string }).code !== '23505' && (error as { code?: string }).code !== '42710') throw error;
    }
  }
  if (password) await db.owner.raw(`alter role ?? password ${pg.escapeLiteral(password)}`, [role]);
  // Citus sends SET LOCAL (the tenant context, core/db/tenant-context-sql.ts) to the workers only with this.
  if (await citusInstalled(db.owner)) await db.owner.raw(`alter role ?? set citus.propagate_set_commands = 'local'`, [role]);
}
