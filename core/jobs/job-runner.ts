import type { FastifyBaseLogger } from 'fastify';
import type { Knex } from 'knex';
import PgBoss from 'pg-boss';
import type { Database } from '../db/database.ts';
import type { ModuleRegistry } from '../modules/module-registry.ts';
import { emitModuleEvent } from './module-jobs.ts';
import { KnexJobDb, executeOnKnex, transactionJobDb, type JobDb } from './knex-job-db.ts';
import { currentRequestId, runWithRequestId } from '../ops/request-id.ts';

/**
 * Key in a job's data for the id of the request that caused it (directly or through other
 * jobs): the worker's log lines carry it. Handlers never see it.
 */
const REQUEST_ID_KEY = '_requestId';

/** Stamps the current request id, when there is one, on a job's data. */
function withRequestId(data: Record<string, unknown>): Record<string, unknown> {
  const requestId = currentRequestId();
  return requestId ? { ...data, [REQUEST_ID_KEY]: requestId } : data;
}

/** What a handler learns about the job it runs. */
export interface JobInfo {
  id: string;
  name: string;
  /** 0 on the first attempt. */
  retryCount: number;
  retryLimit: number;
}

export type JobHandler = (data: Record<string, unknown>, job: JobInfo) => Promise<void>;

/** Per-job options callers may set; a queue's `defaults` fill in the rest. */
export type EnqueueOptions = Pick<
  PgBoss.SendOptions,
  'retryLimit' | 'retryDelay' | 'retryBackoff' | 'startAfter' | 'singletonKey' | 'expireInSeconds' | 'priority'
>;

export interface JobDefinition {
  /** Queue name, `<area>.<job>`. */
  name: string;
  handler: JobHandler;
  /** Cron schedule in Asia/Shanghai: the runner enqueues the job itself at those times. */
  cron?: string;
  /** Retry and expiry policy applied to every job enqueued on this queue. */
  defaults?: EnqueueOptions;
  /**
   * Many small jobs (one SMS each): fetch up to `size` at once, run `concurrency` of them at a
   * time, and keep fetching while batches come back full instead of waiting for the next poll.
   * Each job still completes, fails and retries on its own.
   */
  batch?: { size: number; concurrency: number };
}

export interface JobRunnerOptions {
  /** How often an idle worker looks for new jobs (pg-boss's minimum is 0.5). */
  pollingIntervalSeconds: number;
  /** How long stop() lets running jobs finish before pg-boss marks them failed (to be retried). */
  stopTimeoutMs?: number;
}

const CRON_TIME_ZONE = 'Asia/Shanghai';
/** A batch worker keeps draining a long queue this long before it lets the poll loop take over. */
const BATCH_DRAIN_MS = 60_000;
const JOB_SCHEMA = 'pgboss';

/**
 * Durable jobs on pg-boss, over knex connections on PostgreSQL and PGlite alike.
 * - `enqueue` inserts a job inside the caller's transaction: it exists if and only if the
 *   business change commits. It never touches the pool, so it cannot deadlock PGlite's single
 *   connection held by that transaction.
 * - Workers run only between `start` and `stop`; queues exist from `install` on, so requests may
 *   enqueue while no worker runs (they are picked up on the next start).
 */
export class JobRunner {
  private readonly definitions = new Map<string, JobDefinition>();
  /** Never started: creates queues and builds inserts; the rows go through the caller's connection. */
  private readonly sender: PgBoss;
  private worker: { boss: PgBoss; db: KnexJobDb } | null = null;
  /** Handlers running now: stop() waits for them. */
  private running = 0;
  private readonly installed = new Set<string>();

  constructor(
    private readonly db: Database,
    private readonly modules: ModuleRegistry,
    private readonly log: FastifyBaseLogger,
    private readonly options: JobRunnerOptions,
  ) {
    const ownerDb: JobDb = { executeSql: (text, values) => executeOnKnex(db.owner, text, values) };
    this.sender = new PgBoss({ db: ownerDb as PgBoss.Db, schema: JOB_SCHEMA, supervise: false, schedule: false, migrate: false });
  }

