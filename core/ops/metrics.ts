import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Knex } from 'knex';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { SMS_DELIVERY_QUEUE } from '../notify/sms-delivery.jobs.ts';
import { routeLabel } from './request-log.ts';
import { CORE_ERRORS } from '../schemas/error-codes.ts';

interface TarnPool {
  numUsed(): number;
  numFree(): number;
  numPendingAcquires(): number;
  max: number;
}

/**
 * The platform's Prometheus metrics, one registry per app (tests build many apps in a process).
 * Labels are bounded sets only: route patterns, methods, status codes, queue names, pool names;
 * never a tenant, a user or a raw URL (2,800 tenants would explode the series).
 */
export class PlatformMetrics {
  readonly registry = new Registry();
  private readonly requests: Histogram<'method' | 'route' | 'status_code'>;
  private readonly failures: Counter<'scrape_part'>;

  constructor(private readonly app: FastifyInstance) {
    // Process memory, CPU, event loop lag (nodejs_eventloop_lag_*), GC, handles.
    collectDefaultMetrics({ register: this.registry });
    this.requests = new Histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP requests by route pattern, method and status: latency; the _count series is the request rate',
      labelNames: ['method', 'route', 'status_code'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [this.registry],
    });
    this.failures = new Counter({
      name: 'metrics_scrape_errors_total',
      help: 'Parts of a scrape that could not be read (the database did not answer)',
      labelNames: ['scrape_part'],
      registers: [this.registry],
    });
    this.registerQueueGauges();
    this.registerPoolGauges();
  }

  observeRequest(method: string, route: string, statusCode: number, seconds: number): void {
    this.requests.observe({ method, route, status_code: String(statusCode) }, seconds);
  }

  private registerQueueGauges(): void {
    // One query per scrape fills all four gauges: prom-client collects each gauge, the first
    // collect reads and the others share that answer.
    const collect = () => fill();
    const depth = new Gauge({
      name: 'job_queue_depth',
      help: 'Jobs per queue: waiting (created or retry, due now), deferred (due later), active',
      labelNames: ['queue', 'state'],
      registers: [this.registry],
      collect,
    });
    const age = new Gauge({
      name: 'job_queue_oldest_waiting_seconds',
      help: 'How long the oldest due job of each queue has waited (0 when none waits)',
      labelNames: ['queue'],
      registers: [this.registry],
      collect,
    });
    const smsBacklog = new Gauge({
      name: 'sms_outbox_backlog',
      help: 'SMS outbox messages not delivered yet (their delivery jobs waiting, deferred for a retry, or running)',
      registers: [this.registry],
      collect,
    });
    const smsAge = new Gauge({
      name: 'sms_outbox_oldest_pending_seconds',
      help: 'Age of the oldest SMS outbox message still waiting for delivery',
      registers: [this.registry],
      collect,
    });
    let reading: Promise<QueueRow[]> | null = null;
    const read = () => {
      reading ??= readQueues(this.app.platform.db.owner).finally(() => setImmediate(() => (reading = null)));
      return reading;
    };
    const fill = async () => {
      let rows: QueueRow[];
      try {
        rows = await read();
      } catch (error) {
        this.app.log.warn({ err: error }, 'metrics: job queues could not be read');
        this.failures.inc({ scrape_part: 'job_queues' });
        rows = [];
      }
      depth.reset();
      age.reset();
      let backlog = 0;
      let oldest = 0;
      for (const row of rows) {
        depth.set({ queue: row.name, state: 'waiting' }, row.waiting);
        depth.set({ queue: row.name, state: 'deferred' }, row.deferred);
        depth.set({ queue: row.name, state: 'active' }, row.active);
        age.set({ queue: row.name }, row.oldest_waiting_seconds);
        if (row.name === SMS_DELIVERY_QUEUE) {
          backlog = row.waiting + row.deferred + row.active;
          oldest = row.oldest_pending_seconds;
        }
      }
      smsBacklog.set(backlog);
      smsAge.set(oldest);
    };
  }

  private registerPoolGauges(): void {
    const { db } = this.app.platform;
    const pools: [string, Knex][] =
      db.kind === 'pglite'
        ? [['embedded', db.runtime]]
        : [
            ['runtime', db.runtime],
            ['owner', db.owner],
          ];
    new Gauge({
      name: 'db_pool_connections',
      help: 'Database connections per pool: used, free, waited for (pending), and the pool size (max)',
      labelNames: ['pool', 'state'],
      registers: [this.registry],
      collect() {
        this.reset();
        for (const [name, knex] of pools) {
          const pool = (knex.client as { pool?: TarnPool }).pool;
          if (!pool) continue;
          this.set({ pool: name, state: 'used' }, pool.numUsed());
          this.set({ pool: name, state: 'free' }, pool.numFree());
          this.set({ pool: name, state: 'pending' }, pool.numPendingAcquires());
          this.set({ pool: name, state: 'max' }, pool.max);
        }
      },
    });
  }
}

