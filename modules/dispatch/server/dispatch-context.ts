import type { FastifyRequest } from 'fastify';
import type { Knex } from 'knex';
import type { JobRunner } from '../../../core/jobs/job-runner.ts';
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
    emitEvent: (trx, tenantId, event, payload) => jobs.emitEvent(trx, tenantId, event, payload),
    notifier: quietHoursNotifier(request.server.notifier),
    jobs,
  };
}
