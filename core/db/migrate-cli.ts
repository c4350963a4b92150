import { loadConfig } from '../config.ts';
import { installedModules } from '../../modules/index.ts';
import { openMigratedDatabase } from './bootstrap.ts';

/** `npm run db:migrate`: migrate the configured database (DATABASE_URL, or the embedded one) and exit. */
const db = await openMigratedDatabase(loadConfig(), installedModules);
console.log(`Migrated the ${db.kind} database.`);
await db.close();
