import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { loadConfig } from '../../core/config.ts';
import { createPglite, openDatabase } from '../../core/db/database.ts';
import { migrateLatest } from '../../core/db/migrate.ts';
import { installedModules } from '../../modules/index.ts';
import { withAdmin } from './admin-connection.ts';

/** Migrates once per run: a template database on PostgreSQL, or a PGlite snapshot file. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const config = loadConfig();
  if (!config.databaseUrl) {
    const snapshotFile = path.join(os.tmpdir(), `cp-test-snapshot-${process.pid}.tar.gz`);
    const pglite = await createPglite();
    const db = await openDatabase(config, { pglite });
    await migrateLatest(db, { modules: installedModules });
    const dump = await pglite.dumpDataDir('gzip');
    fs.writeFileSync(snapshotFile, Buffer.from(await dump.arrayBuffer()));
    await db.close();
    project.provide('pgliteSnapshot', snapshotFile);
    return async () => fs.rmSync(snapshotFile, { force: true });
  }
  const ownerUrl = config.databaseUrl;
  // One template per run, so parallel runs on one server do not trip over each other.
  const TEMPLATE_DB = `cp_test_template_${process.pid}`;
  await withAdmin(ownerUrl, async (admin) => {
    await admin.raw(`drop database if exists ?? with (force)`, [TEMPLATE_DB]);
    await admin.raw(`create database ??`, [TEMPLATE_DB]);
  });
  const url = new URL(ownerUrl);
  url.pathname = `/${TEMPLATE_DB}`;
  const db = await openDatabase({ ...config, databaseUrl: url.toString() });
  await migrateLatest(db, { modules: installedModules, runtimePassword: config.runtimePassword });
  await db.close();
  project.provide('postgresTemplate', TEMPLATE_DB);
  return async () => {
    await withAdmin(ownerUrl, (admin) => admin.raw(`drop database if exists ?? with (force)`, [TEMPLATE_DB]));
  };
}
