import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/database.ts';
import { writeBackup } from './backup-archive.ts';

/** The running server's backup door: a Unix socket inside DATA_DIR. */
export function backupSocketPath(dataDir: string): string {
  return path.join(dataDir, 'backup.sock');
}

/**
 * While the server runs it holds the embedded database (and DATA_DIR's lock), so no second
 * process may open it: `npm run backup` asks the server instead, through a Unix socket in
 * DATA_DIR with mode 0600. Whoever may use it can read DATA_DIR anyway; there is no token to
 * manage, and nothing is exposed on the network.
 */
export async function listenForBackups(app: FastifyInstance, db: Database, dataDir: string): Promise<void> {
  if (db.kind !== 'pglite') return;
  const socketPath = backupSocketPath(dataDir);
  // Left by a server that died: only one server runs on a DATA_DIR, so it is stale.
  fs.rmSync(socketPath, { force: true });
  let running: Promise<unknown> | null = null;
  const server = http.createServer((request, response) => {
    if (request.method !== 'POST' || request.url !== '/backup') {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('POST /backup\n');
      return;
    }
    if (running) {
      response.writeHead(409, { 'content-type': 'text/plain' }).end('a backup is already running\n');
      return;
    }
    response.writeHead(200, { 'content-type': 'application/gzip' });
    running = writeBackup(db, dataDir, response)
      .then((manifest) => app.log.info({ fileCount: manifest.fileCount }, 'backup written'))
      .catch((error) => {
        app.log.error({ err: error }, 'backup failed');
        response.destroy(error);
      })
      .finally(() => (running = null));
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(socketPath, () => resolve());
    });
  } catch (error) {
    // E.g. a DATA_DIR path too long for a socket name (about 100 bytes): the server still runs,
    // and `npm run backup` then works only while it is stopped.
    app.log.warn({ err: error, socketPath }, 'no backup socket: npm run backup will need the server stopped');
    return;
  }
  fs.chmodSync(socketPath, 0o600);
  app.addHook('onClose', async () => {
    await running;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    fs.rmSync(socketPath, { force: true });
  });
}