  /** Declares a queue and its handler; call before `install`/`start`. */
  register(definition: JobDefinition): void {
    if (this.definitions.has(definition.name)) throw new Error(`Job "${definition.name}" is registered twice`);
    this.definitions.set(definition.name, definition);
  }

  /** Creates the queues that do not exist yet (the schema itself comes from a migration). */
  async install(): Promise<void> {
    const existing = new Set((await this.sender.getQueues()).map((q) => q.name));
    for (const name of this.definitions.keys()) {
      if (!existing.has(name)) await this.sender.createQueue(name);
      this.installed.add(name);
    }
  }

  /** Workers are polling (between `start` and `stop`): what `/readyz` asks. */
  get started(): boolean {
    return this.worker !== null;
  }

  async start(): Promise<void> {
    if (this.worker) return;
    await this.install();
    const crons = [...this.definitions.values()].filter((d) => d.cron);
    const db = new KnexJobDb(this.db.owner);
    // A fresh instance per start: a stopped pg-boss does not resume its maintenance.
    const boss = new PgBoss({ db: db as PgBoss.Db, schema: JOB_SCHEMA, schedule: crons.length > 0 });
    boss.on('error', (error) => this.log.error({ err: error }, 'job queue error'));
    await boss.start();
    this.worker = { boss, db };
    await this.retryJobsCutOffByCrash(boss);
    try {
      for (const definition of this.definitions.values()) {
        await boss.work<Record<string, unknown>>(
          definition.name,
          { pollingIntervalSeconds: this.options.pollingIntervalSeconds, includeMetadata: true, batchSize: definition.batch?.size ?? 1 },
          (jobs) => (definition.batch ? this.drainBatches(definition, definition.batch, boss, jobs) : this.track(definition, jobs[0])),
        );
      }
      for (const definition of crons)
        await boss.schedule(definition.name, definition.cron as string, {}, { tz: CRON_TIME_ZONE, ...definition.defaults });
      for (const schedule of await boss.getSchedules()) {
        if (!this.definitions.get(schedule.name)?.cron) await boss.unschedule(schedule.name);
      }
    } catch (error) {
      await this.stop();
      throw error;
    }
    this.log.info({ queues: [...this.definitions.keys()] }, 'job workers started');
  }

  /**
   * The embedded database belongs to one process (DATA_DIR is locked), so a job still active when
   * its workers start was cut off by a crash of the previous process: an SMS the gateway may
   * already have taken, say. Retry those now (as failed attempts) instead of after their expiry,
   * minutes later. On PostgreSQL other nodes may be running them: expiry stays the rule there.
   */
  private async retryJobsCutOffByCrash(boss: PgBoss): Promise<void> {
    if (this.db.kind !== 'pglite') return;
    const { rows } = await executeOnKnex(this.db.owner, `select name, id from ${JOB_SCHEMA}.job where state = 'active'`);
    for (const { name, id } of rows as { name: string; id: string }[]) {
      await boss.fail(name, id, { message: 'interrupted: the previous server process stopped while running it' });
    }
    if (rows.length > 0) this.log.warn({ jobs: rows.length }, 'retrying jobs a crash interrupted');
  }

