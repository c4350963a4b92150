import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const tsx = path.join(repoRoot, 'node_modules/.bin/tsx');

/** Builds the web app unless `dist/admin-ui` is already newer than its sources (what `npm start` does). */
export function buildWebApp(): void {
  const result = spawnSync(tsx, ['admin-ui/scripts/ensure-build.ts'], { cwd: repoRoot, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('building the web app failed');
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface RunningServer {
  baseUrl: string;
  stop(): Promise<void>;
}

/**
 * The real server (`core/server.ts`, as `npm start` runs it) on a free port, with a fresh
 * embedded database in a temporary DATA_DIR: migrated and seeded with the demo tenant.
 * `withFixtureModule` adds the test module `fixture-base` (see e2e-fixture-server.ts).
 */
export async function startServer(options: { withFixtureModule?: boolean } = {}): Promise<RunningServer> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'platform-e2e-'));
  const port = await freePort();
  // Every browser and API client of a test signs in from 127.0.0.1: the per-address throttle is tested in tests/api/sign-in.test.ts.
  const env: NodeJS.ProcessEnv = {
    SIGN_IN_PER_MINUTE: '10000',
    ...process.env,
    DATA_DIR: dataDir,
    HOST: '127.0.0.1',
    PORT: String(port),
    LOG_LEVEL: 'warn',
  };
  // Always the embedded database, even where CI has set a PostgreSQL URL for the API tests.
  delete env.DATABASE_URL;
  delete env.DATABASE_RUNTIME_URL;
  const entry = options.withFixtureModule ? 'tests/e2e/e2e-fixture-server.ts' : 'core/server.ts';
  const child: ChildProcess = spawn(tsx, [entry], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}):\n${output}`);
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) break;
    } catch {
      // Not listening yet (migrating and seeding take a while on a fresh database).
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the server did not start in time:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }

  return {
    baseUrl,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        const timeout = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timeout);
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
