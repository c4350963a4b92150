import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from 'uuidv7';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../core/app.ts';
import { hashPassword } from '../../core/auth/password.ts';
import { listenForBackups } from '../../core/backup/backup-socket.ts';
import { loadConfig } from '../../core/config.ts';
import { createPglite, openDatabase, type Database } from '../../core/db/database.ts';
import { migrateLatest } from '../../core/db/migrate.ts';
import { withTenant } from '../../core/db/tenant-transaction.ts';
import { installedModules } from '../../modules/index.ts';
import { TestClient } from '../helpers/test-client.ts';
import { tinyPdf, tinyPng, uploadFile } from '../helpers/multipart.ts';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const tsx = path.join(repoRoot, 'node_modules/.bin/tsx');

/** `npm run backup` / `npm run restore` as an operator runs them, against DATA_DIR (async: the server here must keep answering). */
function runCli(script: 'backup' | 'restore', dataDir: string, args: string[]): Promise<{ status: number | null; output: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir };
  delete env.DATABASE_URL;
  delete env.DATABASE_RUNTIME_URL;
  const child = spawn(tsx, [`core/backup/${script}.cli.ts`, ...args], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve) => child.once('close', (status) => resolve({ status, output })));
}

/** Every table of the database, each as its row count and a hash of all its rows. */
async function fingerprint(db: Database): Promise<Record<string, string>> {
  const { rows: tables } = await db.owner.raw(
    `select schemaname, tablename from pg_tables where schemaname in ('public', 'pgboss') order by 1, 2`,
  );
  const result: Record<string, string> = {};
  for (const { schemaname, tablename } of tables as { schemaname: string; tablename: string }[]) {
    const { rows } = await db.owner.raw(
      `select count(*)::int as n, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as hash from ??.?? t`,
      [schemaname, tablename],
    );
    result[`${schemaname}.${tablename}`] = `${rows[0].n} ${rows[0].hash}`;
  }
  return result;
}

/** Relative path → sha256 of every file under `root`. */
function filesIn(root: string): Record<string, string> {
  const found: Record<string, string> = {};
  if (!fs.existsSync(root)) return found;
  for (const entry of fs.readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    found[path.relative(root, full)] = createHash('sha256').update(fs.readFileSync(full)).digest('hex');
  }
  return found;
}

describe('backup and restore of the embedded database while the server runs', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cp-backup-source-'));
  const restoredDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cp-backup-target-')), 'data');
  const archive = path.join(os.tmpdir(), `cp-backup-${process.pid}.tar.gz`);
  let db: Database;
  let app: FastifyInstance;
  let stopped = false;
  const stopServer = async () => {
    if (stopped) return;
    stopped = true;
    await app?.close();
    await db?.close();
  };

  beforeAll(async () => {
    // The embedded database persisted in DATA_DIR, as `npm start` runs it (whatever DATABASE_URL says).
    const base = loadConfig({ ...process.env, DATA_DIR: dataDir });
    // Migrating just blocked the loop for seconds: that is not overload (as in TestPlatform).
    const config = { ...base, databaseUrl: undefined, overload: { ...base.overload, maxEventLoopDelayMs: 0 } };
    db = await openDatabase(config, { pglite: await createPglite(path.join(dataDir, 'pglite')) });
    await migrateLatest(db, { modules: installedModules });
    await withTenant(db, null, async (trx) => {
      await trx('core_operator').insert({
        id: uuidv7(),
        username: 'backup-operator',
        display_name: 'Operator',
        password_hash: await hashPassword('operator-pass-1'),
      });
    });
    app = await buildApp({ config, db, modules: installedModules });
    await listenForBackups(app, db, dataDir);
    await app.ready();
  }, 180_000);
  afterAll(async () => {
    await stopServer();
    for (const dir of [dataDir, path.dirname(restoredDir)]) fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(archive, { force: true });
  });

  it('npm run backup asks the running server; npm run restore into an empty directory brings back every record and file', async () => {
    const operator = await new TestClient(app).loginOperator('backup-operator', 'operator-pass-1');
    for (const slug of ['backup-a', 'backup-b']) {
      expect(
        (
          await operator.post('/api/platform/tenants', {
            slug,
            name: `${slug} 县`,
            admin: { username: 'admin', displayName: '管理员', password: 'admin-pass-123' },
          })
        ).statusCode,
      ).toBe(201);
      const admin = await new TestClient(app).loginTenant(slug, 'admin', 'admin-pass-123');
      // The first admin an operator creates chooses a password before anything else.
      expect(
        (await admin.post(`/api/t/${slug}/auth/change-password`, { currentPassword: 'admin-pass-123', newPassword: 'admin-pass-456' }))
          .statusCode,
      ).toBe(200);
      const unit = await admin.post(`/api/t/${slug}/org/units`, { name: '办公室', kind: 'department' });
      expect(unit.statusCode).toBe(201);
      expect(
        (await admin.post(`/api/t/${slug}/org/people`, { name: '张三', phone: '13800000001', unitId: unit.json().id })).statusCode,
      ).toBe(201);
      expect((await uploadFile(admin, `/api/t/${slug}`, '照片.png', tinyPng(3), 'image/png')).statusCode).toBe(201);
      expect((await uploadFile(admin, `/api/t/${slug}`, '纪要.pdf', tinyPdf(), 'application/pdf')).statusCode).toBe(201);
    }
    const sourceFiles = filesIn(path.join(dataDir, 'files'));
    expect(Object.keys(sourceFiles)).toHaveLength(4);

    // The server keeps its database: a second process could not open it, so the CLI asks the server.
    const backup = await runCli('backup', dataDir, [archive]);
    expect(backup.output).toContain('from the running server');
    expect(backup.status).toBe(0);
    expect((await operator.get('/api/platform/tenants')).statusCode).toBe(200);
    const sourceTables = await fingerprint(db);

    const notEmpty = await runCli('restore', dataDir, [archive]);
    expect(notEmpty.status).toBe(1);
    expect(notEmpty.output).toContain('is not empty');

    const restore = await runCli('restore', restoredDir, [archive]);
    expect(restore.output).toContain('Restored the backup');
    expect(restore.status).toBe(0);
    expect(filesIn(path.join(restoredDir, 'files'))).toEqual(sourceFiles);
    const restoredTables = async (dir: string) => {
      const restored = await openDatabase({ ...loadConfig({ ...process.env, DATA_DIR: dir }), databaseUrl: undefined });
      try {
        expect((await restored.owner('core_tenant').pluck('slug')).sort()).toEqual(['backup-a', 'backup-b']);
        return await fingerprint(restored);
      } finally {
        await restored.close();
      }
    };
    expect(await restoredTables(restoredDir)).toEqual(sourceTables);
    expect(Object.keys(sourceTables).length).toBeGreaterThan(20);

    // With the server stopped (a nightly job while the server is down), the command opens DATA_DIR itself.
    await stopServer();
    const offlineArchive = `${archive}.offline.tar.gz`;
    const offline = await runCli('backup', dataDir, [offlineArchive]);
    expect(offline.output).toContain('with no server running');
    const offlineDir = path.join(path.dirname(restoredDir), 'offline');
    expect((await runCli('restore', offlineDir, [offlineArchive])).status).toBe(0);
    fs.rmSync(offlineArchive, { force: true });
    expect(filesIn(path.join(offlineDir, 'files'))).toEqual(sourceFiles);
    expect(await restoredTables(offlineDir)).toEqual(sourceTables);
  }, 240_000);
});
