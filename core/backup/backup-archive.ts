import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { TarArchive } from 'archiver';
import * as tar from 'tar';
import { createPglite, type Database } from '../db/database.ts';

/** What a backup archive holds, beside the database dump and the files. */
export interface BackupManifest {
  format: 'county-platform-backup';
  version: 1;
  createdAt: string;
  database: 'pglite';
  /** Migrations applied at backup time, newest last: restore into code that knows them all. */
  migrations: string[];
  fileCount: number;
}

const MANIFEST = 'manifest.json';
const DATABASE_DUMP = 'database/pglite.tar.gz';
const FILES = 'files';

/**
 * Writes one `.tar.gz` of the embedded database and the uploaded files to `out`, while the
 * server keeps running: the database's only connection is held during the dump (requests
 * wait for a moment, none sees half a backup), after a CHECKPOINT so the copy needs little
 * recovery. Files are copied after, so every file the dumped records name is there; a file
 * uploaded meanwhile is simply extra.
 */
export async function writeBackup(db: Database, dataDir: string, out: Writable): Promise<BackupManifest> {
  if (db.kind !== 'pglite' || !db.pglite)
    throw new Error('npm run backup is for the embedded database; on PostgreSQL use pg_dump (docs/OPERATIONS.md)');
  const pglite = db.pglite;
  const connection = await db.owner.client.acquireConnection();
  let dump: Blob;
  let migrations: string[];
  try {
    await pglite.exec('checkpoint');
    migrations = (await pglite.query<{ name: string }>('select name from core_migrations order by id')).rows.map((r) => r.name);
    dump = await pglite.dumpDataDir('gzip');
  } finally {
    await db.owner.client.releaseConnection(connection);
  }
  const filesDir = path.join(dataDir, FILES);
  const fileNames = listFiles(filesDir);
  const manifest: BackupManifest = {
    format: 'county-platform-backup',
    version: 1,
    createdAt: new Date().toISOString(),
    database: 'pglite',
    migrations,
    fileCount: fileNames.length,
  };

  const archive = new TarArchive({ gzip: true });
  const written = pipeline(archive, out);
  archive.append(JSON.stringify(manifest, null, 2), { name: MANIFEST });
  archive.append(Buffer.from(await dump.arrayBuffer()), { name: DATABASE_DUMP });
  for (const name of fileNames) archive.file(path.join(filesDir, name), { name: `${FILES}/${name}` });
  await archive.finalize();
  await written;
  return manifest;
}

/** Relative paths of the stored files (uploads still being staged are not stored files yet). */
function listFiles(root: string): string[] {
  if (!fs.existsSync(root)) return [];
  const names: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory() && entry.name !== '.staging') walk(full);
      else if (entry.isFile()) names.push(path.relative(root, full).split(path.sep).join('/'));
    }
  };
  walk(root);
  return names.sort();
}

/**
 * Restores a backup into `dataDir`, which must be empty or missing (never over live data):
 * the database under `<dataDir>/pglite`, the files under `<dataDir>/files`.
 */
export async function restoreBackup(archiveFile: string, dataDir: string): Promise<BackupManifest> {
  if (fs.existsSync(dataDir) && fs.readdirSync(dataDir).length > 0) {
    throw new Error(`${dataDir} is not empty: restore only into an empty data directory (move the old one aside first)`);
  }
  const staging = fs.mkdtempSync(path.join(os.tmpdir(), 'platform-restore-'));
  try {
    // tar strips absolute paths and `..` from entry names: nothing lands outside the staging folder.
    await tar.x({ file: archiveFile, cwd: staging });
    const manifestFile = path.join(staging, MANIFEST);
    if (!fs.existsSync(manifestFile)) throw new Error(`${archiveFile} is not a platform backup (no ${MANIFEST})`);
    const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as BackupManifest;
    if (manifest.format !== 'county-platform-backup' || manifest.version !== 1) throw new Error(`${archiveFile}: unknown backup format`);
    fs.mkdirSync(dataDir, { recursive: true });
    const dump = new Blob([fs.readFileSync(path.join(staging, DATABASE_DUMP))]);
    const pglite = await createPglite(path.join(dataDir, 'pglite'), dump);
    await pglite.close();
    const files = path.join(staging, FILES);
    fs.mkdirSync(path.join(dataDir, FILES), { recursive: true });
    if (fs.existsSync(files)) fs.cpSync(files, path.join(dataDir, FILES), { recursive: true });
    return manifest;
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}
