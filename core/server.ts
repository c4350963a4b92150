import { loadConfig } from './config.ts';
import { exitIfDataDirLocked } from './db/data-dir-lock.ts';
import { buildApp } from './app.ts';
import { openMigratedDatabase } from './db/bootstrap.ts';
import { prepareFirstStart } from './server/first-start.ts';
import { installedModules } from '../modules/index.ts';
import { platformLoggerOptions } from './ops/logger.ts';
import { listenForBackups } from './backup/backup-socket.ts';

/** `npm start`: migrate, prepare a first start (demo counties or the operator), listen, print where and, once, who. */
const config = loadConfig();
const db = await openMigratedDatabase(config, installedModules).catch(exitIfDataDirLocked);
const logins = await prepareFirstStart(db, installedModules, {
  embedded: !config.databaseUrl,
  demo: config.demo,
  operatorPassword: config.operatorPassword,
});
const app = await buildApp({
  config,
  db,
  modules: installedModules,
  logger: platformLoggerOptions({ level: config.logLevel, pretty: config.prettyLogs }),
});

// SIGTERM/SIGINT: stop accepting, answer late arrivals with 503, let requests and jobs finish
// within SHUTDOWN_GRACE_SECONDS (core/ops/shutdown.ts); exit 0 when all finished in time.
const shutdown = async (signal: string) => {
  const graceMs = config.shutdownGraceSeconds * 1000;
  // Whatever hangs, the process is gone a little after the grace period.
  setTimeout(() => process.exit(1), graceMs + 5_000).unref();
  app.log.info({ signal }, 'shutdown requested');
  const finished = await app.ops.shutdown.drain(graceMs);
  await db.close();
  app.log.info({ finished }, 'shut down');
  process.exit(finished ? 0 : 1);
};
process.once('SIGINT', () => void shutdown('SIGINT'));
process.once('SIGTERM', () => void shutdown('SIGTERM'));

// Embedded database: `npm run backup` asks this process through a socket in DATA_DIR.
await listenForBackups(app, db, config.dataDir);
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
