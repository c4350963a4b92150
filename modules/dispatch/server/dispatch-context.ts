import type { FastifyRequest } from 'fastify';
import type { Knex } from 'knex';
import { jobModuleContext, moduleContext, type ModuleContext, type ModuleJobContext } from '../../../core/module-kit.ts';
import { quietHoursNotifier } from './quiet-notifier.ts';

/**
 * Dispatch's services run in the kit's `ModuleContext`; dispatch only routes its SMS through the
 * county's quiet hours (`quietHoursNotifier`), for requests and jobs alike.
 */
export function dispatchContext(request: FastifyRequest): ModuleContext {
  return { ...moduleContext(request), notifier: quietHoursNotifier(request.server.notifier) };
}

/** The context of a scheduled job in one tenant's transaction, its SMS held through quiet hours. */
export async function jobDispatchContext(
  context: Pick<ModuleJobContext, 'emitEvent' | 'notifier'>,
  db: Knex.Transaction,
  tenantId: string,
  now: Date,
): Promise<ModuleContext> {
  return { ...(await jobModuleContext(context, db, tenantId, now)), notifier: quietHoursNotifier(context.notifier) };
}
