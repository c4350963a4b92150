import { loadConfig } from '../../core/config.ts';
import { buildApp } from '../../core/app.ts';
import { openMigratedDatabase } from '../../core/db/bootstrap.ts';
import { prepareFirstStart } from '../../core/server/first-start.ts';
import { installedModules } from '../../modules/index.ts';
import { fixtureBase } from '../helpers/fixture-modules.ts';

/**
 * What `core/server.ts` runs, with the test module `fixture-base` installed next to the real
 * ones: no installed module declares record types yet, and its `item` is one to give custom fields.
 * Started by `startServer({ withFixtureModule: true })`.
 */
const modules = [...installedModules, fixtureBase];
const config = loadConfig();
const db = await openMigratedDatabase(config, modules);
await prepareFirstStart(db, modules, { embedded: !config.databaseUrl, demo: config.demo, operatorPassword: config.operatorPassword });
const app = await buildApp({ config, db, modules, logger: { level: config.logLevel } });
const shutdown = async () => {
  await app.close();
  await db.close();
  process.exit(0);
};
process.once('SIGINT', shutdown);
process.once('SIGTERM', shutdown);
await app.listen({ host: config.host, port: config.port });
await app.jobs.start();
