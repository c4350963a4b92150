import type { FastifyInstance } from 'fastify';
import { pendingMigrations } from '../db/migrate.ts';

/** A database that does not answer `select 1` within this is reported as not ready. */
const DATABASE_PROBE_TIMEOUT_MS = 2_000;
/** The migration check reads a table: a good answer is trusted this long. */
const MIGRATIONS_CHECK_CACHE_MS = 60_000;

export type CheckResult = 'ok' | string;

export interface Readiness {
  ready: boolean;
  checks: { database: CheckResult; migrations: CheckResult; jobs: CheckResult; shutdown: CheckResult };
}

/**
 * What `/readyz` checks, cheap enough for a load balancer every second: one trivial query
 * (a probe already in flight is shared, so a hung database does not pile probes up), the
 * migration check cached once it passed, and two in-memory flags.
 */
export class ReadinessCheck {
  private probe: Promise<CheckResult> | null = null;
  private migrationsOkUntil = 0;

  constructor(
    private readonly app: FastifyInstance,
    private readonly isDraining: () => boolean,
  ) {}

  async check(): Promise<Readiness> {
    const database = await this.probeDatabase();
    const migrations = database === 'ok' ? await this.checkMigrations() : 'not checked: database not reachable';
    const jobs = this.app.jobs.started ? 'ok' : 'job runner not running';
    const shutdown = this.isDraining() ? 'shutting down' : 'ok';
    const checks = { database, migrations, jobs, shutdown };
    return { ready: Object.values(checks).every((c) => c === 'ok'), checks };
  }

  private probeDatabase(): Promise<CheckResult> {
    this.probe ??= withTimeout(this.app.platform.db.runtime.raw('select 1'), DATABASE_PROBE_TIMEOUT_MS)
      .then(() => 'ok')
      .catch((error: Error) => {
        this.app.log.warn({ err: error }, 'readiness: database probe failed');
        return error instanceof ProbeTimeout ? 'no answer within 2 s' : 'unreachable';
      })
      .finally(() => {
        this.probe = null;
      });
    return this.probe;
  }

  private async checkMigrations(): Promise<CheckResult> {
    if (Date.now() < this.migrationsOkUntil) return 'ok';
    const { db, modules } = this.app.platform;
    try {
      const pending = await pendingMigrations(db, modules.modules);
      if (pending.length > 0) return `${pending.length} pending (first: ${pending[0]})`;
      this.migrationsOkUntil = Date.now() + MIGRATIONS_CHECK_CACHE_MS;
      return 'ok';
    } catch (error) {
      this.app.log.warn({ err: error }, 'readiness: migration check failed');
      return 'could not be read';
    }
  }
}

class ProbeTimeout extends Error {}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ProbeTimeout(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

const checksSchema = {
  type: 'object',
  properties: { database: { type: 'string' }, migrations: { type: 'string' }, jobs: { type: 'string' }, shutdown: { type: 'string' } },
} as const;
const readinessSchema = {
  type: 'object',
  properties: { status: { type: 'string' }, failing: { type: 'array', items: { type: 'string' } }, checks: checksSchema },
} as const;

/**
 * `/healthz`: the process is up and serving (no database); `/readyz`: send it traffic (200) or
 * not (503 naming the failing parts). Both answer even while the server is under pressure or
 * shutting down: the probe is how a load balancer learns it.
 */
export function registerHealthRoutes(app: FastifyInstance, readiness: ReadinessCheck): void {
  const probeConfig = { public: true, pressureHandler: () => undefined };
  app.get(
    '/healthz',
    {
      config: probeConfig,
      schema: {
        tags: ['operations'],
        summary: 'Liveness: the process is up (no database)',
        response: { 200: { type: 'object', properties: { status: { type: 'string' } } } },
      },
    },
    async () => ({ status: 'ok' }),
  );

  app.get(
    '/readyz',
    {
      config: probeConfig,
      schema: {
        tags: ['operations'],
        summary: 'Readiness: database reachable, migrations at the latest version, job runner running',
        response: { 200: readinessSchema, 503: readinessSchema },
      },
    },
    async (_request, reply) => {
      const { ready, checks } = await readiness.check();
      const failing = Object.entries(checks)
        .filter(([, result]) => result !== 'ok')
        .map(([part]) => part);
      reply.header('cache-control', 'no-store');
      if (!ready) return reply.status(503).send({ status: 'not ready', failing, checks });
      return { status: 'ready', failing, checks };
    },
  );
}
