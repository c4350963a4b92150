import { loadConfig } from './config.ts';
import { exitIfDataDirLocked } from './db/data-dir-lock.ts';
import { buildApp } from './app.ts';
import { openMigratedDatabase } from './db/bootstrap.ts';
import { prepareFirstStart } from './tenancy/first-start.ts';
import { installedModules } from '../modules/index.ts';

/** `npm start`: migrate, prepare a first start (demo counties or the operator), listen, print where and, once, who. */
const config = loadConfig();
const db = await openMigratedDatabase(config, installedModules).catch(exitIfDataDirLocked);
const logins = await prepareFirstStart(db, installedModules, { embedded: !config.databaseUrl, demo: config.demo, operatorPassword: config.operatorPassword });
const app = await buildApp({ config, db, modules: installedModules, logger: { level: config.logLevel } });

const shutdown = async () => {
  await app.close();
  await db.close();
  process.exit(0);
};
process.once('SIGINT', shutdown);
process.once('SIGTERM', shutdown);

await app.listen({ host: config.host, port: config.port });
// Workers start once the server is up; app.close() (on SIGINT/SIGTERM) stops them first.
await app.jobs.start();
const base = `http://${config.host}:${config.port}`;
console.log(`
County work platform is running on ${db.kind === 'pglite' ? `the embedded database (${config.dataDir})` : 'PostgreSQL'}.
  Web app:    ${base}/   (a county signs in at ${base}/t/<county>/login, operators at ${base}/platform/login)
  API:        ${base}/api
  API docs:   ${base}/api/docs
${logins.map((line) => `  ${line}`).join('\n')}
`);
