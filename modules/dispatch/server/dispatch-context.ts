import type { FastifyRequest } from 'fastify';
import type { Knex } from 'knex';
import { DEFAULT_TIME_ZONE, type JobRunner, type ModuleJobContext, tenantTimeZone } from '../../../core/module-kit.ts';
import { quietHoursNotifier, type DispatchNotifier } from './quiet-notifier.ts';

/**
 * What dispatch's services need, the same whether a request or a job drives them: the tenant
 * transaction, who acts (null for the platform's own schedule), the time of the change, and the
 * ways out (events for other modules, notifications).
 */
export interface DispatchContext {
  trx: Knex.Transaction;
  tenantId: string;
  userId: string | null;
  now: Date;
  /** The county's IANA zone: deadlines in messages and sheets, quiet hours and "today" read its clock. */
  timeZone: string;
  emitEvent(trx: Knex.Transaction, tenantId: string, event: string, payload: Record<string, unknown>): Promise<unknown>;
  /** Holds SMS through the tenant's quiet hours: build it with `quietHoursNotifier`. */
  notifier: DispatchNotifier;
  /** Queues follow-up jobs in `trx` (a light recomputed at a deadline); absent in scheduled sweeps. */
  jobs?: Pick<JobRunner, 'enqueue'>;
}

export function dispatchContext(request: FastifyRequest): DispatchContext {
  const jobs = request.server.jobs;
  return {
    trx: request.db,
    tenantId: request.tenant.id,
    userId: request.user?.id ?? null,
    now: new Date(),
    timeZone: request.tenant.timeZone ?? DEFAULT_TIME_ZONE,
    emitEvent: (trx, tenantId, event, payload) => jobs.emitEvent(trx, tenantId, event, payload),
    notifier: quietHoursNotifier(request.server.notifier),
    jobs,
  };
}

/** The context of a scheduled job in one tenant's transaction: nobody acts, the county's zone is read once. */
export async function jobDispatchContext(context: Pick<ModuleJobContext, 'emitEvent' | 'notifier'>, db: Knex.Transaction, tenantId: string, now: Date): Promise<DispatchContext> {
  return { trx: db, tenantId, userId: null, now, timeZone: await tenantTimeZone(db, tenantId), emitEvent: context.emitEvent, notifier: quietHoursNotifier(context.notifier) };
}