interface QueueRow {
  name: string;
  waiting: number;
  deferred: number;
  active: number;
  oldest_waiting_seconds: number;
  oldest_pending_seconds: number;
}

/**
 * Per queue, from pg-boss's job table (its partial index on unfinished jobs serves the waiting
 * counts). The SMS outbox itself is under per-tenant RLS; every pending outbox row has exactly
 * one unfinished delivery job, so the delivery queue is the outbox backlog without reading
 * 2,800 tenants' rows.
 */
async function readQueues(owner: Knex): Promise<QueueRow[]> {
  const { rows } = await owner.raw(`
    select q.name,
      count(j.id) filter (where j.state in ('created', 'retry') and j.start_after <= now())::int as waiting,
      count(j.id) filter (where j.state in ('created', 'retry') and j.start_after > now())::int as deferred,
      count(j.id) filter (where j.state = 'active')::int as active,
      coalesce(extract(epoch from now() - min(j.start_after) filter (where j.state in ('created', 'retry') and j.start_after <= now())), 0)::float8 as oldest_waiting_seconds,
      coalesce(extract(epoch from now() - min(j.created_on)), 0)::float8 as oldest_pending_seconds
    from pgboss.queue q
    left join pgboss.job j on j.name = q.name and j.state in ('created', 'retry', 'active')
    group by q.name
    order by q.name`);
  return rows as QueueRow[];
}

/**
 * `/metrics` in Prometheus text format, only for `Authorization: Bearer <METRICS_TOKEN>`;
 * without a configured token the route answers 404 as if absent (never public).
 */
export function registerMetricsRoute(app: FastifyInstance, metrics: PlatformMetrics): void {
  const token = app.platform.config.metricsToken;
  app.addHook('onResponse', async (request, reply) => {
    metrics.observeRequest(request.method, routeLabel(request), reply.statusCode, reply.elapsedTime / 1000);
  });
  app.get('/metrics', { config: { public: true, pressureHandler: () => undefined }, schema: { hide: true } }, async (request, reply) => {
    if (!token) return reply.callNotFound();
    if (!bearerMatches(request.headers.authorization, token)) {
      return reply
        .status(401)
        .header('www-authenticate', 'Bearer realm="metrics"')
        .send({
          error: { code: CORE_ERRORS.METRICS_TOKEN_INVALID, message: 'Metrics need Authorization: Bearer <METRICS_TOKEN>', details: [] },
        });
    }
    const body = await metrics.registry.metrics();
    return reply.header('cache-control', 'no-store').type(metrics.registry.contentType).send(body);
  });
}

function bearerMatches(header: string | undefined, token: string): boolean {
  const given = header?.startsWith('Bearer ') ? Buffer.from(header.slice('Bearer '.length)) : Buffer.alloc(0);
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
