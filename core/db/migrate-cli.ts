import { loadConfig } from '../config.ts';
import { exitIfDataDirLocked } from './data-dir-lock.ts';
import { installedModules } from '../../modules/index.ts';
import { openMigratedDatabase } from './bootstrap.ts';

/** `npm run db:migrate`: migrate the configured database (DATABASE_URL, or the embedded one) and exit. */
const db = await openMigratedDatabase(loadConfig(), installedModules).catch(exitIfDataDirLocked);
console.log(`Migrated the ${db.kind} database.`);
await db.close();
