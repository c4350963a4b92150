import { spawn, spawnSync, type ChildProcess, type SpawnSyncReturns } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const tsx = path.join(repoRoot, 'node_modules/.bin/tsx');
// Node itself with tsx's loader (not the tsx launcher): the pid is the server's, and SIGKILL hits it.
const nodeWithTsx = (entry: string, args: string[] = []) => [process.execPath, ['--import', 'tsx', entry, ...args]] as const;

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** The environment `npm start` would see for this DATA_DIR and port; embedded unless `env` says otherwise. */
export function serverEnv(dataDir: string, port: number, env: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const base: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'warn' };
  delete base.DATABASE_URL;
  delete base.DATABASE_RUNTIME_URL;
  delete base.DEMO;
  delete base.OPERATOR_PASSWORD;
  return { ...base, ...env };
}

/** `core/server.ts` (what `npm start` runs) as a real process, its output collected. */
export class ServerProcess {
  output = '';
  readonly exited: Promise<number | null>;

  private constructor(
    readonly child: ChildProcess,
    readonly baseUrl: string,
  ) {
    child.stdout?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  }

  static spawn(env: NodeJS.ProcessEnv): ServerProcess {
    const [node, args] = nodeWithTsx('core/server.ts');
    const child = spawn(node, args, { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
    return new ServerProcess(child, `http://127.0.0.1:${env.PORT}`);
  }

  /** Resolves once `/api/health` answers (migrating and seeding a fresh database take a while). */
  async ready(timeoutMs = 240_000): Promise<this> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (this.child.exitCode !== null) throw new Error(`the server exited (${this.child.exitCode}):\n${this.output}`);
      try {
        if ((await fetch(`${this.baseUrl}/api/health`)).ok) return this;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error(`the server did not start in time:\n${this.output}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  /** Waits for the printed banner (it comes right after listening). */
  async printed(text: string, timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!this.output.includes(text)) {
      if (Date.now() > deadline) throw new Error(`the server never printed "${text}":\n${this.output}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** SIGTERM (a clean stop) or SIGKILL (a crash); resolves with the exit code. */
  async stop(signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM'): Promise<number | null> {
    if (this.child.exitCode === null && this.child.signalCode === null) {
      this.child.kill(signal);
      const timeout = setTimeout(() => this.child.kill('SIGKILL'), 15_000);
      await this.exited;
      clearTimeout(timeout);
    }
    return this.child.exitCode;
  }
}

/** Runs an npm script's entry file (e.g. `core/db/migrate-cli.ts`) to its end. */
export function runCli(entry: string, args: string[], env: NodeJS.ProcessEnv): SpawnSyncReturns<string> {
  const [node, nodeArgs] = nodeWithTsx(entry, args);
  return spawnSync(node, nodeArgs, { cwd: repoRoot, env, encoding: 'utf8', timeout: 120_000 });
}

export interface ReadyServerProcess {
  child: ChildProcess;
  baseUrl: string;
  port: number;
  dataDir: string;
  /** Everything it printed so far. */
  output(): string;
  /** Resolves with the exit code. */
  exited: Promise<number | null>;
  /** Kills it if still running and removes its data directory. */
  cleanUp(): Promise<void>;
}

/**
 * `core/server.ts` as `npm start` runs it, on a free port with an embedded database in a fresh
 * DATA_DIR (or the one given), waited for until `/readyz` says ready (migrated, seeded, jobs running).
 */
export async function startServerProcess(options: { env?: NodeJS.ProcessEnv; dataDir?: string } = {}): Promise<ReadyServerProcess> {
  const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), 'platform-server-'));
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    HOST: '127.0.0.1',
    PORT: String(port),
    LOG_LEVEL: 'info',
    ...options.env,
  };
  delete env.DATABASE_URL;
  delete env.DATABASE_RUNTIME_URL;
  const child = spawn(tsx, ['core/server.ts'], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const baseUrl = `http://127.0.0.1:${port}`;
  const cleanUp = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 240_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}):\n${output}`);
    try {
      // Ready, and past the start's busy moment (right after it, the overload guard may still answer 503).
      if ((await fetch(`${baseUrl}/readyz`)).ok && (await fetch(`${baseUrl}/api/health`)).ok) break;
    } catch {
      // Not listening yet: migrating and seeding a fresh database take a while.
    }
    if (Date.now() > deadline) {
      await cleanUp();
      throw new Error(`the server did not get ready in time:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return { child, baseUrl, port, dataDir, output: () => output, exited, cleanUp };
}
