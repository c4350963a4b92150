import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, runCli, serverEnv, ServerProcess } from '../helpers/server-process.ts';

/**
 * Real processes on one embedded database (DATA_DIR): what an operator does with `npm start`,
 * `npm run tenants:export` and `npm run db:migrate` in two terminals. Always embedded, even when
 * the suite runs on PostgreSQL: the lock belongs to the embedded database.
 */
describe('DATA_DIR belongs to one process at a time', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cp-lock-'));
  const servers: ServerProcess[] = [];
  const start = async () => {
    const server = ServerProcess.spawn(serverEnv(dataDir, await freePort()));
    servers.push(server);
    return server;
  };
  afterAll(async () => {
    for (const server of servers) await server.stop('SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('a second server, an export and a migration on a running DATA_DIR stop with a clear error and change nothing; after kill -9 the next start works', async () => {
    const first = await (await start()).ready();
    // The embedded first run (npm start with no setup) prints the demo logins, once.
    await first.printed('Admin@2026');

    const second = await start();
    expect(await second.exited).toBe(1);
    expect(second.output).toContain(`DATA_DIR ${dataDir} is in use by another process (pid ${first.child.pid})`);
    expect((await fetch(`${first.baseUrl}/api/health`)).ok).toBe(true);

    const exportFile = path.join(dataDir, '..', `${path.basename(dataDir)}-export.json`);
    const exported = runCli('core/tenant-config/tenants-export.cli.ts', ['demo', exportFile], serverEnv(dataDir, 0));
    expect(exported.status).toBe(1);
    expect(exported.stderr).toContain('is in use by another process');
    expect(fs.existsSync(exportFile)).toBe(false);

    // A crash leaves the lock behind; the next start takes it over and finds the data intact.
    await first.stop('SIGKILL');
    expect(fs.existsSync(path.join(dataDir, 'lock'))).toBe(true);
    const third = await (await start()).ready(120_000);
    const login = await fetch(`${third.baseUrl}/api/t/demo/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: 'admin', password: 'Admin@2026' }),
    });
    expect(login.status).toBe(200);
    await third.printed('API docs:');
    expect(third.output).not.toContain('Admin@2026');

    const migrated = runCli('core/db/migrate-cli.ts', [], serverEnv(dataDir, 0));
    expect(migrated.status).toBe(1);
    expect(migrated.stderr).toContain(`is in use by another process (pid ${third.child.pid})`);

    // A clean stop releases the lock: the CLI runs.
    expect(await third.stop('SIGTERM')).toBe(0);
    expect(fs.existsSync(path.join(dataDir, 'lock'))).toBe(false);
    const afterStop = runCli('core/tenant-config/tenants-export.cli.ts', ['demo'], serverEnv(dataDir, 0));
    expect(afterStop.status).toBe(0);
    expect(JSON.parse(afterStop.stdout).profile.slug).toBe('demo');
  }, 600_000);
});
