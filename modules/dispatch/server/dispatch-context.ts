import type { FastifyRequest } from 'fastify';
import type { Knex } from 'knex';
import type { Notifier } from '../../../core/notify/notifier.ts';

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
  notifier: Notifier;
}

export function dispatchContext(request: FastifyRequest): DispatchContext {
  const jobs = request.server.jobs;
  return {
    trx: request.db,
    tenantId: request.tenant.id,
    userId: request.user?.id ?? null,
    now: new Date(),
    emitEvent: (trx, tenantId, event, payload) => jobs.emitEvent(trx, tenantId, event, payload),
    notifier: request.server.notifier,
  };
}
