import type { PlatformConfig } from '../config.ts';
import type { PlatformModule } from '../modules/contract.ts';
import { openDatabase, type Database } from './database.ts';
import { migrateLatest } from './migrate.ts';
import { scopeQueriesToTenant } from './tenant-scoping.ts';

/** Opens the configured database and brings it to the latest schema of core and the modules. */
export async function openMigratedDatabase(config: PlatformConfig, modules: PlatformModule[]): Promise<Database> {
  const db = await openDatabase(config);
  try {
    await migrateLatest(db, { modules, runtimePassword: config.runtimePassword });
    await scopeQueriesToTenant(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}
