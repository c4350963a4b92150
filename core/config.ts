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
  /** Sign-in attempts a client address may make a minute (county users and operators together). */
  signInPerMinute: number;
  uploadLimitBytes: number;
  sms: { provider: 'log' | 'http'; url: string | undefined; secret: string | undefined };
  /** Job workers: how often an idle one polls (at least 0.5 s); first retry delay of a failed job, doubling after. */
  jobs: { pollingSeconds: number; retryDelaySeconds: number };
  logLevel: string;
  /** DEMO=1: load the demo counties into a database without tenants (the embedded first run gets them anyway). */
  demo: boolean;
  /** OPERATOR_PASSWORD: the first platform operator's password, used when that operator is created. */
  operatorPassword: string | undefined;
  /** fastify's `trustProxy`: whether and which proxies' X-Forwarded-* headers to believe (TRUST_PROXY). */
  trustProxy: boolean | string[];
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
    signInPerMinute: Math.max(1, Number(env.SIGN_IN_PER_MINUTE || 20)),
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
    demo: env.DEMO === '1' || env.DEMO === 'true',
    operatorPassword: parseOperatorPassword(env.OPERATOR_PASSWORD),
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
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

/** OPERATOR_PASSWORD, when set, follows the password rule (8–128 characters); a shorter one stops the start. */
function parseOperatorPassword(value: string | undefined): string | undefined {
  if (!value) return undefined;
  if (value.length < 8 || value.length > 128) throw new Error('OPERATOR_PASSWORD must be 8–128 characters');
  return value;
}

/**
 * TRUST_PROXY: unset or `false` believes no X-Forwarded-* header (the client address is the
 * socket's); `true` believes every sender (only when nothing but the proxy can reach the server);
 * otherwise a comma-separated list of the proxies' addresses, CIDR ranges or proxy-addr's names
 * (`10.0.0.1, 172.16.0.0/12, loopback`). A bare hop count is refused: it cannot tell a proxy from
 * a client that sends the header itself (fastify trusts nobody for it). Anything else stops the start.
 */
export function parseTrustProxy(value: string | undefined): boolean | string[] {
  const text = (value ?? '').trim();
  if (text === '' || text === 'false') return false;
  if (text === 'true') return true;
  if (/^\d+$/.test(text))
    throw new Error(
      `TRUST_PROXY=${text}: a hop count cannot tell a proxy from a client; list the proxies' addresses or CIDR ranges instead`,
    );
  const entries = text
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  const address = /^([0-9a-fA-F.:]+(\/\d{1,3})?|loopback|linklocal|uniquelocal)$/;
  const bad = entries.filter((entry) => !address.test(entry));
  if (entries.length === 0 || bad.length > 0) {
    throw new Error(`TRUST_PROXY must be true, false or a list of addresses/CIDR ranges; not understood: ${bad.join(', ') || text}`);
  }
  return entries;
}

/** 90 % of V8's heap limit: past that, garbage collection dominates and an out-of-memory crash is near. */
function defaultHeapCeiling(): number {
  return Math.floor(v8.getHeapStatistics().heap_size_limit * 0.9);
}
