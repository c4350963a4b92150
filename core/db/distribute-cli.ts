import { loadConfig } from '../config.ts';
import { openDatabase } from './database.ts';
import { citusInstalled, distributeTables } from './citus.ts';

/**
 * `npm run db:distribute`: turns an existing database into a distributed one once the `citus`
 * extension is installed in it (docs/SCALING.md): reference tables for the platform, every tenant
 * table distributed by tenant_id and co-located, foreign keys kept. Safe to run again.
 */
const config = loadConfig();
if (!config.databaseUrl) {
  console.error('db:distribute needs DATABASE_URL (the embedded database is never distributed)');
  process.exit(2);
}
const db = await openDatabase(config);
try {
  if (!(await citusInstalled(db.owner))) {
    console.error('the citus extension is not installed in this database: create extension citus; first');
    process.exitCode = 2;
  } else {
    const statements = await distributeTables(db.owner);
    console.log(statements === 0 ? 'every table is already distributed' : `distributed (${statements} statements)`);
  }
} finally {
  await db.close();
}
