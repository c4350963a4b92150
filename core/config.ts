import path from 'node:path';
import v8 from 'node:v8';

/** Runtime configuration, read once from the environment. */
export interface PlatformConfig {
  /** Owner connection (runs migrations). Unset: embedded PGlite under dataDir. */
  databaseUrl: string | undefined;
  /** Runtime connection: a role that owns no table. Derived from databaseUrl when unset. */
  runtimeDatabaseUrl: string | undefined;
  runtimeRole: string;
  runtimePassword: string | undefined;
  /** Connections of the runtime pool (PostgreSQL only; PGlite has one). */
  poolMax: number;
  dataDir: string;
  host: string;
  port: number;
  /** Cookie `Secure` flag: on behind HTTPS in production. */
  secureCookies: boolean;
  sessionTtlHours: number;
  uploadLimitBytes: number;
  sms: { provider: 'log' | 'http'; url: string | undefined; secret: string | undefined };
  /** Job workers: how often an idle one polls (at least 0.5 s); first retry delay of a failed job, doubling after. */
  jobs: { pollingSeconds: number; retryDelaySeconds: number };
  logLevel: string;
  /** Human-readable logs (pino-pretty) instead of JSON lines: only when NODE_ENV=development. */
  prettyLogs: boolean;
  /** `/metrics` answers only `Authorization: Bearer <token>`; unset: `/metrics` is off (404). */
  metricsToken: string | undefined;
  /** 503 + Retry-After while the event loop lags or the heap is nearly full (0 turns a check off). */
  overload: { maxEventLoopDelayMs: number; maxHeapUsedBytes: number; retryAfterSeconds: number; sampleIntervalMs: number };
  /** On SIGTERM: how long in-flight requests and jobs get to finish before the process exits anyway. */
  shutdownGraceSeconds: number;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): PlatformConfig {
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    runtimeDatabaseUrl: env.DATABASE_RUNTIME_URL || undefined,
    runtimeRole: env.DB_RUNTIME_ROLE || 'platform_app',
    runtimePassword: env.DB_RUNTIME_PASSWORD || undefined,
    poolMax: Number(env.DB_POOL_MAX || 10),
    dataDir: path.resolve(env.DATA_DIR || 'data'),
    host: env.HOST || '127.0.0.1',
    port: Number(env.PORT || 3000),
    secureCookies: env.SECURE_COOKIES === 'true',
    sessionTtlHours: Number(env.SESSION_TTL_HOURS || 12),
    uploadLimitBytes: Number(env.UPLOAD_LIMIT_BYTES || 10 * 1024 * 1024),
    sms: {
      provider: env.SMS_PROVIDER === 'http' ? 'http' : 'log',
      url: env.SMS_HTTP_URL || undefined,
      secret: env.SMS_HTTP_SECRET || undefined,
    },
    jobs: {
      pollingSeconds: Math.max(0.5, Number(env.JOB_POLLING_SECONDS || 2)),
      retryDelaySeconds: Math.max(1, Math.round(Number(env.JOB_RETRY_DELAY_SECONDS || 5))),
    },
    logLevel: env.LOG_LEVEL || 'info',
    prettyLogs: env.NODE_ENV === 'development',
    metricsToken: env.METRICS_TOKEN || undefined,
    overload: {
      maxEventLoopDelayMs: Number(env.OVERLOAD_EVENT_LOOP_DELAY_MS ?? 2000),
      maxHeapUsedBytes: env.OVERLOAD_HEAP_USED_MB === undefined ? defaultHeapCeiling() : Number(env.OVERLOAD_HEAP_USED_MB) * 1024 * 1024,
      retryAfterSeconds: Number(env.OVERLOAD_RETRY_AFTER_SECONDS || 10),
      sampleIntervalMs: 1000,
    },
    shutdownGraceSeconds: Number(env.SHUTDOWN_GRACE_SECONDS || 20),
  };
}

/** 90 % of V8's heap limit: past that, garbage collection dominates and an out-of-memory crash is near. */
function defaultHeapCeiling(): number {
  return Math.floor(v8.getHeapStatistics().heap_size_limit * 0.9);
}