  /** Lets running jobs finish (bounded), then stops polling; safe to call when not started. */
  async stop(): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    this.worker = null;
    const timeout = this.options.stopTimeoutMs ?? 10_000;
    await worker.boss.stop({ graceful: true, timeout, close: false });
    // A worker may have fetched a job just as it was told to stop: let it run and be marked
    // completed. Both checks happen between timers, after the promise chains in between settled.
    const deadline = Date.now() + timeout;
    while ((this.running > 0 || !worker.db.idle) && Date.now() < deadline) await delay(20);
    worker.db.close();
  }

  /**
   * Inserts a job inside `trx`, so it exists if and only if the transaction commits.
   * Returns the job id.
   */
  async enqueue(trx: Knex.Transaction, name: string, data: Record<string, unknown>, options: EnqueueOptions = {}): Promise<string> {
    const defaults = this.definitions.get(name)?.defaults ?? {};
    const id = await this.sender.send(name, withRequestId(data), { ...defaults, ...options, db: transactionJobDb(trx) as PgBoss.Db });
    if (id) return id;
    if (options.singletonKey) return '';
    throw new Error(`Job "${name}" was not queued: no such queue`);
  }

  /** `enqueue` of many jobs on one queue in one statement (job ids are not returned). */
  async enqueueMany(
    trx: Knex.Transaction,
    name: string,
    items: Record<string, unknown>[],
    options: Omit<EnqueueOptions, 'startAfter' | 'singletonKey'> = {},
  ): Promise<void> {
    if (items.length === 0) return;
    // pg-boss's batch insert drops jobs of a missing queue silently: refuse instead.
    if (!this.installed.has(name)) throw new Error(`Job "${name}" was not queued: no such queue (registered and installed)`);
    const settings = { ...this.definitions.get(name)?.defaults, ...options };
    const jobs = items.map((data) => ({
      name,
      data: withRequestId(data),
      priority: settings.priority,
      retryLimit: settings.retryLimit,
      retryDelay: settings.retryDelay,
      retryBackoff: settings.retryBackoff,
      expireInSeconds: settings.expireInSeconds,
    }));
    await this.sender.insert(jobs, { db: transactionJobDb(trx) as PgBoss.Db });
  }

  /**
   * Raises a module event inside `trx`: one durable job per subscribing module enabled for the
   * tenant; each runs the module's handler in a transaction of that tenant. Returns the job ids.
   */
  emitEvent(trx: Knex.Transaction, tenantId: string, eventName: string, payload: Record<string, unknown>): Promise<string[]> {
    return emitModuleEvent(this, this.modules, trx, tenantId, eventName, payload);
  }

  /**
   * Runs a fetched batch and, while batches come back full, fetches and runs the next one at once:
   * pg-boss's own loop would wait a polling interval after every batch (one job per 2 s before).
   * Jobs are completed and failed one by one here; pg-boss's completion of the first batch after
   * we return then touches only jobs still active, which are none.
   */
  private async drainBatches(
    definition: JobDefinition,
    batch: { size: number; concurrency: number },
    boss: PgBoss,
    first: PgBoss.JobWithMetadata<Record<string, unknown>>[],
  ): Promise<void> {
    const until = Date.now() + BATCH_DRAIN_MS;
    let jobs = first;
    for (;;) {
      await this.runBatch(definition, batch.concurrency, boss, jobs);
      if (jobs.length < batch.size || this.worker?.boss !== boss || Date.now() > until) return;
      jobs = (await boss.fetch<Record<string, unknown>>(definition.name, { batchSize: batch.size, includeMetadata: true })) ?? [];
      if (jobs.length === 0) return;
    }
  }

  private async runBatch(
    definition: JobDefinition,
    concurrency: number,
    boss: PgBoss,
    jobs: PgBoss.JobWithMetadata<Record<string, unknown>>[],
  ): Promise<void> {
    const completed: string[] = [];
    const failed: { id: string; error: unknown }[] = [];
    let next = 0;
    const lane = async () => {
      while (next < jobs.length) {
        const job = jobs[next++];
        try {
          await this.track(definition, job);
          completed.push(job.id);
        } catch (error) {
          failed.push({ id: job.id, error });
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, jobs.length) }, lane));
    if (completed.length > 0) await boss.complete(definition.name, completed);
    for (const { id, error } of failed)
      await boss.fail(definition.name, id, { message: error instanceof Error ? error.message : String(error) });
  }

  private async track(definition: JobDefinition, job: PgBoss.JobWithMetadata<Record<string, unknown>>): Promise<void> {
    const info: JobInfo = { id: job.id, name: job.name, retryCount: job.retryCount, retryLimit: job.retryLimit };
    const { [REQUEST_ID_KEY]: requestId, ...data } = job.data ?? {};
    const log = typeof requestId === 'string' ? this.log.child({ requestId }) : this.log;
    const started = Date.now();
    this.running += 1;
    try {
      // Lines the handler causes (and jobs it enqueues) keep the request id.
      if (typeof requestId === 'string') await runWithRequestId(requestId, () => definition.handler(data, info));
      else await definition.handler(data, info);
      log.debug({ job: info, durationMs: Date.now() - started }, 'job done');
    } catch (error) {
      log.warn({ err: error, job: info, durationMs: Date.now() - started }, 'job failed');
      throw error;
    } finally {
      this.running -= 1;
    }
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
