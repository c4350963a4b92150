import type { FastifyRequest } from 'fastify';
import type { FormsContext } from './form.service.ts';

export function formsContext(request: FastifyRequest): FormsContext {
  return { trx: request.db, tenantId: request.tenant.id, userId: request.user?.id ?? null };
}
