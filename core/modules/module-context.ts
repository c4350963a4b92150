import type { FastifyRequest } from 'fastify';
import type { Knex } from 'knex';
import type { JobRunner } from '../jobs/job-runner.ts';
import type { Notifier } from '../notify/notifier.ts';
import { DEFAULT_TIME_ZONE, tenantTimeZone } from '../time/time-zone.ts';
import type { ModuleJobContext } from './contract.ts';

/**
 * What a module's services need, the same whether a request or a job drives them: the tenant
 * transaction, who acts (null for the platform's own schedule), the time of the change, the
 * county's clock, and the ways out (events for other modules, notifications, follow-up jobs).
 */
export interface ModuleContext {
  trx: Knex.Transaction;
  tenantId: string;
  userId: string | null;
  now: Date;
  /** The county's IANA zone: dates in messages and sheets, quiet hours and "today" read its clock. */
  timeZone: string;
  emitEvent(trx: Knex.Transaction, tenantId: string, event: string, payload: Record<string, unknown>): Promise<unknown>;
  notifier: Pick<Notifier, 'notify'>;
  /** Queues follow-up jobs in `trx`; absent in scheduled sweeps. */
  jobs?: Pick<JobRunner, 'enqueue'>;
}

/** The context of a request (after sign-in): its transaction, its user, now. */
export function moduleContext(request: FastifyRequest): ModuleContext {
  const jobs = request.server.jobs;
  return {
    trx: request.db,
    tenantId: request.tenant.id,
    userId: request.user?.id ?? null,
    now: new Date(),
    timeZone: request.tenant.timeZone ?? DEFAULT_TIME_ZONE,
    emitEvent: (trx, tenantId, event, payload) => jobs.emitEvent(trx, tenantId, event, payload),
    notifier: request.server.notifier,
    jobs,
  };
}

/** The context of a scheduled job in one tenant's transaction: nobody acts; the county's zone is read once. */
export async function jobModuleContext(
  context: Pick<ModuleJobContext, 'emitEvent' | 'notifier'>,
  db: Knex.Transaction,
  tenantId: string,
  now: Date,
): Promise<ModuleContext> {
  return {
    trx: db,
    tenantId,
    userId: null,
    now,
    timeZone: await tenantTimeZone(db, tenantId),
    emitEvent: context.emitEvent,
    notifier: context.notifier,
  };
}
