import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/database.ts';
import { backupSocketPath } from './backup-socket.ts';
import { writeBackup } from './backup-archive.ts';

/**
 * `npm run backup -- [archive.tar.gz]`: one archive of the embedded database and DATA_DIR's
 * files. With the server running it asks the server (the database is its alone); with no server
 * it opens the data directory itself.
 */
const config = loadConfig();
if (config.databaseUrl) {
  console.error('DATABASE_URL is set: back up PostgreSQL with pg_dump and copy DATA_DIR/files (docs/OPERATIONS.md).');
  process.exit(2);
}
const target = path.resolve(process.argv[2] ?? `backup-${new Date().toISOString().replace(/[:.]/g, '-')}.tar.gz`);
const partial = `${target}.partial`;

try {
  const how = (await fromRunningServer(partial)) ? 'from the running server' : 'with no server running';
  fs.renameSync(partial, target);
  console.log(`Backup written ${how}: ${target} (${fs.statSync(target).size} bytes)`);
} catch (error) {
  fs.rmSync(partial, { force: true });
  console.error(`Backup failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

/** Streams the archive from the server's socket; false when no server listens on it. */
async function fromRunningServer(file: string): Promise<boolean> {
  const socketPath = backupSocketPath(config.dataDir);
  const response = await new Promise<http.IncomingMessage | null>((resolve, reject) => {
    const request = http.request({ socketPath, path: '/backup', method: 'POST' }, resolve);
    request.once('error', (error: NodeJS.ErrnoException) =>
      error.code === 'ENOENT' || error.code === 'ECONNREFUSED' ? resolve(null) : reject(error),
    );
    request.end();
  });
  if (!response) {
    const db = await openDatabase(config);
    try {
      await writeBackup(db, config.dataDir, fs.createWriteStream(file));
    } finally {
      await db.close();
    }
    return false;
  }
  if (response.statusCode !== 200) throw new Error(`the server answered ${response.statusCode}`);
  await pipeline(response, fs.createWriteStream(file));
  if (!response.complete) throw new Error('the server stopped in the middle of the backup');
  return true;
}
